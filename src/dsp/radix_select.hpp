// Exact selection of an order statistic by the bit patterns of doubles. Medians and MADs over
// spans of thousands of samples are the hottest operation of artifact screening and spike
// detection; std::nth_element spends most of its time on mispredicted comparisons. Mapping each
// double to an unsigned key whose order is the numeric order lets branch-free counting passes
// (11 bits at a time, starting below the leading bits all values share) narrow the k-th value
// down to a handful of candidates, which std::nth_element finishes. The value returned is
// exactly the one nth_element would put at rank k.
#pragma once

#include <cstddef>
#include <span>

namespace eegtrack::dsp::detail {

/// The k-th smallest of v (0-based; v holds no NaN, k < v.size()). v is left as it is.
double radix_select(std::span<const double> v, std::size_t k);

/// The (k-1)-th and k-th smallest of v (k >= 1): the two central values of an even count, or a
/// quantile's two neighbours. The first comes from the last candidates when they hold it (the
/// usual case), otherwise from one more pass over v.
struct AdjacentOrderStatistics {
  double below;  ///< rank k - 1
  double at;     ///< rank k
};
AdjacentOrderStatistics radix_select_adjacent(std::span<const double> v, std::size_t k);

/// The largest value of v strictly below the value at rank k, or that value itself when it
/// also occupies rank k - 1 (ties): i.e. the (k-1)-th smallest, given the k-th. k >= 1.
double previous_order_statistic(std::span<const double> v, double kth, std::size_t k);

}  // namespace eegtrack::dsp::detail
