#pragma once

#include <span>
#include <string>
#include <vector>

namespace eegtrack::features {

/// A named frequency band [low_hz, high_hz).
struct Band {
  std::string name;
  double low_hz = 0.0;
  double high_hz = 0.0;
};

/// The clinical bands used unless the user gives others (docs/clinical-background.md §4.1): delta
/// 1-4, theta 4-8, alpha 8-13, beta 13-30 Hz.
[[nodiscard]] std::vector<Band> default_bands();

/// Parses "name:low-high,name:low-high,..." (e.g. "delta:1-4,theta:4-8").
/// @throws std::invalid_argument for malformed text, low >= high or negative edges.
[[nodiscard]] std::vector<Band> parse_bands(const std::string& text);

/// Absolute and relative power of each band of one spectrum.
struct BandPowers {
  std::vector<double> absolute_uv2;  ///< per band, µV² (band integral of the PSD)
  std::vector<double> relative;  ///< per band, absolute / power over [total_low_hz, total_high_hz)
  double total_uv2 = 0.0;        ///< power in [total_low_hz, total_high_hz)
};

/// Band powers of a one-sided PSD (µV²/Hz) by dsp::band_power's integration rule; relative
/// power is normalised by the power over [total_low_hz, total_high_hz) (default: the span of
/// the bands, 1-30 Hz for the defaults), so the relative powers of contiguous bands sum to 1.
/// @throws std::invalid_argument if bands is empty or sizes differ.
[[nodiscard]] BandPowers band_powers(std::span<const double> frequencies_hz,
                                     std::span<const double> psd_uv2_per_hz,
                                     const std::vector<Band>& bands);

}  // namespace eegtrack::features
