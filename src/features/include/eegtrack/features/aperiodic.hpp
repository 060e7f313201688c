#pragma once

#include <cstddef>
#include <span>

namespace eegtrack::features {

/// Parameters of the 'fixed' aperiodic fit (Donoghue et al., Nat Neurosci 2020;23:1655, FOOOF).
struct AperiodicParams {
  double low_hz = 2.0;    ///< fit range; low_hz is raised to the first bin > 0 Hz
  double high_hz = 40.0;  ///< high_hz is lowered to the last bin (Nyquist) when above it
  /// FOOOF's robust refit keeps the points whose flattened spectrum (clipped at 0) is <= this
  /// percentile of itself (0-100 scale). FOOOF's value 0.025 keeps, in practice, the points on
  /// or below the initial fit.
  double robust_percentile = 0.025;
  /// Fits whose floor_r_squared falls below this are marked invalid (docs/clinical-background.md
  /// §4.7: refuse fits below a quality threshold); see docs/qeeg-features.md for why not r_squared.
  double min_r_squared = 0.8;
};

/// Aperiodic fit log10 P(f) = offset - exponent * log10(f), P in µV²/Hz, f in Hz.
struct AperiodicFit {
  double low_hz = 0.0;  ///< range actually fitted (after clipping)
  double high_hz = 0.0;
  std::size_t n_bins = 0;        ///< bins in the range
  std::size_t n_floor_bins = 0;  ///< bins kept by the robust refit
  double offset_log10 = 0.0;     ///< b, log10(µV²/Hz) at 1 Hz
  double exponent = 0.0;         ///< χ (positive for a falling spectrum)
  /// 1 - SS_res / SS_tot of log10 power over all bins in range. No peaks are modelled, so
  /// strong rhythms lower it (0.3-0.8 on healthy eyes-closed EEG); reported, not used for valid.
  double r_squared = 0.0;
  double floor_r_squared = 0.0;       ///< the same over the bins kept by the robust refit
  double mean_abs_error_log10 = 0.0;  ///< mean |log10 P - fit| over all bins in range
  bool valid = false;  ///< false when floor_r_squared < min_r_squared or a bin holds no power
};

/// FOOOF-style robust aperiodic fit in 'fixed' mode (no knee): an ordinary least-squares line
/// in log-log coordinates, then FOOOF's robust_ap_fit: flatten the spectrum by that line, clip
/// negative values to 0, keep the points at or below the robust_percentile of the flattened
/// spectrum and refit the line on them, so periodic peaks do not lift the fit. If a bin in the
/// range has PSD <= 0 the fit is returned with NaN parameters and valid = false.
/// @throws std::invalid_argument if sizes differ, frequencies do not increase, the clipped
///         range holds fewer than 3 bins, robust_percentile is outside [0, 100] or
///         min_r_squared is not finite.
[[nodiscard]] AperiodicFit fit_aperiodic(std::span<const double> frequencies_hz,
                                         std::span<const double> psd_uv2_per_hz,
                                         const AperiodicParams& p = {});

/// The fitted aperiodic component at f_hz: offset - exponent * log10(f_hz) (log10 µV²/Hz).
/// @throws std::invalid_argument if f_hz <= 0.
[[nodiscard]] double aperiodic_log10_psd(const AperiodicFit& fit, double f_hz);

}  // namespace eegtrack::features
