#include "eegtrack/features/artifacts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "artifact_measures.hpp"
#include "eegtrack/dsp/require.hpp"
#include "eegtrack/dsp/span_scan.hpp"
#include "eegtrack/dsp/welch.hpp"

namespace eegtrack::features {
namespace {

[[noreturn]] void fail(const std::string& what, double value) {
  std::ostringstream os;
  os << "screen_epoch: " << what << " (" << value << ")";
  throw std::invalid_argument(os.str());
}

void require_positive(double v, const char* name) {
  if (!(v > 0.0) || !std::isfinite(v))
    fail(std::string(name) + " must be finite and > 0", v);
}

void validate(std::span<const double> x, double fs, const std::optional<ChannelRange>& range,
              const ArtifactParams& p) {
  require_positive(fs, "sample_rate_hz");
  const double min_samples = std::max(8.0, std::ceil(0.25 * fs));
  if (static_cast<double>(x.size()) < min_samples)
    fail("epoch must hold at least max(8, 0.25 s) = " +
             std::to_string(static_cast<long>(min_samples)) + " samples",
         static_cast<double>(x.size()));
  if (!dsp::all_finite(x))
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!std::isfinite(x[i]))
        fail("sample " + std::to_string(i) + " is not finite", x[i]);
  if (range && (!std::isfinite(range->physical_min_uv) || !std::isfinite(range->physical_max_uv) ||
                range->physical_min_uv == range->physical_max_uv))
    fail("range must be finite with physical_min_uv != physical_max_uv", range->physical_min_uv);
  features::validate(p);
}

double population_std(std::span<const double> x) {
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double ss = 0.0;
  for (const double v : x)
    ss += (v - mean) * (v - mean);
  return std::sqrt(ss / n);
}

dsp::Psd epoch_psd(std::span<const double> x, double fs, const ArtifactParams& p) {
  const double epoch_s = static_cast<double>(x.size()) / fs;
  dsp::WelchParams w;
  w.segment_s = std::min(p.psd_segment_s, epoch_s);
  return dsp::welch_psd(x, fs, w);
}

}  // namespace

void validate(const ArtifactParams& p) {
  constexpr const char* w = "ArtifactParams";
  const auto positive = [&](const char* field, double v) {
    dsp::require(v > 0.0 && std::isfinite(v), w, field, v, "must be finite and > 0");
  };
  positive("flat_std_uv", p.flat_std_uv);
  positive("flat_run_s", p.flat_run_s);
  dsp::require(p.clip_tolerance >= 0.0 && p.clip_tolerance < 0.5, w, "clip_tolerance",
               p.clip_tolerance, "must be in [0, 0.5)");
  dsp::require(p.clip_fraction >= 0.0 && p.clip_fraction < 1.0, w, "clip_fraction", p.clip_fraction,
               "must be in [0, 1)");
  positive("clip_run_s", p.clip_run_s);
  positive("amplitude_limit_uv", p.amplitude_limit_uv);
  positive("muscle_low_hz", p.muscle_low_hz);
  dsp::require(p.muscle_high_hz > p.muscle_low_hz, w, "muscle_high_hz", p.muscle_high_hz,
               "must be > muscle_low_hz");
  positive("muscle_ratio", p.muscle_ratio);
  dsp::require(p.line_exclusion_hz >= 0.0 && p.line_exclusion_hz < 5.0, w, "line_exclusion_hz",
               p.line_exclusion_hz, "must be in [0, 5)");
  positive("pop_step_z", p.pop_step_z);
  positive("pop_min_step_uv", p.pop_min_step_uv);
  positive("pop_window_s", p.pop_window_s);
  dsp::require(p.pop_persistence > 0.0 && p.pop_persistence <= 1.0, w, "pop_persistence",
               p.pop_persistence, "must be in (0, 1]");
  dsp::require(std::isfinite(p.line_prominence_db), w, "line_prominence_db", p.line_prominence_db,
               "must be finite");
  positive("psd_segment_s", p.psd_segment_s);
  dsp::require(p.field_neighbour_deg > 0.0 && p.field_neighbour_deg <= 180.0, w,
               "field_neighbour_deg", p.field_neighbour_deg, "must be in (0, 180]");
  dsp::require(p.field_min_neighbours >= 1, w, "field_min_neighbours",
               static_cast<double>(p.field_min_neighbours), "must be >= 1");
  positive("field_max_clip_run_s", p.field_max_clip_run_s);
  dsp::require(p.ocular_ratio >= 1.0 && std::isfinite(p.ocular_ratio), w, "ocular_ratio",
               p.ocular_ratio, "must be finite and >= 1");
  positive("ocular_min_uv", p.ocular_min_uv);
  positive("ocular_smooth_s", p.ocular_smooth_s);
}

std::string to_string(ArtifactReason mask) {
  static constexpr std::array<std::pair<ArtifactReason, const char*>, 8> kNames{{
      {ArtifactReason::Flat, "flat"},
      {ArtifactReason::Clipping, "clipping"},
      {ArtifactReason::Amplitude, "amplitude"},
      {ArtifactReason::Muscle, "muscle"},
      {ArtifactReason::ElectrodePop, "electrode_pop"},
      {ArtifactReason::LineNoise, "line_noise"},
      {ArtifactReason::HighAmplitudeField, "high_amplitude_field"},
      {ArtifactReason::Ocular, "ocular"},
  }};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (!has_any(mask, bit))
      continue;
    if (!out.empty())
      out += '|';
    out += name;
  }
  return out.empty() ? "none" : out;
}

