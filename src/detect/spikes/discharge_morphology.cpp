// Candidate and morphology stages of the IED detector on one channel of one analysis span.

#include <algorithm>
#include <cmath>

#include "discharge_analysis.hpp"
#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/hilbert.hpp"
#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::detect::detail {
namespace {

dsp::Sos band(double low_hz, double high_hz, double fs) {
  // Edges near Nyquist are lowered so 128-Hz recordings still get a valid design.
  const double high = std::min(high_hz, 0.45 * fs);
  return dsp::butterworth({.order = 2,
                           .type = dsp::FilterType::BandPass,
                           .low_hz = low_hz,
                           .high_hz = high,
                           .sample_rate_hz = fs});
}

// The spike detector's robust SD takes the upper central value of an even count.
double robust_sd(std::span<const double> x) {
  return dsp::robust_sd(x, dsp::EvenMedian::Upper);
}

/// Janča et al. 2015: the envelope is modelled as log-normal; threshold = k (mode + median).
double lognormal_threshold(std::span<const double> envelope, double k) {
  std::vector<double> logs;
  logs.reserve(envelope.size() / kSpanStatisticStride + 1);
  for (std::size_t i = 0; i < envelope.size(); i += kSpanStatisticStride)
    logs.push_back(std::log(std::max(envelope[i], 1e-9)));
  const double mu = dsp::median(logs, dsp::EvenMedian::Upper);
  const double sigma = dsp::kMadToSd * dsp::mad(logs, mu, dsp::EvenMedian::Upper);
  return k * (std::exp(mu - sigma * sigma) + std::exp(mu));
}

std::size_t samples_of(double seconds, double fs) {
  return static_cast<std::size_t>(std::lround(seconds * fs));
}

}  // namespace

double span_sd(std::span<const double> x) {
  thread_local std::vector<double> every;
  every.clear();
  for (std::size_t i = 0; i < x.size(); i += kSpanStatisticStride)
    every.push_back(x[i]);
  return sampled_sd(every);
}

double sampled_sd(std::span<const double> every) {
  return robust_sd(every);
}

namespace {

/// Comparable same-polarity waves near the discharge (outside it): local maxima of y whose
/// prominence over the lower of their two flanking minima is at least `level`. Several of
/// them mean a rhythm (alpha, mu, muscle), not an isolated transient.
int comparable_peaks(std::span<const double> y, const IedDischarge& d, std::size_t half,
                     std::size_t guard, double level) {
  const std::size_t begin = d.peak > half ? d.peak - half : 0;
  const std::size_t end = std::min(y.size(), d.peak + half + 1);
  int count = 0;
  for (std::size_t i = begin + guard; i + guard < end; ++i) {
    if (i >= d.left && i <= d.right)
      continue;
    bool is_max = true;
    for (std::size_t j = i - guard; j <= i + guard && is_max; ++j)
      is_max = y[j] <= y[i];
    if (!is_max)
      continue;
    double left_min = y[i];
    double right_min = y[i];
    for (std::size_t j = i; j > begin && y[j - 1] <= left_min; --j)
      left_min = y[j - 1];
    for (std::size_t j = i; j + 1 < end && y[j + 1] <= right_min; ++j)
      right_min = y[j + 1];
    if (y[i] - std::max(left_min, right_min) >= level) {
      ++count;
      i += guard;
    }
  }
  return count;
}

/// Height of the after-going slow wave: the largest 50-ms mean of y after the discharge,
/// above the discharge's end trough.
double slow_wave_height(std::span<const double> y, std::size_t right, std::size_t window,
                        std::size_t smooth) {
  const std::size_t end = std::min(y.size(), right + window);
  double best = 0.0;
  double sum = 0.0;
  for (std::size_t i = right; i < end; ++i) {
    sum += y[i];
    if (i >= right + smooth)
      sum -= y[i - smooth];
    if (i + 1 >= right + smooth)
      best = std::max(best, sum / static_cast<double>(smooth) - y[right]);
  }
  return best;
}

/// Robust SD of x within +-1 s of the discharge [left, right], the discharge and the 300 ms
/// after it left out: the ongoing background the discharge must stand out from.
double local_sd(std::span<const double> x, std::size_t left, std::size_t right, double fs) {
  const std::size_t reach = samples_of(1.0, fs);
  const std::size_t begin = left > reach ? left - reach : 0;
  const std::size_t skip_end = std::min(x.size(), right + samples_of(0.3, fs));
  const std::size_t end = std::min(x.size(), skip_end + reach);
  std::vector<double> around;
  around.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    if (i < left || i >= skip_end)
      around.push_back(x[i]);
  }
  return std::max(robust_sd(around), 1e-9);
}

