#pragma once

#include <complex>
#include <cstddef>
#include <memory>

namespace eegtrack::dsp::detail {

/// A real-to-complex FFTW plan of size n taken once from the process-wide plan cache and then
/// executed without the cache lookup and lock: for hot loops (Welch segments) that transform
/// many arrays of one size. Thread-safe like rfft (execution uses FFTW's new-array interface).
class RealForwardPlan {
 public:
  /// @throws std::invalid_argument if n == 0.
  explicit RealForwardPlan(std::size_t n);
  /// out[0 .. n/2] = unnormalised DFT of in[0 .. n-1] (numpy.fft.rfft).
  void execute(const double* in, std::complex<double>* out) const;

 private:
  std::size_t n_;
  std::shared_ptr<const void> plan_;  // a cached FftPlan (fft.cpp); keeps it alive
};

}  // namespace eegtrack::dsp::detail
