#pragma once
// Line charts of a recording over time: the relative band powers, and the left/right asymmetry
// with the symmetry index and the running burst-suppression ratio. Epochs that did not count
// as clean are shaded.

#include <string>
#include <string_view>

#include "eegtrack/findings/recording_trends.hpp"

namespace eegtrack::report {

/// Relative power of each band per epoch (channel mean, 1-30 Hz = 1), one line per band.
/// Empty when the trends hold no band.
[[nodiscard]] std::string band_trend_figure(const findings::RecordingTrends& trends,
                                            double duration_s, std::string_view id);

/// Three panels on one time axis: signed slow (delta + theta) asymmetry of the hemispheres and
/// of each region, (R - L) / (R + L) on -1 .. 1; the per-epoch revised BSI; the running BSR.
/// Empty when the trends hold none of them (stores before layout 1.2).
[[nodiscard]] std::string asymmetry_figure(const findings::RecordingTrends& trends,
                                           double duration_s, std::string_view id);

}  // namespace eegtrack::report
