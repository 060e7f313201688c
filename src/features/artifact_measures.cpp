#include "artifact_measures.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "eegtrack/dsp/band_power.hpp"
#include "eegtrack/dsp/mains.hpp"
#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::features::detail {
namespace {

// Longest run of consecutive samples satisfying pred.
template <typename Pred>
std::size_t longest_run(std::span<const double> x, Pred pred) {
  std::size_t best = 0;
  std::size_t run = 0;
  for (const double v : x) {
    run = pred(v) ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

// Whether a sample lies within tolerance * range width of either limit of the range.
class AtLimit {
 public:
  AtLimit(const ChannelRange& range, double tolerance)
      : lo_(std::min(range.physical_min_uv, range.physical_max_uv)),
        hi_(std::max(range.physical_min_uv, range.physical_max_uv)),
        tol_(tolerance * (hi_ - lo_)) {}
  bool operator()(double v) const { return v <= lo_ + tol_ || v >= hi_ - tol_; }

 private:
  double lo_;
  double hi_;
  double tol_;
};

}  // namespace

std::size_t longest_constant_run(std::span<const double> x) {
  if (x.empty())
    return 0;
  std::size_t best = 1;
  std::size_t run = 1;
  for (std::size_t i = 1; i < x.size(); ++i) {
    run = x[i] == x[i - 1] ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

bool never_at_limit(double lowest, double highest, const ChannelRange& range, double tolerance) {
  const AtLimit at_limit(range, tolerance);
  return !at_limit(lowest) && !at_limit(highest);
}

double clipped_fraction(std::span<const double> x, const ChannelRange& range, double tolerance) {
  const auto n = std::count_if(x.begin(), x.end(), AtLimit(range, tolerance));
  return static_cast<double>(n) / static_cast<double>(x.size());
}

std::size_t longest_limit_run(std::span<const double> x, const ChannelRange& range,
                              double tolerance) {
  return longest_run(x, AtLimit(range, tolerance));
}

std::size_t longest_extreme_run(std::span<const double> x, double lowest, double highest) {
  return std::max(longest_run(x, [&](double v) { return v == highest; }),
                  longest_run(x, [&](double v) { return v == lowest; }));
}

double max_deviation_from_median(std::span<const double> x) {
  const double m = dsp::median(x);
  double best = 0.0;
  for (const double v : x)
    best = std::max(best, std::abs(v - m));
  return best;
}

StepSearch find_pop(std::span<const double> x, double sample_rate_hz, const ArtifactParams& p) {
  std::vector<double> diff(x.size() - 1);
  double largest = 0.0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    diff[i] = x[i + 1] - x[i];
    largest = std::max(largest, std::abs(diff[i]));
  }
  StepSearch out;
  // No step reaches the absolute minimum: no pop, and the robust SD (two selections over the
  // epoch, a quarter of the background analysis' time) is not needed.
  if (!(largest >= p.pop_min_step_uv)) {
    out.max_z = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  // 1.4826 MAD is the SD of Gaussian differences; the floor keeps quantised, nearly flat
  // signals (MAD 0) from turning every step into an infinite z.
  const double sigma = std::max(dsp::robust_sd(diff), 1e-3);
  const auto w =
      static_cast<std::size_t>(std::max(1.0, std::round(p.pop_window_s * sample_rate_hz)));
  // Candidate steps come in runs (a pop's ringing, a noisy stretch): the two level windows
  // slide with them instead of being selected afresh at each candidate.
  dsp::SlidingMedian pre_level(x);
  dsp::SlidingMedian post_level(x);
  for (std::size_t i = 0; i < diff.size(); ++i) {
    const double step = diff[i];
    const double z = std::abs(step) / sigma;
    out.max_z = std::max(out.max_z, z);
    if (out.pop_sample >= 0 || z < p.pop_step_z || std::abs(step) < p.pop_min_step_uv)
      continue;
    // A pop displaces the baseline and decays slowly; a spike or a muscle twitch returns
    // within tens of ms, so the median level after the step falls back.
    const std::size_t pre_begin = i + 1 >= w ? i + 1 - w : 0;
    const std::size_t post_end = std::min(x.size(), i + 1 + w);
    const double pre = pre_level.median(pre_begin, i + 1);
    const double post = post_level.median(i + 1, post_end);
    const double shift = post - pre;
    if (shift * step > 0.0 && std::abs(shift) >= p.pop_persistence * std::abs(step))
      out.pop_sample = static_cast<std::ptrdiff_t>(i + 1);
  }
  return out;
}

double muscle_ratio(const dsp::Psd& psd, const ArtifactParams& p) {
  const auto& f = psd.frequencies_hz;
  const double high = std::min(p.muscle_high_hz, f.back() - 1.0);
  if (f.back() < 30.0 || high < p.muscle_low_hz + 5.0)
    return std::numeric_limits<double>::quiet_NaN();
  const double reference = dsp::band_power(f, psd.psd_uv2_per_hz, 1.0, 30.0);
  double emg = dsp::band_power(f, psd.psd_uv2_per_hz, p.muscle_low_hz, high);
  // Mains lines are judged by the LineNoise test, not mistaken for EMG; their bands are
  // replaced by the mean EMG-band density so the ratio stays a power over the full band.
  double excluded_power = 0.0;
  double excluded_width = 0.0;
  for (const double line : {50.0, 60.0}) {
    const double lo = std::max(p.muscle_low_hz, line - p.line_exclusion_hz);
    const double hi = std::min(high, line + p.line_exclusion_hz);
    if (lo >= hi)
      continue;
    excluded_power += dsp::band_power(f, psd.psd_uv2_per_hz, lo, hi);
    excluded_width += hi - lo;
  }
  const double kept_width = high - p.muscle_low_hz - excluded_width;
  if (!(kept_width > 0.0))
    return std::numeric_limits<double>::quiet_NaN();
  emg = (emg - excluded_power) * (high - p.muscle_low_hz) / kept_width;
  if (!(reference > 0.0))
    return emg > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
  return emg / reference;
}

double line_prominence_db(const dsp::Psd& psd) {
  const auto m = dsp::detect_mains(psd.frequencies_hz, psd.psd_uv2_per_hz);
  return std::max(m.prominence_50_db, m.prominence_60_db);
}

}  // namespace eegtrack::features::detail
