#pragma once

#include <cstddef>
#include <span>
#include <vector>

// Order statistics shared by artifact screening (features) and the detectors (detect): one
// definition of the median, its absolute deviation and quantiles, so every layer agrees.
//
// NaN policy: a NaN has no rank. Every function returns NaN when x holds one (the callers pass
// finite samples; before these functions existed a NaN silently scrambled std::nth_element).
// ±Inf ranks as usual.
namespace eegtrack::dsp {

/// How the median of an even count is defined.
enum class EvenMedian {
  Mean,   ///< mean of the two central values (numpy.median): artifact screening, continuity
  Upper,  ///< the upper central value x_(n/2), 0-based: the spike detector's robust SD
};

/// k-th smallest value of x (0-based).
/// @throws std::invalid_argument for an empty x or k >= x.size().
[[nodiscard]] double order_statistic(std::span<const double> x, std::size_t k);

/// Median of x. @throws std::invalid_argument for an empty x.
[[nodiscard]] double median(std::span<const double> x, EvenMedian rule = EvenMedian::Mean);

/// median(x) < threshold (EvenMedian::Mean), decided by counting in one pass instead of
/// selecting: for tests run at every sample (continuity). The same answer as the comparison,
/// bit for bit; false when x holds a NaN (the NaN median compares false).
/// @throws std::invalid_argument for an empty x.
[[nodiscard]] bool median_is_below(std::span<const double> x, double threshold);

/// Median absolute deviation of x about `centre`: median(|x - centre|) under the same rule.
/// @throws std::invalid_argument for an empty x.
[[nodiscard]] double mad(std::span<const double> x, double centre,
                         EvenMedian rule = EvenMedian::Mean);

/// Scale from the MAD to the SD of a Gaussian.
inline constexpr double kMadToSd = 1.4826;

/// kMadToSd x MAD about the median: the SD of Gaussian data, unmoved by a few outliers.
/// @throws std::invalid_argument for an empty x.
[[nodiscard]] double robust_sd(std::span<const double> x, EvenMedian rule = EvenMedian::Mean);

/// Quantile q in [0, 1] by numpy's default ('linear') rule: rank q (n - 1) interpolated
/// between the neighbouring order statistics.
/// @throws std::invalid_argument for an empty x or q outside [0, 1].
[[nodiscard]] double quantile(std::span<const double> x, double q);

/// Median of a window sliding over one signal (the pop detector's level before and after a
/// step). The window's values are kept sorted, so moving it by s samples costs s binary-search
/// insertions and removals instead of a fresh selection over the whole window, and a jump
/// farther than the window's length rebuilds it. The window may grow and shrink at the
/// signal's edges. Gives exactly median(x.subspan(begin, end - begin), rule).
class SlidingMedian {
 public:
  /// x must outlive the object.
  explicit SlidingMedian(std::span<const double> x, EvenMedian rule = EvenMedian::Mean);

  /// Median of x[begin, end). Any order of windows is correct; left to right is cheapest.
  /// @throws std::invalid_argument for an empty window or one beyond the signal.
  [[nodiscard]] double median(std::size_t begin, std::size_t end);

 private:
  void insert(double v);
  void erase(double v);

  std::span<const double> x_;
  EvenMedian rule_;
  std::vector<double> sorted_;  ///< the values of x[begin_, end_) in ascending order, NaN aside
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::size_t nan_count_ = 0;  ///< NaNs in the window (not kept in sorted_)
};

}  // namespace eegtrack::dsp
