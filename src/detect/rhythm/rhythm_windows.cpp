#include "rhythm_windows.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/fft.hpp"
#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::detect::detail {

namespace {

constexpr double kSubharmonicTolerance = 0.8;

std::size_t samples_of(double seconds, double fs) {
  return static_cast<std::size_t>(std::lround(seconds * fs));
}

// out[k] = ac[k] / ac[0] * n / overlaps[k]: normalised to 1 at lag 0 and corrected for the
// shrinking overlap. Two divisions per lag were a fifth of the rhythm analysis done one at a
// time; the overlaps come as doubles (n - k, exact) so that the loop vectorises, and each lane
// divides as the scalar code does.
EEGTRACK_VECTOR_CLONES void normalise_lags(const double* __restrict ac,
                                           const double* __restrict overlaps, std::span<double> out,
                                           double n) {
  const double zero_lag = ac[0];
  double* __restrict o = out.data();
  for (std::size_t k = 0; k < out.size(); ++k)
    o[k] = ac[k] / zero_lag * n / overlaps[k];
}

// Mean and squared deviations about it of a window, each summed oldest sample first.
struct WindowMoments {
  double mean = 0.0;
  double energy = 0.0;
};

// The moments of several windows of one length. Each window's sums add its samples in order,
// as for one window alone, but the windows are interleaved: one sum waits on its previous
// addition, and the channels of one analysis window give independent sums to fill the wait.
void moments_of(std::span<const std::vector<double>> windows, std::span<WindowMoments> out) {
  const std::size_t m = windows.size();
  if (m == 0)
    return;
  const std::size_t n = windows[0].size();
  for (std::size_t j = 0; j < m; ++j)
    out[j] = {};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j)
      out[j].mean += windows[j][i];
  }
  for (std::size_t j = 0; j < m; ++j)
    out[j].mean /= static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      const double d = windows[j][i] - out[j].mean;
      out[j].energy += d * d;
    }
  }
}

// Autocorrelation of the mean-removed window for lags 0..lags-1, normalised to 1 at lag 0 and
// corrected for the shrinking overlap (n / (n - k)); computed through the power spectrum with
// zero padding (no circular wrap). Empty for a flat window.
// The result lives in a per-thread buffer until the thread's next call: the rhythm detectors
// call this for every channel of every window, and allocating four buffers per call cost about
// a sixth of its time.
std::span<const double> normalised_autocorrelation(const std::vector<double>& window,
                                                   const WindowMoments& moments, std::size_t lags) {
  thread_local std::vector<double> padded;
  thread_local std::vector<std::complex<double>> bins;
  thread_local std::vector<double> ac;
  thread_local std::vector<double> out;
  thread_local std::vector<double> overlaps;
  const std::size_t n = window.size();
  if (moments.energy <= 0.0)
    return {};
  padded.assign(2 * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    padded[i] = window[i] - moments.mean;
  bins.resize(n + 1);
  dsp::rfft(padded, bins);
  for (auto& b : bins)
    b = std::norm(b);
  ac.resize(2 * n);
  dsp::irfft(bins, ac);
  out.resize(std::min(lags, n));
  overlaps.resize(out.size());
  for (std::size_t k = 0; k < out.size(); ++k)
    overlaps[k] = static_cast<double>(n - k);
  normalise_lags(ac.data(), overlaps.data(), out, static_cast<double>(n));
  return out;
}

// rhythm_of with the window's moments already summed.
ChannelRhythm rhythm_with(const std::vector<double>& window, const WindowMoments& moments,
                          double sample_rate_hz, std::size_t min_lag, std::size_t max_lag);

}  // namespace

std::size_t rhythm_decimation(const RhythmWindowSettings& settings, double sample_rate_hz) {
  const double fastest = std::max(settings.high_hz, settings.max_frequency_hz);
  const double most = std::floor(sample_rate_hz / (kRhythmSamplesPerCycle * fastest));
  if (!(most >= 2.0))
    return 1;
  auto q = static_cast<std::size_t>(std::min(most, 1e6));
  const std::size_t window = samples_of(settings.window_s, sample_rate_hz);
  const std::size_t step = samples_of(settings.step_s, sample_rate_hz);
  while (q > 1 && (window % q != 0 || step % q != 0))
    --q;
  return q;
}

