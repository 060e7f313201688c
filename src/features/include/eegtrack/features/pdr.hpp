#pragma once

#include <Eigen/Core>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/features/aperiodic.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::features {

/// Parameters of the posterior dominant rhythm estimate (docs/qeeg-features.md §PDR).
struct PdrParams {
  double search_low_hz = 5.0;  ///< the peak bin must lie in [search_low_hz, search_high_hz]
  double search_high_hz = 13.0;
  /// A local maximum of the flattened spectrum in [dominance_low_hz, search_low_hz) that is
  /// taller than the best candidate means the dominant rhythm is slower than the search range:
  /// the PDR is then absent (set dominance_low_hz = search_low_hz to disable).
  double dominance_low_hz = 2.0;
  /// Minimum height of the peak above the aperiodic fit, log10 units (0.15 = 1.41x power).
  double min_peak_height_log10 = 0.15;
  /// A rhythm is a peak, not a shoulder: the flattened spectrum must fall by at least this
  /// (log10) on both sides within prominence_window_hz. A spectrum that drops off a cliff (a
  /// low-pass edge, or beta that stops) bends the aperiodic fit so that the level just below
  /// the edge stands "above the background" without being a peak.
  double min_local_prominence_log10 = 0.15;
  double prominence_window_hz = 3.0;
  /// The rhythm must be posterior-predominant: its height above the background on the
  /// posterior channels must exceed that on the anterior (frontal) channels by more than this
  /// (log10), when anterior spectra are given. Alpha is posterior; a rhythm as strong in front
  /// is not a posterior dominant rhythm (frontal beta, anterior alpha of coma, artifact).
  double min_posterior_predominance_log10 = 0.0;
  /// Height that gives full prominence confidence (0.5 = 3.2x power above the aperiodic fit).
  double full_confidence_height_log10 = 0.5;
  double power_half_width_hz = 1.0;     ///< power is integrated over frequency ± this
  double max_side_difference_hz = 1.0;  ///< left-right difference that removes side agreement
  AperiodicParams aperiodic{};          ///< fit that defines the flattened spectrum
};

/// Posterior dominant rhythm of a recording (or a stretch of it).
struct PdrResult {
  bool present = false;            ///< a peak stands at least min_peak_height_log10 above the fit
  double frequency_hz = 0.0;       ///< refined peak frequency; NaN when absent
  double power_uv2 = 0.0;          ///< mean-channel power in frequency ± power_half_width_hz; NaN
                                   ///< when absent
  double peak_height_log10 = 0.0;  ///< height above the aperiodic fit of the best candidate
                                   ///< (NaN if there is no local maximum in the search range)
  double confidence = 0.0;         ///< [0, 1]; 0 when absent
  bool slower_rhythm_dominates = false;  ///< absent because a taller, slower peak dominates
  /// Why the PDR is absent, in words ("" when present).
  std::string absent_reason{};
  double local_prominence_log10 = 0.0;  ///< of the best candidate; NaN without a candidate
  /// Posterior minus anterior height above background at the peak; NaN without anterior data.
  double posterior_predominance_log10 = 0.0;
  double left_frequency_hz = 0.0;   ///< same estimate on the left channels only; NaN if none/absent
  double right_frequency_hz = 0.0;  ///< same on the right channels only; NaN if none/absent
  AperiodicFit aperiodic{};         ///< fit of the mean spectrum
};

/// Posterior dominant rhythm (docs/clinical-background.md §4.2) from the PSDs of posterior
/// channels, each already averaged over clean epochs (see mean_over_epochs). The channels' PSDs are
/// averaged; the mean spectrum is flattened by its robust aperiodic fit (fit_aperiodic); the
/// dominant peak is the highest local maximum of the flattened spectrum whose bin lies in the
/// search range; it is present if its height >= min_peak_height_log10 and no taller local maximum
/// lies in [dominance_low_hz, search_low_hz) (the dominant rhythm would then be delta). The
/// frequency is refined by a parabola through the flattened log10 power of the peak bin and its
/// neighbours. Confidence = clamp(height / full_confidence_height_log10) * (0.5 + 0.5 * side
/// agreement), where side agreement is 1 - |f_left - f_right| / max_side_difference_hz (clamped to
/// [0, 1]) when both sides have a peak, 0 when only one side has, and 1 when left and right were
/// not both given.
/// A candidate is also required to be a peak rather than a shoulder (local prominence, see
/// PdrParams) and, when anterior spectra are given, posterior-predominant; otherwise the PDR is
/// absent and absent_reason says why.
/// @param psd_uv2_per_hz channels x frequencies (the layout of dsp::PsdMatrix).
/// @param sides side of each row (Midline rows count only for the mean spectrum).
/// @param anterior_psd_uv2_per_hz frontal channels x frequencies, each averaged over clean
///        epochs like the posterior ones; 0 rows: posterior predominance is not checked.
/// @throws std::invalid_argument if there are no rows, sizes differ, the search range is empty
///         or outside the grid, a threshold is not positive, or as fit_aperiodic.
[[nodiscard]] PdrResult posterior_dominant_rhythm(
    std::span<const double> frequencies_hz, Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
    std::span<const sites::Side> sides, const PdrParams& p = {},
    Eigen::Ref<const Eigen::MatrixXd> anterior_psd_uv2_per_hz = Eigen::MatrixXd());

}  // namespace eegtrack::features
