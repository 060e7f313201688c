#pragma once

#include <Eigen/Core>
#include <span>
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
  double left_frequency_hz = 0.0;   ///< same estimate on the left channels only; NaN if none/absent
  double right_frequency_hz = 0.0;  ///< same on the right channels only; NaN if none/absent
  AperiodicFit aperiodic{};         ///< fit of the mean spectrum
};

/// Posterior dominant rhythm (CLINICAL.md §4.2) from the PSDs of posterior channels, each
/// already averaged over clean epochs (see mean_over_epochs). The channels' PSDs are averaged;
/// the mean spectrum is flattened by its robust aperiodic fit (fit_aperiodic); the dominant
/// peak is the highest local maximum of the flattened spectrum whose bin lies in the search
/// range; it is present if its height >= min_peak_height_log10 and no taller local maximum
/// lies in [dominance_low_hz, search_low_hz) (the dominant rhythm would then be delta). The
/// frequency is refined by a parabola through the flattened log10 power of the peak bin and its
/// neighbours. Confidence = clamp(height / full_confidence_height_log10) * (0.5 + 0.5 * side
/// agreement), where side agreement is 1 - |f_left - f_right| / max_side_difference_hz (clamped to
/// [0, 1]) when both sides have a peak, 0 when only one side has, and 1 when left and right were
/// not both given.
/// @param psd_uv2_per_hz channels x frequencies (the layout of dsp::PsdMatrix).
/// @param sides side of each row (Midline rows count only for the mean spectrum).
/// @throws std::invalid_argument if there are no rows, sizes differ, the search range is empty
///         or outside the grid, a threshold is not positive, or as fit_aperiodic.
[[nodiscard]] PdrResult posterior_dominant_rhythm(std::span<const double> frequencies_hz,
                                                  Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
                                                  std::span<const sites::Side> sides,
                                                  const PdrParams& p = {});

}  // namespace eegtrack::features
