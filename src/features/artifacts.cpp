#include "eegtrack/features/artifacts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "artifact_measures.hpp"
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

void validate_params(const ArtifactParams& p) {
  require_positive(p.flat_std_uv, "flat_std_uv");
  require_positive(p.flat_run_s, "flat_run_s");
  if (!(p.clip_tolerance >= 0.0 && p.clip_tolerance < 0.5))
    fail("clip_tolerance must lie in [0, 0.5)", p.clip_tolerance);
  if (!(p.clip_fraction >= 0.0 && p.clip_fraction < 1.0))
    fail("clip_fraction must lie in [0, 1)", p.clip_fraction);
  require_positive(p.clip_run_s, "clip_run_s");
  require_positive(p.amplitude_limit_uv, "amplitude_limit_uv");
  require_positive(p.muscle_low_hz, "muscle_low_hz");
  if (!(p.muscle_high_hz > p.muscle_low_hz))
    fail("muscle_high_hz must exceed muscle_low_hz", p.muscle_high_hz);
  require_positive(p.muscle_ratio, "muscle_ratio");
  if (!(p.line_exclusion_hz >= 0.0 && p.line_exclusion_hz < 5.0))
    fail("line_exclusion_hz must lie in [0, 5)", p.line_exclusion_hz);
  require_positive(p.pop_step_z, "pop_step_z");
  require_positive(p.pop_min_step_uv, "pop_min_step_uv");
  require_positive(p.pop_window_s, "pop_window_s");
  if (!(p.pop_persistence > 0.0 && p.pop_persistence <= 1.0))
    fail("pop_persistence must lie in (0, 1]", p.pop_persistence);
  if (!std::isfinite(p.line_prominence_db))
    fail("line_prominence_db must be finite", p.line_prominence_db);
  require_positive(p.psd_segment_s, "psd_segment_s");
}

void validate(std::span<const double> x, double fs, const std::optional<ChannelRange>& range,
              const ArtifactParams& p) {
  require_positive(fs, "sample_rate_hz");
  const double min_samples = std::max(8.0, std::ceil(0.25 * fs));
  if (static_cast<double>(x.size()) < min_samples)
    fail("epoch must hold at least max(8, 0.25 s) = " +
             std::to_string(static_cast<long>(min_samples)) + " samples",
         static_cast<double>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]))
      fail("sample " + std::to_string(i) + " is not finite", x[i]);
  if (range && (!std::isfinite(range->physical_min_uv) || !std::isfinite(range->physical_max_uv) ||
                range->physical_min_uv == range->physical_max_uv))
    fail("range must be finite with physical_min_uv != physical_max_uv", range->physical_min_uv);
  validate_params(p);
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

std::string to_string(ArtifactReason mask) {
  static constexpr std::array<std::pair<ArtifactReason, const char*>, 6> kNames{{
      {ArtifactReason::Flat, "flat"},
      {ArtifactReason::Clipping, "clipping"},
      {ArtifactReason::Amplitude, "amplitude"},
      {ArtifactReason::Muscle, "muscle"},
      {ArtifactReason::ElectrodePop, "electrode_pop"},
      {ArtifactReason::LineNoise, "line_noise"},
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

ArtifactScreen screen_epoch(std::span<const double> samples, double sample_rate_hz,
                            const std::optional<ChannelRange>& range,
                            const ArtifactParams& params) {
  validate(samples, sample_rate_hz, range, params);
  const auto& p = params;
  const double fs = sample_rate_hz;
  ArtifactScreen s;
  s.std_uv = population_std(samples);
  s.longest_constant_run_s = static_cast<double>(detail::longest_constant_run(samples)) / fs;
  if (s.std_uv < p.flat_std_uv || s.longest_constant_run_s >= p.flat_run_s)
    s.reasons |= ArtifactReason::Flat;

  if (range) {
    s.clipped_fraction = detail::clipped_fraction(samples, *range, p.clip_tolerance);
    if (s.clipped_fraction > p.clip_fraction)
      s.reasons |= ArtifactReason::Clipping;
  } else if (static_cast<double>(detail::longest_extreme_run(samples)) / fs >= p.clip_run_s &&
             s.std_uv >= p.flat_std_uv) {
    // Without the limits, a plateau at the epoch's own maximum or minimum is the sign of an
    // amplifier saturating; a flat epoch has such a plateau too and is already Flat.
    s.reasons |= ArtifactReason::Clipping;
  }

  s.max_deviation_uv = detail::max_deviation_from_median(samples);
  if (s.max_deviation_uv > p.amplitude_limit_uv)
    s.reasons |= ArtifactReason::Amplitude;

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
