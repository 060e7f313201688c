#include "eegtrack/features/ocular.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/dsp/span_scan.hpp"

namespace eegtrack::features {
namespace {

bool periocular_electrode(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kLateral = {"F7", "F8", "F9", "F10", "Nz"};
  return name.starts_with("Fp") || name.starts_with("AF") ||
         std::find(kLateral.begin(), kLateral.end(), name) != kLateral.end();
}

OcularChannel role_of(const std::vector<std::string>& electrodes) {
  OcularChannel ch;
  bool left = false, right = false, periocular = false, all_posterior = !electrodes.empty();
  for (const auto& name : electrodes) {
    const auto site = sites::electrode_site(name);
    if (!site) {
      all_posterior = false;
      continue;
    }
    if (periocular_electrode(name)) {
      periocular = true;
      left = left || site->side == sites::Side::Left;
      right = right || site->side == sites::Side::Right;
    }
    all_posterior = all_posterior && site->region != sites::Region::Frontal &&
                    site->region != sites::Region::Auricular;
  }
  if (periocular) {
    ch.role = OcularRole::Periocular;
    // Fp1-Fp2 spans both eyes: it counts as midline, like Fpz.
    ch.side =
        left == right ? sites::Side::Midline : (left ? sites::Side::Left : sites::Side::Right);
  } else if (all_posterior) {
    ch.role = OcularRole::Posterior;
  }
  return ch;
}

// Moving average of odd width w (edges use the samples available), in place.
void box_smooth(std::vector<double>& x, std::size_t w) {
  const std::size_t n = x.size();
  if (w < 2 || n == 0)
    return;
  std::vector<double> prefix(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    prefix[i + 1] = prefix[i] + x[i];
  const std::size_t h = w / 2;
  const auto average = [&](std::size_t i) {
    const std::size_t lo = i >= h ? i - h : 0;
    const std::size_t hi = std::min(n, i + h + 1);
    return (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
  };
  // Inside, every window holds w samples: one divisor and no branch, so the loop vectorises.
  const std::size_t inner_begin = std::min(h, n);
  const std::size_t inner_end = n > h ? std::max(inner_begin, n - h) : inner_begin;
  const auto width = static_cast<double>(2 * h + 1);
  for (std::size_t i = 0; i < inner_begin; ++i)
    x[i] = average(i);
  for (std::size_t i = inner_begin; i < inner_end; ++i)
    x[i] = (prefix[i + h + 1] - prefix[i - h]) / width;
  for (std::size_t i = inner_end; i < n; ++i)
    x[i] = average(i);
}

// The signal as slow_amplitude_uv measures it: smoothed twice by a moving average.
std::vector<double> slow_signal(std::span<const double> samples, double sample_rate_hz,
                                double smooth_s) {
  if (!(sample_rate_hz > 0.0) || !(smooth_s > 0.0))
    throw std::invalid_argument("slow_amplitude_uv: sample rate and smoothing must be > 0 (" +
                                std::to_string(sample_rate_hz) + ", " + std::to_string(smooth_s) +
                                ")");
  std::vector<double> x(samples.begin(), samples.end());
  const auto w = static_cast<std::size_t>(std::lround(smooth_s * sample_rate_hz)) | 1U;
  box_smooth(x, w);
  box_smooth(x, w);
  return x;
}

double peak_deviation_from_median(const std::vector<double>& slow) {
  if (slow.empty())
    return 0.0;
  const double median = dsp::median(slow, dsp::EvenMedian::Upper);
  double peak = 0.0;
  for (const double v : slow)
    peak = std::max(peak, std::abs(v - median));
  return peak;
}

// max - min: the median lies inside, so the slow amplitude never exceeds it.
double range_of(const std::vector<double>& slow) {
  if (slow.empty())
    return 0.0;
  const auto [lowest, highest] = dsp::value_range(slow);
  return highest - lowest;
}

}  // namespace

bool OcularLayout::usable() const noexcept {
  const auto has = [&](OcularRole r) {
    return std::any_of(channels.begin(), channels.end(),
                       [r](const OcularChannel& c) { return c.role == r; });
  };
  return has(OcularRole::Periocular) && has(OcularRole::Posterior);
}

OcularLayout ocular_layout(std::span<const std::vector<std::string>> channel_electrodes) {
  OcularLayout layout;
  for (const auto& electrodes : channel_electrodes)
    layout.channels.push_back(role_of(electrodes));
  return layout;
}

double slow_amplitude_uv(std::span<const double> samples, double sample_rate_hz, double smooth_s) {
  return peak_deviation_from_median(slow_signal(samples, sample_rate_hz, smooth_s));
}

void flag_ocular(std::span<const std::vector<double>> samples, double sample_rate_hz,
                 std::span<ArtifactScreen> screens, const OcularLayout& layout,
                 const ArtifactParams& params) {
  if (samples.size() != screens.size() || screens.size() != layout.channels.size())
    throw std::invalid_argument("flag_ocular: " + std::to_string(samples.size()) + " signals, " +
                                std::to_string(screens.size()) + " screens and a layout of " +
                                std::to_string(layout.channels.size()) + " channels");
  if (!params.screen_ocular || !layout.usable())
    return;
  // A flat or clipped channel measures nothing; it neither carries nor sets the reference.
  const auto measured = [&](std::size_t c, OcularRole role) {
    return layout.channels[c].role == role &&
           !has_any(screens[c].reasons, ArtifactReason::Flat | ArtifactReason::Clipping);
  };
  // A periocular channel is marked when its slow amplitude reaches the threshold, which is at
  // least ocular_min_uv, and only when both sides have such a channel. So when one side has
  // no channel whose amplitude reaches ocular_min_uv, nothing is marked, whatever the
  // posterior channels show, and they need not be measured (their smoothing and medians were
  // a tenth of the background analysis' time). The amplitude is at most the smoothed signal's
  // range: channels whose range stays below ocular_min_uv are decided without their median,
  // and the amplitudes are taken only when both sides can still reach it. Every decision is
  // the one the amplitudes themselves would give.
  std::vector<std::vector<double>> slow(samples.size());
  std::vector<double> reach(samples.size(), 0.0);
  const auto both_sides = [&](auto&& reaches_minimum) {
    bool left = false, right = false;
    for (std::size_t c = 0; c < samples.size(); ++c) {
      if (!measured(c, OcularRole::Periocular) || !reaches_minimum(c))
        continue;
      left = left || layout.channels[c].side != sites::Side::Right;
      right = right || layout.channels[c].side != sites::Side::Left;
    }
    return left && right;
  };
  for (std::size_t c = 0; c < samples.size(); ++c) {
    if (!measured(c, OcularRole::Periocular))
      continue;
    slow[c] = slow_signal(samples[c], sample_rate_hz, params.ocular_smooth_s);
    reach[c] = range_of(slow[c]);
  }
  if (!both_sides([&](std::size_t c) { return reach[c] >= params.ocular_min_uv; }))
    return;
  std::vector<double> amplitude(samples.size(), 0.0);
  for (std::size_t c = 0; c < samples.size(); ++c)
    if (measured(c, OcularRole::Periocular) && reach[c] >= params.ocular_min_uv)
      amplitude[c] = peak_deviation_from_median(slow[c]);
  if (!both_sides([&](std::size_t c) { return amplitude[c] >= params.ocular_min_uv; }))
    return;
  std::vector<double> posterior;
  for (std::size_t c = 0; c < samples.size(); ++c)
    if (measured(c, OcularRole::Posterior))
      posterior.push_back(slow_amplitude_uv(samples[c], sample_rate_hz, params.ocular_smooth_s));
  if (posterior.empty())
    return;
  auto mid = posterior.begin() + static_cast<std::ptrdiff_t>(posterior.size() / 2);
  std::nth_element(posterior.begin(), mid, posterior.end());
  const double threshold = std::max(params.ocular_min_uv, params.ocular_ratio * *mid);
  const auto reaches = [&](std::size_t c) { return amplitude[c] >= threshold; };
  if (!both_sides(reaches))
    return;  // one side only: a frontal focus, not the eyes
  for (std::size_t c = 0; c < samples.size(); ++c) {
    if (!measured(c, OcularRole::Periocular) || !reaches(c))
      continue;
    screens[c].reasons |= ArtifactReason::Ocular;
    screens[c].rejected = has_any(screens[c].reasons, params.reject_reasons);
  }
}

}  // namespace eegtrack::features