/// Twice the width at half amplitude (above the mean of the two troughs): for flanks shaped
/// like half cosines this equals the base width, and it does not depend on where exactly
/// the background lets a flank end, which the trough-to-trough width does.
double half_amplitude_duration_s(std::span<const double> y, std::size_t left, std::size_t peak,
                                 std::size_t right, double fs) {
  const double half = 0.5 * (y[peak] + 0.5 * (y[left] + y[right]));
  auto crossing = [&](std::size_t from, std::size_t to) {
    // from is below half, to above: linear interpolation between the samples around it.
    const int step = to > from ? 1 : -1;
    std::size_t i = from;
    while (i != to && y[static_cast<std::size_t>(static_cast<long>(i) + step)] < half)
      i = static_cast<std::size_t>(static_cast<long>(i) + step);
    if (i == to)
      return static_cast<double>(to);
    const std::size_t j = static_cast<std::size_t>(static_cast<long>(i) + step);
    const double fraction = (half - y[i]) / (y[j] - y[i]);
    return static_cast<double>(i) + step * fraction;
  };
  const double rise = crossing(left, peak);
  const double fall = crossing(right, peak);
  return 2.0 * (fall - rise) / fs;
}

/// Prefix count of samples inside runs of at least `run` constant raw samples.
std::vector<std::size_t> flat_prefix(std::span<const double> raw, std::size_t run) {
  std::vector<std::size_t> count(raw.size() + 1, 0);
  std::size_t start = 0;
  std::vector<bool> flat(raw.size(), false);
  for (std::size_t i = 1; i <= raw.size(); ++i) {
    if (i < raw.size() && std::abs(raw[i] - raw[i - 1]) < 1e-9)
      continue;
    if (i - start >= run)
      std::fill(flat.begin() + static_cast<std::ptrdiff_t>(start),
                flat.begin() + static_cast<std::ptrdiff_t>(i), true);
    start = i;
  }
  for (std::size_t i = 0; i < raw.size(); ++i)
    count[i + 1] = count[i] + (flat[i] ? 1 : 0);
  return count;
}

bool near_flat(const IedChannelView& view, std::size_t at, std::size_t guard) {
  const std::size_t lo = at > guard ? at - guard : 0;
  const std::size_t hi = std::min(view.flat_count.size() - 1, at + guard + 1);
  return view.flat_count[hi] > view.flat_count[lo];
}

}  // namespace

// Walks from the peak down one flank of y until y rises again by more than the hysteresis;
// returns the lowest point passed. step is -1 (left) or +1 (right).
std::size_t flank_end(std::span<const double> y, std::size_t peak, int step, std::size_t max_len,
                      double hysteresis, double floor_tol) {
  std::size_t best = peak;
  double lowest = y[peak];
  for (std::size_t n = 1; n <= max_len; ++n) {
    if (step < 0 && n > peak)
      break;
    const std::size_t i = step < 0 ? peak - n : peak + n;
    if (i >= y.size())
      break;
    const double tol = std::min(std::max(hysteresis * (y[peak] - lowest), floor_tol),
                                0.5 * (y[peak] - lowest) + floor_tol);
    if (y[i] < lowest) {
      lowest = y[i];
      best = i;
    } else if (y[i] > lowest + tol) {
      break;
    }
  }
  return best;
}