RhythmWindowStream::RhythmWindowStream(std::size_t channel_count, double sample_rate_hz,
                                       const RhythmWindowSettings& settings)
    : fs_(sample_rate_hz) {
  if (!(sample_rate_hz > 2.0 * settings.high_hz))
    throw std::invalid_argument("RhythmWindowStream: sample rate too low (" +
                                std::to_string(sample_rate_hz) + ")");
  if (!(sample_rate_hz <= kMaxRhythmSampleRateHz))
    throw std::invalid_argument("RhythmWindowStream: sample rate too high (" +
                                std::to_string(sample_rate_hz) + " Hz, at most " +
                                std::to_string(kMaxRhythmSampleRateHz) + ")");
  if (!(settings.step_s > 0.0) || settings.window_s < settings.step_s)
    throw std::invalid_argument("RhythmWindowStream: need 0 < step_s <= window_s (" +
                                std::to_string(settings.step_s) + ")");
  decimation_ = rhythm_decimation(settings, fs_);
  rate_ = fs_ / static_cast<double>(decimation_);
  window_ = samples_of(settings.window_s, rate_);
  step_ = std::max<std::size_t>(1, samples_of(settings.step_s, rate_));
  min_lag_ = std::max<std::size_t>(2, samples_of(1.0 / settings.max_frequency_hz, rate_));
  max_lag_ = std::min(window_ - 2, samples_of(1.0 / settings.min_frequency_hz, rate_));
  sos_ = dsp::butterworth({.order = 2,
                           .type = dsp::FilterType::BandPass,
                           .low_hz = settings.low_hz,
                           .high_hz = settings.high_hz,
                           .sample_rate_hz = fs_});
  filters_ = dsp::SosFilterBank(sos_, channel_count);
  rings_.assign(channel_count, std::vector<double>(window_, 0.0));
  last_masked_.assign(channel_count, -1);
}

void RhythmWindowStream::start_segment(const DetectionBlock& block) {
  for (std::size_t c = 0; c < filters_.channels(); ++c) {
    const auto& x = block.samples[c];
    const double first = !x.empty() && std::isfinite(x[0]) ? x[0] : 0.0;
    filters_.reset_to_steady_state(c, first);
    std::fill(rings_[c].begin(), rings_[c].end(), 0.0);
    last_masked_[c] = -1;
  }
  ring_pos_ = 0;
  segment_samples_ = 0;
  segment_start_s_ = block.start_s;
  in_segment_ = true;
}

std::vector<RhythmWindow> RhythmWindowStream::push(const DetectionBlock& block) {
  if (block.samples.size() != filters_.channels())
    throw std::invalid_argument("RhythmWindowStream::push: channel count " +
                                std::to_string(block.samples.size()) + " differs from " +
                                std::to_string(filters_.channels()));
  if (std::abs(block.sample_rate_hz - fs_) > 1e-9 * fs_)
    throw std::invalid_argument("RhythmWindowStream::push: sample rate changed (" +
                                std::to_string(block.sample_rate_hz) + ")");
  const std::size_t n = block.samples.empty() ? 0 : block.samples[0].size();
  if (!block.continues_previous || !in_segment_)
    start_segment(block);
  // Filter every channel over the whole block (the filter state carries across blocks);
  // masked (non-finite) samples enter the filter as zero and invalidate the windows they touch.
  std::vector<std::vector<double>> filtered;
  filtered.reserve(filters_.channels());
  std::vector<double*> to_filter;
  for (std::size_t c = 0; c < filters_.channels(); ++c) {
    const auto& x = block.samples[c];
    if (x.size() != n)
      throw std::invalid_argument("RhythmWindowStream::push: channels of unequal length");
    auto& f = filtered.emplace_back(n);
    for (std::size_t i = 0; i < n; ++i)
      f[i] = std::isfinite(x[i]) ? x[i] : 0.0;
    to_filter.push_back(f.data());
  }
  filters_.process(to_filter, n);
  // The block enters the rings in runs that end where a window completes (after window_
  // analysis samples of the segment, then every step_). Counted in input samples: the
  // analysis keeps those whose index in the segment is a multiple of decimation_.
  std::vector<RhythmWindow> out;
  const auto q = static_cast<long long>(decimation_);
  const auto window = static_cast<long long>(window_) * q;
  const auto step = static_cast<long long>(step_) * q;
  std::size_t i = 0;
  while (i < n) {
    const long long completes = segment_samples_ < window
                                    ? window
                                    : window + ((segment_samples_ - window) / step + 1) * step;
    const std::size_t run = std::min(n - i, static_cast<std::size_t>(completes - segment_samples_));
    const auto first_kept = static_cast<std::size_t>((q - segment_samples_ % q) % q);
    const std::size_t kept = run > first_kept ? (run - first_kept - 1) / decimation_ + 1 : 0;
    for (std::size_t c = 0; c < filters_.channels(); ++c) {
      const auto* from = filtered[c].data() + i;
      auto& ring = rings_[c];
      if (decimation_ == 1) {
        const std::size_t to_end = std::min(run, window_ - ring_pos_);
        std::copy(from, from + to_end, ring.begin() + static_cast<std::ptrdiff_t>(ring_pos_));
        std::copy(from + to_end, from + run, ring.begin());
      } else {
        std::size_t pos = ring_pos_;
        for (std::size_t k = first_kept; k < run; k += decimation_) {
          ring[pos] = from[k];
          pos = pos + 1 == window_ ? 0 : pos + 1;
        }
      }
      // A masked input sample invalidates the windows around it, kept by the analysis or not:
      // it entered the filter as zero.
      const auto& x = block.samples[c];
      for (std::size_t k = run; k-- > 0;) {
        if (!std::isfinite(x[i + k])) {
          last_masked_[c] = segment_samples_ + static_cast<long long>(k);
          break;
        }
      }
    }
    ring_pos_ = (ring_pos_ + kept) % window_;
    segment_samples_ += static_cast<long long>(run);
    i += run;
    if (segment_samples_ == completes)
      out.push_back(analyse_window());
  }
  return out;
}

