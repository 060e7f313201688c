#pragma once

#include <span>

namespace eegtrack::dsp {

/// Power in [low_hz, high_hz) of a one-sided PSD sampled on an equally spaced frequency grid.
///
/// Rule (used by every feature): trapezoidal integration of the PSD over the bins inside the
/// band, with the PSD linearly interpolated at the band edges, so the result is continuous in
/// the edges and bands that share an edge add up exactly: P[a,b) + P[b,c) = P[a,c).
/// Units: PSD in µV²/Hz gives µV².
/// @throws std::invalid_argument if sizes differ, fewer than 2 bins, low_hz >= high_hz, or the
///         band lies outside [frequencies_hz.front(), frequencies_hz.back()].
[[nodiscard]] double band_power(std::span<const double> frequencies_hz, std::span<const double> psd,
                                double low_hz, double high_hz);

}  // namespace eegtrack::dsp
