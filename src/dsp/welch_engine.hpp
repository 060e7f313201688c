#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "eegtrack/dsp/welch.hpp"
#include "fft_plan.hpp"

namespace eegtrack::dsp::detail {

/// Validated sample counts of a Welch estimate.
struct WelchLayout {
  std::size_t nperseg = 0;
  std::size_t noverlap = 0;
  std::size_t step = 0;
  std::size_t nfft = 0;
  std::size_t n_freqs = 0;
};

/// Checks fs and p against a signal of n_samples and converts seconds to samples.
/// @throws std::invalid_argument prefixed by `function`.
WelchLayout resolve_welch(const char* function, std::size_t n_samples, double sample_rate_hz,
                          const WelchParams& p);

/// The reusable core of every Welch-type estimate: window, scale, FFT buffers and the segment
/// periodogram store are allocated once, so computing a PSD allocates nothing.
class WelchEngine {
 public:
  /// Validated for signals of at least the segment length (`min_samples` >= nperseg).
  WelchEngine(const char* function, std::size_t min_samples, double sample_rate_hz,
              const WelchParams& p);

  [[nodiscard]] const WelchLayout& layout() const { return layout_; }
  [[nodiscard]] std::vector<double> frequencies_hz() const;

  /// One-sided density of x[0], x[stride], ..., x[(n-1)*stride] into out[0 .. n_freqs).
  /// n >= nperseg (checked by the caller through resolve_welch).
  void psd(const double* x, std::ptrdiff_t stride, std::size_t n, double* out);

 private:
  /// Scaled one-sided periodogram of the nperseg contiguous samples at x: written to out, or
  /// added to it when accumulate (the mean path then needs no per-segment store). `sum` is the
  /// segment's samples added in order (segment_sums).
  void periodogram(const double* x, double sum, double* out, bool accumulate);
  /// The sums of the n_segments segments of the contiguous x into sums_.
  void segment_sums(const double* x, std::size_t n_segments);
  void median_combine(std::size_t n_segments, double* out);

  const char* function_;
  double sample_rate_hz_;
  WelchParams params_;
  WelchLayout layout_;
  std::vector<double> window_;
  RealForwardPlan plan_;
  double scale_ = 0.0;
  std::vector<double> segment_;                 // nfft samples, zero-padded tail
  std::vector<std::complex<double>> spectrum_;  // n_freqs bins
  std::vector<double> store_;                   // per-segment periodograms (median only)
  std::vector<double> column_;                  // one bin across segments (median only)
  std::vector<double> sums_;                    // each segment's sum of samples
  std::vector<double> contiguous_;              // a strided signal, gathered
};

/// SciPy's _median_bias(n): the median of n exponential variables over their mean.
[[nodiscard]] double median_bias(std::size_t n);

}  // namespace eegtrack::dsp::detail
