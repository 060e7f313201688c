#pragma once

// Whether one local-amplitude window of the continuity analysis is quiet, from each channel's
// running sums: the median channel's amplitude 2 sqrt(2 var) below the threshold.

#include <cstddef>
#include <span>

namespace eegtrack::features::detail {

/// The channels' running sums over one window of `count` samples.
struct WindowSums {
  std::span<const double> sum;
  std::span<const double> sum_sq;
  double count = 0.0;
};

/// var = threshold^2 / 8 is the amplitude threshold; within a relative 1e-9 of it rounding
/// could decide, and the exact test takes the square roots.
struct QuietBound {
  explicit QuietBound(double threshold_ptp_uv);
  double threshold_ptp_uv;
  double surely_below;
  double surely_above;
};

/// A screen without divisions: 1 quiet, 0 not, -1 when it cannot tell (then quiet_exactly
/// decides). Whenever it tells, it says what quiet_exactly says.
[[nodiscard]] int screen_quiet(const WindowSums& w, const QuietBound& bound);

/// The decision itself: variances by division, square roots only where they can matter.
/// `scratch` holds one value per channel.
[[nodiscard]] bool quiet_exactly(const WindowSums& w, const QuietBound& bound,
                                 std::span<double> scratch);

}  // namespace eegtrack::features::detail
