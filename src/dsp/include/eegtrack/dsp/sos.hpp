#pragma once

#include <array>
#include <complex>
#include <vector>

namespace eegtrack::dsp {

/// A digital IIR filter as a cascade of second-order sections. Each row is
/// {b0, b1, b2, a0, a1, a2}, the layout of scipy.signal's `sos` arrays (a0 is 1 for every
/// designed filter). A first-order section has b2 = a2 = 0.
struct Sos {
  std::vector<std::array<double, 6>> sections;
};

/// Zeros, poles and gain of a digital filter (z-plane), as scipy's `output='zpk'`.
struct Zpk {
  std::vector<std::complex<double>> zeros;
  std::vector<std::complex<double>> poles;
  double gain = 1.0;
};

/// Converts a digital zpk to second-order sections exactly like
/// `scipy.signal.zpk2sos(z, p, k, pairing='nearest')` (SciPy 1.10): poles closest to the unit
/// circle are paired first with their nearest zeros and placed last; the gain goes into the
/// first section. Complex values must come in conjugate pairs.
/// @throws std::invalid_argument if a complex root has no conjugate partner.
[[nodiscard]] Sos zpk_to_sos(const Zpk& zpk);

/// Frequency response H(e^{jw}) of the cascade at frequency_hz for a sampling rate
/// sample_rate_hz (w = 2 pi f / fs), like scipy.signal.sosfreqz evaluated at one point.
/// @throws std::invalid_argument if sos is empty or sample_rate_hz <= 0.
[[nodiscard]] std::complex<double> sos_frequency_response(const Sos& sos, double frequency_hz,
                                                          double sample_rate_hz);

/// Steady-state initial conditions for a unit step input, one {z0, z1} pair per section
/// (direct form II transposed), as scipy.signal.sosfilt_zi. Multiply by the first input sample
/// to start a filter without a transient.
/// @throws std::invalid_argument if sos is empty or a section has a0 == 0.
[[nodiscard]] std::vector<std::array<double, 2>> sosfilt_zi(const Sos& sos);

}  // namespace eegtrack::dsp