IedFilters design_ied_filters(const IedParams& p, double sample_rate_hz) {
  return {band(p.broadband_low_hz, p.broadband_high_hz, sample_rate_hz),
          band(p.fast_low_hz, p.fast_high_hz, sample_rate_hz)};
}

IedChannelView view_channel(std::span<const double> raw, std::vector<double> broadband,
                            std::span<const double> fast, const IedParams& p, double fs) {
  IedChannelView v;
  v.flat_count = flat_prefix(raw, std::max<std::size_t>(2, samples_of(p.flat_run_s, fs)));
  v.broadband = std::move(broadband);
  v.fast_envelope = dsp::envelope(fast);
  v.envelope_threshold = lognormal_threshold(v.fast_envelope, p.envelope_k);
  v.sd_uv = span_sd(v.broadband);
  std::vector<double> diff(v.broadband.size() - 1);
  for (std::size_t i = 0; i + 1 < v.broadband.size(); ++i)
    diff[i] = v.broadband[i + 1] - v.broadband[i];
  v.slope_sd = span_sd(diff);
  return v;
}

std::vector<std::size_t> candidate_peaks(const IedChannelView& view, const IedParams& p,
                                         double fs) {
  std::vector<std::size_t> out;
  const auto& x = view.broadband;
  const std::size_t guard = std::max<std::size_t>(1, samples_of(0.5 * p.min_duration_s, fs));
  const std::size_t reach = samples_of(0.025, fs);
  const double deep = -p.candidate_amplitude_ratio * view.sd_uv;
  for (std::size_t i = guard; i + guard < x.size(); ++i) {
    if (x[i] > -view.sd_uv)
      continue;  // not even one SD deep: neither route can lead to a discharge
    bool is_min = true;
    for (std::size_t j = i - guard; j <= i + guard && is_min; ++j)
      is_min = x[j] >= x[i];
    if (!is_min)
      continue;
    bool fast = false;
    const std::size_t lo = i > reach ? i - reach : 0;
    const std::size_t hi = std::min(x.size(), i + reach + 1);
    for (std::size_t j = lo; j < hi && !fast; ++j)
      fast = view.fast_envelope[j] > view.envelope_threshold;
    if (fast || x[i] <= deep)
      out.push_back(i);
    i += guard;
  }
  return out;
}

int similar_waves(const IedChannelView& view, const IedDischarge& d, const IedParams& p,
                  double fs) {
  return similar_half_waves(view.broadband, d.peak, p, fs);
}

int similar_half_waves(std::span<const double> x, std::size_t peak, const IedParams& p, double fs) {
  const std::size_t n = x.size();
  // The discharge's own negative half-wave.
  std::size_t own_left = peak;
  std::size_t own_right = peak;
  while (own_left > 0 && x[own_left] < 0.0)
    --own_left;
  while (own_right + 1 < n && x[own_right] < 0.0)
    ++own_right;
  const double own_s = static_cast<double>(own_right - own_left) / fs;
  const double depth = p.similar_depth_fraction * -x[peak];
  const std::size_t reach = samples_of(p.rhythm_context_s, fs);
  const std::size_t begin = peak > reach ? peak - reach : 0;
  const std::size_t end = std::min(n, peak + reach);
  int count = 0;
  for (std::size_t k = begin; k < end;) {
    if (x[k] >= 0.0) {
      ++k;
      continue;
    }
    std::size_t e = k;
    double deepest = 0.0;
    for (; e < end && x[e] < 0.0; ++e)
      deepest = std::min(deepest, x[e]);
    const double s = static_cast<double>(e - k) / fs;
    const bool own = k <= peak && peak < e;
    if (!own && -deepest >= depth && s * p.similar_duration_ratio >= own_s &&
        s <= own_s * p.similar_duration_ratio)
      ++count;
    k = e;
  }
  return count;
}

