#include "welch_engine.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp::detail {
namespace {

std::string num(double v) {
  std::string s = std::to_string(v);
  // std::to_string prints 6 decimals; trim trailing zeros for readable messages.
  while (s.size() > 1 && s.back() == '0' && s.find('.') != std::string::npos)
    s.pop_back();
  if (!s.empty() && s.back() == '.')
    s.pop_back();
  return s;
}

[[noreturn]] void fail(const char* function, const std::string& what) {
  throw std::invalid_argument(std::string(function) + ": " + what);
}

}  // namespace

WelchLayout resolve_welch(const char* function, std::size_t n_samples, double sample_rate_hz,
                          const WelchParams& p) {
  if (!(sample_rate_hz > 0.0) || !std::isfinite(sample_rate_hz))
    fail(function, "sample rate must be > 0 (" + num(sample_rate_hz) + ")");
  if (n_samples == 0)
    fail(function, "empty signal (0 samples)");
  if (!(p.overlap >= 0.0))
    fail(function, "overlap must be >= 0 (" + num(p.overlap) + ")");
  if (!(p.overlap < 1.0))
    fail(function, "overlap must be < 1 (" + num(p.overlap) + ")");
  if (!(p.segment_s > 0.0) || !std::isfinite(p.segment_s))
    fail(function, "segment_s must be > 0 (" + num(p.segment_s) + ")");
  const double samples = std::round(p.segment_s * sample_rate_hz);
  if (samples < 1.0)
    fail(function, "segment_s gives no sample (" + num(p.segment_s) + ")");
  WelchLayout l;
  if (samples > static_cast<double>(n_samples)) {
    fail(function, "segment longer than the signal (" + num(samples) + " > " +
                       std::to_string(n_samples) + " samples)");
  }
  l.nperseg = static_cast<std::size_t>(samples);
  // The tiny offset makes overlap = k / nperseg give exactly k samples despite rounding.
  l.noverlap =
      static_cast<std::size_t>(std::floor(p.overlap * static_cast<double>(l.nperseg) + 1e-9));
  l.step = l.nperseg - l.noverlap;
  l.nfft = p.nfft == 0 ? l.nperseg : p.nfft;
  if (l.nfft < l.nperseg) {
    fail(function, "nfft must be >= the segment samples (" + std::to_string(l.nfft) + " < " +
                       std::to_string(l.nperseg) + ")");
  }
  l.n_freqs = l.nfft / 2 + 1;
  return l;
}

double median_bias(std::size_t n) {
  double bias = 1.0;
  for (std::size_t i = 1; i <= (n - 1) / 2; ++i) {
    const double ii2 = 2.0 * static_cast<double>(i);
    bias += 1.0 / (ii2 + 1.0) - 1.0 / ii2;
  }
  return bias;
}

WelchEngine::WelchEngine(const char* function, std::size_t min_samples, double sample_rate_hz,
                         const WelchParams& p)
    : function_(function),
      sample_rate_hz_(sample_rate_hz),
      params_(p),
      layout_(resolve_welch(function, min_samples, sample_rate_hz, p)),
      window_(make_window(p.window, layout_.nperseg, true)),
      plan_(layout_.nfft),
      segment_(layout_.nfft, 0.0),
      spectrum_(layout_.n_freqs) {
  double energy = 0.0;
  for (double w : window_)
    energy += w * w;
  scale_ = 1.0 / (sample_rate_hz * energy);
}

std::vector<double> WelchEngine::frequencies_hz() const {
  std::vector<double> f(layout_.n_freqs);
  // numpy.fft.rfftfreq: k / (n * d) with d = 1 / fs.
  const double val = 1.0 / (static_cast<double>(layout_.nfft) * (1.0 / sample_rate_hz_));
  for (std::size_t k = 0; k < f.size(); ++k)
    f[k] = static_cast<double>(k) * val;
  return f;
}

namespace {

// The sums of `Group` consecutive segments, each adding its samples in order in its own
// register, so that their chains of additions overlap.
template <std::size_t Group>
void sum_group(const double* x, std::ptrdiff_t step, std::size_t n, double* sums) {
  std::array<double, Group> acc{};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t g = 0; g < Group; ++g)
      acc[g] += x[static_cast<std::ptrdiff_t>(g) * step + static_cast<std::ptrdiff_t>(i)];
  }
  std::copy(acc.begin(), acc.end(), sums);
}

}  // namespace