std::vector<double> channel_stds(std::span<const std::vector<double>> channels) {
  std::vector<double> out(channels.size());
  constexpr std::size_t kGroup = 4;
  std::size_t c = 0;
  // Four channels of one length side by side; the rest, or channels of unequal lengths, one
  // at a time. Either way each channel's additions are its own, in sample order.
  for (; c + kGroup <= channels.size(); c += kGroup) {
    const std::size_t n = channels[c].size();
    bool same = true;
    for (std::size_t g = 1; g < kGroup; ++g)
      same = same && channels[c + g].size() == n;
    if (!same || n == 0) {
      for (std::size_t g = 0; g < kGroup; ++g)
        out[c + g] = population_std(channels[c + g]);
      continue;
    }
    std::array<const double*, kGroup> x{};
    for (std::size_t g = 0; g < kGroup; ++g)
      x[g] = channels[c + g].data();
    std::array<double, kGroup> mean{};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t g = 0; g < kGroup; ++g)
        mean[g] += x[g][i];
    const double count = static_cast<double>(n);
    for (double& m : mean)
      m /= count;
    std::array<double, kGroup> ss{};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t g = 0; g < kGroup; ++g)
        ss[g] += (x[g][i] - mean[g]) * (x[g][i] - mean[g]);
    for (std::size_t g = 0; g < kGroup; ++g)
      out[c + g] = std::sqrt(ss[g] / count);
  }
  for (; c < channels.size(); ++c)
    out[c] = population_std(channels[c]);
  return out;
}

ArtifactScreen screen_epoch(std::span<const double> samples, double sample_rate_hz,
                            const std::optional<ChannelRange>& range,
                            const ArtifactParams& params) {
  return screen_epoch(samples, sample_rate_hz, range, params, population_std(samples));
}

ArtifactScreen screen_epoch(std::span<const double> samples, double sample_rate_hz,
                            const std::optional<ChannelRange>& range, const ArtifactParams& params,
                            double std_uv) {
  validate(samples, sample_rate_hz, range, params);
  const auto& p = params;
  const double fs = sample_rate_hz;
  ArtifactScreen s;
  s.std_uv = std_uv;
  s.longest_constant_run_s = static_cast<double>(detail::longest_constant_run(samples)) / fs;
  if (s.std_uv < p.flat_std_uv || s.longest_constant_run_s >= p.flat_run_s)
    s.reasons |= ArtifactReason::Flat;

  const auto [lowest, highest] = dsp::value_range(samples);
  if (range) {
    // An epoch whose extremes stay clear of the limits has no sample at them: both are 0.
    if (!detail::never_at_limit(lowest, highest, *range, p.clip_tolerance)) {
      s.clipped_fraction = detail::clipped_fraction(samples, *range, p.clip_tolerance);
      s.longest_clipped_run_s =
          static_cast<double>(detail::longest_limit_run(samples, *range, p.clip_tolerance)) / fs;
    }
    if (s.clipped_fraction > p.clip_fraction)
      s.reasons |= ArtifactReason::Clipping;
  } else {
    s.longest_clipped_run_s =
        static_cast<double>(detail::longest_extreme_run(samples, lowest, highest)) / fs;
    // Without the limits, a plateau at the epoch's own maximum or minimum is the sign of an
    // amplifier saturating; a flat epoch has such a plateau too and is already Flat.
    if (s.longest_clipped_run_s >= p.clip_run_s && s.std_uv >= p.flat_std_uv)
      s.reasons |= ArtifactReason::Clipping;
  }

  // The median lies between the epoch's minimum and maximum, so no sample deviates from it by
  // more than the epoch's range. Within the limit the median, a selection that took a tenth
  // of the background analysis' time, is not needed.
  if (highest - lowest > p.amplitude_limit_uv) {
    s.max_deviation_uv = detail::max_deviation_from_median(samples);
    if (s.max_deviation_uv > p.amplitude_limit_uv)
      s.reasons |= ArtifactReason::Amplitude;
  } else {
    s.max_deviation_uv = std::numeric_limits<double>::quiet_NaN();
  }

  const dsp::Psd psd = epoch_psd(samples, fs, p);
  s.muscle_ratio = detail::muscle_ratio(psd, p);
  if (s.muscle_ratio > p.muscle_ratio)
    s.reasons |= ArtifactReason::Muscle;
  s.line_prominence_db = detail::line_prominence_db(psd);
  if (s.line_prominence_db >= p.line_prominence_db)
    s.reasons |= ArtifactReason::LineNoise;

  const auto step = detail::find_pop(samples, fs, p);
  s.max_step_z = step.max_z;
  s.pop_sample = step.pop_sample;
  if (step.pop_sample >= 0)
    s.reasons |= ArtifactReason::ElectrodePop;

  s.rejected = has_any(s.reasons, p.reject_reasons);
  return s;
}

}  // namespace eegtrack::features