std::optional<IedDischarge> measure_discharge(const IedChannelView& view, std::size_t channel,
                                              std::size_t peak, const IedParams& p, double fs) {
  // Surface-negative discharges: a local, inverted copy makes the discharge a maximum.
  const std::size_t reach = samples_of(p.max_duration_s + p.slow_wave_window_s, fs);
  const std::size_t lo = peak > reach ? peak - reach : 0;
  const std::size_t hi = std::min(view.broadband.size(), peak + reach + 1);
  std::vector<double> y(hi - lo);
  for (std::size_t i = lo; i < hi; ++i)
    y[i - lo] = -view.broadband[i];
  if (near_flat(view, peak, samples_of(p.flat_guard_s, fs)))
    return std::nullopt;  // filter transient at a dropout or at the flat end of a recording
  const std::size_t pk = peak - lo;
  const std::size_t max_len = samples_of(p.max_duration_s, fs);
  const double floor_tol = 0.1 * view.sd_uv;
  IedDischarge d;
  d.channel = channel;
  d.peak = pk;
  d.left = flank_end(y, pk, -1, max_len, p.trough_hysteresis, floor_tol);
  d.right = flank_end(y, pk, +1, max_len, p.trough_hysteresis, floor_tol);
  d.duration_s = half_amplitude_duration_s(y, d.left, pk, d.right, fs);
  if (d.duration_s < p.min_duration_s || d.duration_s > p.max_duration_s)
    return std::nullopt;
  d.amplitude_uv = y[pk] - 0.5 * (y[d.left] + y[d.right]);
  d.amplitude_ratio = d.amplitude_uv / view.sd_uv;
  if (d.amplitude_ratio < p.min_amplitude_ratio)
    return std::nullopt;
  double rise = 0.0;
  double fall = 0.0;
  for (std::size_t i = d.left + 1; i <= pk; ++i)
    rise = std::max(rise, y[i] - y[i - 1]);
  for (std::size_t i = pk + 1; i <= d.right; ++i)
    fall = std::max(fall, y[i - 1] - y[i]);
  d.slope_ratio = std::min(rise, fall) / view.slope_sd;
  if (d.slope_ratio < p.min_slope_ratio)
    return std::nullopt;
  // The local background (two medians of about 2 s) is the costliest measure: last, and only
  // when its gate applies (the whitened route relaxes it to 0, which no amplitude that passed
  // the gates above can fail: the ratio is then left at 0, and nothing else reads it).
  if (p.min_local_ratio > 0.0) {
    d.local_ratio = d.amplitude_uv / local_sd(view.broadband, lo + d.left, lo + d.right, fs);
    if (d.local_ratio < p.min_local_ratio)
      return std::nullopt;
  }
  const auto rise_n = static_cast<double>(pk - d.left);
  const auto fall_n = static_cast<double>(d.right - pk);
  d.asymmetry = std::abs(rise_n - fall_n) / (rise_n + fall_n);
  d.slow_wave = slow_wave_height(y, d.right, samples_of(p.slow_wave_window_s, fs),
                                 std::max<std::size_t>(1, samples_of(0.05, fs))) /
                d.amplitude_uv;
  const std::size_t guard = std::max<std::size_t>(1, samples_of(0.5 * p.min_duration_s, fs));
  d.rhythm_peaks = comparable_peaks(y, d, samples_of(p.train_window_s, fs), guard,
                                    p.train_peak_fraction * d.amplitude_uv);
  if (d.rhythm_peaks > p.max_train_peaks)
    return std::nullopt;
  d.peak += lo;
  d.left += lo;
  d.right += lo;
  return d;
}

}  // namespace eegtrack::detect::detail
