// RDA spectral frames: a 4-s Hann spectrum per channel (peak frequency, how much of the power
// the peak holds, how far it rises above the band just above it) and the regularity of the
// delta cycles in the same 4 s.

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>
#include <utility>

#include "analysis_window.hpp"
#include "eegtrack/dsp/fft.hpp"
#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::detect::detail {
namespace {

struct ChannelSpectrum {
  std::vector<double> power;  ///< per bin
  double bin_hz = 0.0;
};

// The mean of every channel over one frame. Channels are summed side by side, kGroup at a
// time: each channel's additions keep their order (the same bits as one channel at a time),
// but the groups' chains overlap instead of each waiting on its own previous addition.
template <std::size_t kGroup>
void add_means(const std::vector<std::vector<double>>& x, std::size_t first, std::size_t begin,
               std::size_t n, std::vector<double>& means) {
  std::array<const double*, kGroup> from;
  std::array<double, kGroup> sum{};
  for (std::size_t g = 0; g < kGroup; ++g)
    from[g] = x[first + g].data() + begin;
  for (std::size_t i = 0; i < n; ++i) {
#pragma GCC unroll 8  // the group's sums stay in registers
    for (std::size_t g = 0; g < kGroup; ++g)
      sum[g] += from[g][i];
  }
  for (std::size_t g = 0; g < kGroup; ++g)
    means[first + g] = sum[g] / static_cast<double>(n);
}

std::vector<double> frame_means(const std::vector<std::vector<double>>& x, std::size_t begin,
                                std::size_t n) {
  std::vector<double> means(x.size());
  std::size_t c = 0;
  for (; c + 8 <= x.size(); c += 8)
    add_means<8>(x, c, begin, n, means);
  for (; c < x.size(); ++c)
    add_means<1>(x, c, begin, n, means);
  return means;
}

ChannelSpectrum spectrum(const std::vector<double>& x, std::size_t begin, std::size_t n,
                         double mean, double fs) {
  // The frame length is the same for every frame: its Hann taper is computed once per thread,
  // and the taper's product and the FFT's output reuse the thread's buffers.
  thread_local std::vector<double> hann;
  thread_local std::vector<double> w;
  thread_local std::vector<std::complex<double>> bins;
  if (hann.size() != n) {
    hann.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      hann[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) /
                                     static_cast<double>(n));
  }
  w.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    w[i] = hann[i] * (x[begin + i] - mean);
  bins.resize(n / 2 + 1);
  dsp::rfft(w, bins);
  ChannelSpectrum s;
  s.bin_hz = fs / static_cast<double>(n);
  s.power.resize(bins.size());
  for (std::size_t k = 0; k < bins.size(); ++k)
    s.power[k] = std::norm(bins[k]);
  return s;
}

