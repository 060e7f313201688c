#pragma once

#include <span>
#include <vector>

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp {

/// Second-order IIR notch at frequency_hz with quality factor q (-3 dB width frequency_hz / q),
/// equal to scipy.signal.iirnotch(w0, Q, fs) as a single section.
/// Reference: S. J. Orfanidis, Introduction to Signal Processing (1996), section 11.3.
/// @throws std::invalid_argument unless 0 < frequency_hz < sample_rate_hz / 2 and q > 0.
[[nodiscard]] Sos iir_notch(double frequency_hz, double q, double sample_rate_hz);

/// Cascade of iir_notch sections at f0, 2 f0, 3 f0, ... for every harmonic strictly below the
/// Nyquist frequency, at most max_harmonics of them (all of them when max_harmonics == 0).
/// Each notch has the same q.
/// @throws std::invalid_argument unless 0 < f0_hz < sample_rate_hz / 2 and q > 0.
[[nodiscard]] Sos harmonic_notches(double f0_hz, double q, double sample_rate_hz,
                                   int max_harmonics = 0);

/// Zero-phase removal of mains interference: sosfiltfilt(harmonic_notches(...), x).
/// @throws std::invalid_argument as harmonic_notches() and sosfiltfilt().
[[nodiscard]] std::vector<double> remove_mains(std::span<const double> x, double f0_hz, double q,
                                               double sample_rate_hz, int max_harmonics = 0);

}  // namespace eegtrack::dsp