void WelchEngine::segment_sums(const double* x, std::size_t n_segments) {
  // Each segment's sum adds its samples in order, as one segment alone would; up to four
  // segments are summed side by side, so that their chains of additions, each waiting on its
  // previous sum, overlap (one chain at a time was a fifth of the periodogram's time).
  const std::size_t n = layout_.nperseg;
  const auto step = static_cast<std::ptrdiff_t>(layout_.step);
  sums_.resize(n_segments);
  std::size_t s = 0;
  for (; s + 4 <= n_segments; s += 4)
    sum_group<4>(x + static_cast<std::ptrdiff_t>(s) * step, step, n, sums_.data() + s);
  const std::size_t rest = n_segments - s;
  const double* from = x + static_cast<std::ptrdiff_t>(s) * step;
  if (rest == 3)
    sum_group<3>(from, step, n, sums_.data() + s);
  else if (rest == 2)
    sum_group<2>(from, step, n, sums_.data() + s);
  else if (rest == 1)
    sum_group<1>(from, step, n, sums_.data() + s);
}

void WelchEngine::periodogram(const double* x, double sum, double* out, bool accumulate) {
  const std::size_t n = layout_.nperseg;
  double* seg = segment_.data();
  std::copy(x, x + n, seg);
  // A NaN or infinity anywhere makes the sum non-finite: the check costs nothing extra.
  if (!std::isfinite(sum))
    fail(function_, "non-finite sample in a segment (sum " + num(sum) + ")");
  const double* w = window_.data();
  if (params_.detrend == Detrend::Constant) {
    const double mean = sum / static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i)
      seg[i] = (seg[i] - mean) * w[i];
  } else {
    detrend_in_place(std::span<double>(seg, n), params_.detrend);
    for (std::size_t i = 0; i < n; ++i)
      seg[i] *= w[i];
  }
  plan_.execute(seg, spectrum_.data());
  const std::size_t nf = layout_.n_freqs;
  // DC, and Nyquist when nfft is even, have no negative-frequency twin: not doubled.
  const double twice = 2.0 * scale_;
  const bool even = layout_.nfft % 2 == 0 && nf > 1;
  const double* bins = reinterpret_cast<const double*>(spectrum_.data());
  if (!accumulate)
    std::fill(out, out + nf, 0.0);
  const std::size_t last = even ? nf - 1 : nf;  // bins [1, last) are doubled
  out[0] += (bins[0] * bins[0] + bins[1] * bins[1]) * scale_;
  for (std::size_t k = 1; k < last; ++k)
    out[k] += (bins[2 * k] * bins[2 * k] + bins[2 * k + 1] * bins[2 * k + 1]) * twice;
  if (even)
    out[nf - 1] +=
        (bins[2 * last] * bins[2 * last] + bins[2 * last + 1] * bins[2 * last + 1]) * scale_;
}

void WelchEngine::psd(const double* x, std::ptrdiff_t stride, std::size_t n, double* out) {
  const WelchLayout& l = layout_;
  const std::size_t n_segments = (n - l.nperseg) / l.step + 1;
  const std::size_t nf = l.n_freqs;
  if (stride != 1) {
    // A matrix row: gathered once, so that the overlapping segments and their sums read
    // contiguous memory instead of a cache line per sample, twice.
    contiguous_.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      contiguous_[i] = x[static_cast<std::ptrdiff_t>(i) * stride];
    x = contiguous_.data();
  }
  segment_sums(x, n_segments);
  if (params_.average == Average::Median) {
    store_.resize(n_segments * nf);
    for (std::size_t s = 0; s < n_segments; ++s) {
      periodogram(x + s * l.step, sums_[s], store_.data() + s * nf, false);
    }
    median_combine(n_segments, out);
    return;
  }
  std::fill(out, out + nf, 0.0);
  for (std::size_t s = 0; s < n_segments; ++s)
    periodogram(x + s * l.step, sums_[s], out, true);
  const double inv = 1.0 / static_cast<double>(n_segments);
  for (std::size_t k = 0; k < nf; ++k)
    out[k] *= inv;
}

void WelchEngine::median_combine(std::size_t n_segments, double* out) {
  const std::size_t nf = layout_.n_freqs;
  const double bias = median_bias(n_segments);
  column_.resize(n_segments);
  const std::size_t mid = n_segments / 2;
  for (std::size_t k = 0; k < nf; ++k) {
    for (std::size_t s = 0; s < n_segments; ++s)
      column_[s] = store_[s * nf + k];
    std::nth_element(column_.begin(), column_.begin() + static_cast<std::ptrdiff_t>(mid),
                     column_.end());
    double median = column_[mid];
    if (n_segments % 2 == 0) {
      // numpy's median of an even count is the mean of the two central values.
      const double lower =
          *std::max_element(column_.begin(), column_.begin() + static_cast<std::ptrdiff_t>(mid));
      median = 0.5 * (lower + median);
    }
    out[k] = median / bias;
  }
}

}  // namespace eegtrack::dsp::detail
