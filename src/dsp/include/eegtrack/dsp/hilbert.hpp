#pragma once

#include <complex>
#include <span>
#include <vector>

namespace eegtrack::dsp {

/// Analytic signal x + j H{x} computed with the FFT as scipy.signal.hilbert(x): the spectrum is
/// kept at DC (and at Nyquist for even n), doubled at positive and zeroed at negative
/// frequencies. The transform is circular: edges show wrap-around effects.
/// Reference: S. L. Marple, "Computing the discrete-time analytic signal via FFT",
/// IEEE Trans. Signal Processing 47 (1999) 2600-2603.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x is empty.
[[nodiscard]] std::vector<std::complex<double>> analytic_signal(std::span<const double> x);

/// Instantaneous amplitude |analytic_signal(x)| (same units as x).
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x is empty.
[[nodiscard]] std::vector<double> envelope(std::span<const double> x);

}  // namespace eegtrack::dsp
