#pragma once
// Scales map data values to drawing coordinates; ticks are the values an axis labels. Linear
// ticks are "nice" steps of 1, 2 or 5 times a power of ten (Heckbert, Graphics Gems 1990),
// logarithmic ticks are decades, with 2 and 5 between them when the axis spans few decades.

#include <string>
#include <vector>

namespace eegtrack::report {

/// Linear map of the domain [d0, d1] onto the range [r0, r1] (either may be reversed, e.g. a
/// y axis whose range runs from the bottom of a plot up to its top).
class LinearScale {
 public:
  /// A domain of zero width is widened by 0.5 on each side, so a constant series is drawn
  /// across the middle of the range. @throws std::invalid_argument for non-finite bounds.
  LinearScale(double d0, double d1, double r0, double r1);
  [[nodiscard]] double operator()(double value) const noexcept;
  /// Inverse map: range coordinate to data value.
  [[nodiscard]] double invert(double coordinate) const noexcept;
  [[nodiscard]] double domain_low() const noexcept { return d0_; }
  [[nodiscard]] double domain_high() const noexcept { return d1_; }
  [[nodiscard]] double range_low() const noexcept { return r0_; }
  [[nodiscard]] double range_high() const noexcept { return r1_; }

 private:
  double d0_, d1_, r0_, r1_;
};

/// Base-10 logarithmic map of the domain [d0, d1] (both > 0) onto [r0, r1].
class LogScale {
 public:
  /// @throws std::invalid_argument unless 0 < d0 < d1 and both are finite.
  LogScale(double d0, double d1, double r0, double r1);
  /// Values <= 0 map below the range (to r0 minus its length), never to NaN.
  [[nodiscard]] double operator()(double value) const noexcept;
  [[nodiscard]] double domain_low() const noexcept { return d0_; }
  [[nodiscard]] double domain_high() const noexcept { return d1_; }

 private:
  double d0_, d1_, r0_, r1_;
};

/// One labelled tick of an axis.
struct Tick {
  double value = 0.0;
  std::string label;
};

/// The nice step (1, 2 or 5 times a power of ten) that cuts `span` into about `target` parts.
/// @throws std::invalid_argument unless span > 0 and target >= 1.
[[nodiscard]] double nice_step(double span, int target);

/// Multiples of nice_step(hi - lo, target) inside [lo, hi] (ends included within 1e-9 of the
/// step), labelled with the decimals the step needs ("0.25" steps give "0.50", not "0.5").
/// A zero-width interval gives its one value.
[[nodiscard]] std::vector<Tick> linear_ticks(double lo, double hi, int target = 5);

/// [lo, hi] widened outwards to multiples of nice_step(hi - lo, target), so that the first
/// and last ticks sit at the ends of the axis.
struct Domain {
  double low = 0.0;
  double high = 1.0;
};
[[nodiscard]] Domain nice_domain(double lo, double hi, int target = 5);

/// Decades 10^k inside [lo, hi]; when there are fewer than three, also 2 x and 5 x 10^k.
/// Labels are plain numbers ("0.1", "1", "20", "1000"). @throws std::invalid_argument unless
/// 0 < lo <= hi.
[[nodiscard]] std::vector<Tick> log_ticks(double lo, double hi);

/// `value` with the decimals a tick step of `step` needs: 0 for steps >= 1, 1 for 0.1 to 0.5,
/// 2 for 0.01 to 0.05, ...
[[nodiscard]] std::string tick_label(double value, double step);

}  // namespace eegtrack::report
