#pragma once

#include <span>
#include <vector>

#include "eegtrack/features/bands.hpp"

namespace eegtrack::features {

/// Frequency ranges of the per-spectrum features. Every range is closed, in Hz, and must lie
/// inside the PSD's frequency grid; record them next to every output (docs/clinical-background.md
/// §4.1, §4.3).
struct SpectralParams {
  /// Bands for absolute/relative power. The ratios look the bands up by the names "delta",
  /// "theta", "alpha" and "beta" (a ratio whose band is missing is NaN).
  std::vector<Band> bands = default_bands();
  double total_low_hz = 1.0;  ///< denominator range of relative power; also total power/RMS
  double total_high_hz = 30.0;
  double edge_low_hz = 1.0;  ///< range of SEF50 (median frequency), SEF90 and SEF95
  double edge_high_hz = 30.0;
  double entropy_low_hz = 1.0;  ///< bins used by the spectral entropy
  double entropy_high_hz = 30.0;
  double peak_low_hz = 1.0;  ///< range searched for the peak frequency
  double peak_high_hz = 30.0;
};

/// Features of one PSD (one epoch of one channel). Ratios are NaN when their denominator is 0
/// or a band is missing; edge frequencies and entropy are NaN when the range holds no power.
struct SpectralFeatures {
  std::vector<double> absolute_uv2{};  ///< per band of SpectralParams::bands, µV²
  std::vector<double> relative{};      ///< per band, absolute / total_power_uv2
  double total_power_uv2 = 0.0;        ///< power over [total_low_hz, total_high_hz], µV²
  double rms_uv = 0.0;                 ///< sqrt(total_power_uv2), µV
  double delta_alpha_ratio = 0.0;      ///< DAR = delta / alpha
  double theta_alpha_ratio = 0.0;      ///< TAR = theta / alpha
  double dtabr = 0.0;                  ///< (delta + theta) / (alpha + beta) (DTABR, PRI)
  double sef50_hz = 0.0;               ///< median frequency
  double sef90_hz = 0.0;
  double sef95_hz = 0.0;
  double peak_frequency_hz = 0.0;
  double spectral_entropy = 0.0;  ///< normalised Shannon entropy, [0, 1]
};

/// All features of SpectralFeatures for one one-sided PSD (µV²/Hz). Powers use
/// dsp::band_power (trapezoid, PSD interpolated linearly at the edges). Ratios: Bentes et al.,
/// Clin Neurophysiol 2018;129:1680 (DTABR); Finnigan & van Putten, Clin Neurophysiol 2013.
/// @throws std::invalid_argument if sizes differ, fewer than 2 bins, a range is empty or lies
///         outside the grid, or a band lies outside the grid.
[[nodiscard]] SpectralFeatures spectral_features(std::span<const double> frequencies_hz,
                                                 std::span<const double> psd_uv2_per_hz,
                                                 const SpectralParams& p = {});

/// Spectral edge frequency: the frequency below which `fraction` of the power in
/// [low_hz, high_hz] lies. The cumulative power is built with the same trapezoid rule as
/// dsp::band_power and the crossing is interpolated linearly inside the bin where it occurs.
/// fraction 0.5 gives the median frequency. Returns NaN when the range holds no power.
/// @throws std::invalid_argument for fraction outside (0, 1], or as spectral_features.
[[nodiscard]] double spectral_edge_frequency(std::span<const double> frequencies_hz,
                                             std::span<const double> psd_uv2_per_hz,
                                             double fraction, double low_hz, double high_hz);

/// Shannon entropy of the PSD bins with low_hz <= f <= high_hz, normalised to a probability
/// distribution, divided by ln(N) (N = number of bins) so that a flat spectrum gives 1 and a
/// single line gives 0 (Inouye et al., EEG Clin Neurophysiol 1991;79:204). NaN if no power.
/// @throws std::invalid_argument as spectral_features, or if the range holds < 2 bins.
[[nodiscard]] double spectral_entropy(std::span<const double> frequencies_hz,
                                      std::span<const double> psd_uv2_per_hz, double low_hz,
                                      double high_hz);

/// Frequency of the largest PSD bin with low_hz <= f <= high_hz, refined by fitting a parabola
/// through log10 power of that bin and its two grid neighbours when the bin is a local maximum
/// (the refined value is clamped to the range).
/// @throws std::invalid_argument as spectral_entropy.
[[nodiscard]] double peak_frequency(std::span<const double> frequencies_hz,
                                    std::span<const double> psd_uv2_per_hz, double low_hz,
                                    double high_hz);

}  // namespace eegtrack::features