RhythmWindow RhythmWindowStream::analyse_window() const {
  const auto first = segment_samples_ - static_cast<long long>(window_ * decimation_);
  RhythmWindow win;
  win.start_s = segment_start_s_ + static_cast<double>(first) / fs_;
  win.channels.resize(rings_.size());
  // The unmasked channels' windows, oldest sample first: each ring from ring_pos_ to its end,
  // then from its start.
  thread_local std::vector<std::vector<double>> windows;
  thread_local std::vector<WindowMoments> moments;
  std::vector<std::size_t> unmasked;
  for (std::size_t c = 0; c < rings_.size(); ++c) {
    if (last_masked_[c] < first)
      unmasked.push_back(c);  // the others stay invalid
  }
  windows.resize(unmasked.size());
  moments.resize(unmasked.size());
  for (std::size_t j = 0; j < unmasked.size(); ++j) {
    const auto& ring = rings_[unmasked[j]];
    const auto split = ring.begin() + static_cast<std::ptrdiff_t>(ring_pos_);
    windows[j].resize(window_);
    std::copy(ring.begin(), split, std::copy(split, ring.end(), windows[j].begin()));
  }
  moments_of(windows, moments);
  for (std::size_t j = 0; j < unmasked.size(); ++j)
    win.channels[unmasked[j]] = rhythm_with(windows[j], moments[j], rate_, min_lag_, max_lag_);
  return win;
}

ChannelRhythm rhythm_of(const std::vector<double>& window, double sample_rate_hz,
                        std::size_t min_lag, std::size_t max_lag) {
  WindowMoments moments;
  moments_of(std::span(&window, 1), std::span(&moments, 1));
  return rhythm_with(window, moments, sample_rate_hz, min_lag, max_lag);
}

namespace {

ChannelRhythm rhythm_with(const std::vector<double>& window, const WindowMoments& moments,
                          double sample_rate_hz, std::size_t min_lag, std::size_t max_lag) {
  ChannelRhythm out;
  out.valid = true;
  out.rms_uv = std::sqrt(moments.energy / static_cast<double>(window.size()));
  const std::span<const double> ac = normalised_autocorrelation(window, moments, max_lag + 1);
  if (ac.empty() || max_lag <= min_lag)
    return out;
  auto normalised = [&](std::size_t k) { return ac[k]; };
  std::size_t zero_crossing = 1;
  while (zero_crossing <= max_lag && normalised(zero_crossing) > 0.0)
    ++zero_crossing;
  if (zero_crossing > max_lag)
    return out;  // no full half-period inside the searched range: not rhythmic here
  std::size_t best = 0;
  double best_value = -std::numeric_limits<double>::infinity();
  for (std::size_t k = std::max(min_lag, zero_crossing); k <= max_lag; ++k) {
    if (normalised(k) > best_value) {
      best_value = normalised(k);
      best = k;
    }
  }
  if (best == 0)
    return out;
  // A sharply contoured rhythm correlates almost as well at two or three periods as at one;
  // the first local peak close to the highest one is the period (not a subharmonic).
  for (std::size_t k = std::max(min_lag, zero_crossing); k < best; ++k) {
    const double v = normalised(k);
    if (k > 1 && v >= normalised(k - 1) && v >= normalised(k + 1) &&
        v >= kSubharmonicTolerance * best_value) {
      best = k;
      best_value = v;
      break;
    }
  }
  double lag = static_cast<double>(best);
  if (best > 1 && best < max_lag) {
    const double a = normalised(best - 1);
    const double c = normalised(best + 1);
    const double curvature = a - 2.0 * best_value + c;
    if (curvature < 0.0)
      lag += 0.5 * (a - c) / curvature;
  }
  out.rhythmicity = std::min(1.0, best_value);
  out.frequency_hz = sample_rate_hz / lag;
  return out;
}

}  // namespace

void RunningMedian::add(double value) {
  if (values_.size() < capacity_) {
    values_.push_back(value);
    return;
  }
  values_[next_] = value;
  next_ = (next_ + 1) % capacity_;
}

void RunningMedian::clear() {
  values_.clear();
  next_ = 0;
}

double RunningMedian::median() const {
  if (values_.empty())
    return std::numeric_limits<double>::quiet_NaN();
  return dsp::median(values_, dsp::EvenMedian::Upper);
}

}  // namespace eegtrack::detect::detail