// The bins [first, last) that can hold frequencies of [low_hz, high_hz] (one bin of margin on
// each side: the callers still test each bin's frequency, so rounding never loses one).
std::pair<std::size_t, std::size_t> bins_near(const ChannelSpectrum& s, double low_hz,
                                              double high_hz) {
  const double size = static_cast<double>(s.power.size());
  const double first = std::clamp(std::floor(low_hz / s.bin_hz) - 1.0, 0.0, size);
  const double last = std::clamp(std::ceil(high_hz / s.bin_hz) + 2.0, 0.0, size);
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

double band_sum(const ChannelSpectrum& s, double low_hz, double high_hz) {
  double sum = 0.0;
  const auto [first, last] = bins_near(s, low_hz, high_hz);
  for (std::size_t k = first; k < last; ++k) {
    const double f = static_cast<double>(k) * s.bin_hz;
    if (f >= low_hz - 1e-9 && f <= high_hz + 1e-9)
      sum += s.power[k];
  }
  return sum;
}

double peak_frequency(const ChannelSpectrum& s, double low_hz, double high_hz) {
  double best = -1.0;
  double at = low_hz;
  const auto [first, last] = bins_near(s, low_hz, high_hz);
  for (std::size_t k = first; k < last; ++k) {
    const double f = static_cast<double>(k) * s.bin_hz;
    if (f >= low_hz - 1e-9 && f <= high_hz + 1e-9 && s.power[k] > best) {
      best = s.power[k];
      at = f;
    }
  }
  return at;
}

// Periods between upward zero crossings (linearly interpolated) of the delta-band signal.
std::vector<double> cycle_periods(const std::vector<double>& x, std::size_t begin, std::size_t n,
                                  double fs) {
  std::vector<double> crossings;
  for (std::size_t i = begin + 1; i < begin + n; ++i) {
    if (x[i - 1] < 0.0 && x[i] >= 0.0) {
      const double frac = x[i - 1] / (x[i - 1] - x[i]);
      crossings.push_back((static_cast<double>(i - 1) + frac) / fs);
    }
  }
  std::vector<double> periods;
  for (std::size_t k = 1; k < crossings.size(); ++k)
    periods.push_back(crossings[k] - crossings[k - 1]);
  return periods;
}

struct ChannelVerdict {
  bool rhythmic = false;
  double peak_hz = 0.0;
};

ChannelVerdict judge_channel(const ChannelSpectrum& s, const std::vector<double>& periods,
                             const PatternParams& p) {
  ChannelVerdict v;
  v.peak_hz = peak_frequency(s, p.rda_low_hz, p.rda_high_hz);
  const double total = band_sum(s, 0.5, 25.0);
  const double peak = band_sum(s, v.peak_hz - 0.5, v.peak_hz + 0.5);
  const double above = band_sum(s, v.peak_hz + 1.0, v.peak_hz + 2.0);
  const double peak_density = peak / (1.0 / s.bin_hz + 1.0);
  const double above_density = above / (1.0 / s.bin_hz + 1.0);
  if (total <= 0.0 || peak / total < p.rda_min_peak_fraction ||
      peak_density < p.rda_min_prominence * above_density)
    return v;
  const double expected = 1.0 / v.peak_hz;
  std::vector<double> plausible;  // crossings of faster riding waves are not delta cycles
  for (double period : periods) {
    if (period > 0.4 * expected)
      plausible.push_back(period);
  }
  v.rhythmic = plausible.size() >= 2 &&
               regular_pair_fraction(plausible, p.max_period_change) > p.min_regular_pair_fraction;
  return v;
}

RdaFrame make_frame(const FilteredWindow& f, std::size_t begin, std::size_t n, double centre_s,
                    double fs, const PatternParams& p) {
  RdaFrame frame;
  frame.centre_s = centre_s;
  std::vector<ChannelSpectrum> spectra;
  std::vector<double> rhythmic_peaks;
  const std::vector<double> means = frame_means(f.wide_band, begin, n);
  for (std::size_t c = 0; c < f.wide_band.size(); ++c) {
    spectra.push_back(spectrum(f.wide_band[c], begin, n, means[c], fs));
    const auto periods = cycle_periods(f.delta_band[c], begin, n, fs);
    const ChannelVerdict v = judge_channel(spectra.back(), periods, p);
    frame.channel_rhythmic.push_back(v.rhythmic ? 1 : 0);
    if (v.rhythmic)
      rhythmic_peaks.push_back(v.peak_hz);
  }
  if (!rhythmic_peaks.empty())
    frame.frequency_hz = dsp::median(rhythmic_peaks, dsp::EvenMedian::Upper);
  int agreeing = 0;
  for (double hz : rhythmic_peaks)
    agreeing += std::abs(hz - frame.frequency_hz) <= 0.5 ? 1 : 0;
  frame.rhythmic = agreeing >= p.rda_min_channels;
  const double at = frame.frequency_hz > 0.0 ? frame.frequency_hz : 2.0;
  for (const auto& s : spectra)
    frame.amplitude.push_back(std::sqrt(band_sum(s, at - 0.5, at + 0.5)));
  return frame;
}

}  // namespace

std::vector<RdaFrame> rda_frames(const FilteredWindow& signals, const WindowSpan& span,
                                 const PatternParams& p) {
  const double fs = span.sample_rate_hz;
  const auto n = static_cast<std::size_t>(std::lround(p.rda_frame_s * fs));
  const std::size_t data_end = span.data_begin + signals.wide_band.at(0).size();
  std::vector<RdaFrame> frames;
  // Frame k is centred at segment time k + 0.5 s; only centres in the core are reported.
  const auto first_k =
      static_cast<long long>(std::ceil(static_cast<double>(span.core_begin) / fs - 0.5));
  for (long long k = std::max(0LL, first_k);; ++k) {
    const double centre = static_cast<double>(k) + 0.5;
    const auto centre_index = static_cast<std::size_t>(std::llround(centre * fs));
    if (centre_index >= span.core_end)
      break;
    if (centre_index < span.core_begin || centre_index < n / 2 + span.data_begin ||
        centre_index + (n - n / 2) > data_end)
      continue;  // a frame that does not fit inside the segment is not analysed
    const std::size_t begin = centre_index - n / 2 - span.data_begin;
    frames.push_back(make_frame(signals, begin, n, span.segment_start_s + centre, fs, p));
  }
  return frames;
}

}  // namespace eegtrack::detect::detail
