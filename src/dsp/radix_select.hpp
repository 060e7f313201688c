// Exact selection of an order statistic by the bit patterns of doubles. Medians and MADs over
// spans of thousands of samples are the hottest operation of artifact screening and spike
// detection; std::nth_element spends most of its time on mispredicted comparisons. Mapping each
// double to an unsigned key whose order is the numeric order lets branch-free counting passes
// (11 bits at a time, starting below the leading bits all values share) narrow the k-th value
// down to a handful of candidates, which std::nth_element finishes. The value returned is
// exactly the one nth_element would put at rank k.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

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

/// Which registers the counting passes' vector loops use: the widest the processor has (AVX2
/// on x86-64 where present), or the baseline's (tests compare the two).
enum class SelectPath { Widest, Baseline };

/// The lowest and highest order-preserving key of v's values (v not empty).
std::pair<std::uint64_t, std::uint64_t> key_range(std::span<const double> v,
                                                  SelectPath path = SelectPath::Widest);

/// The values of `from` whose key has `bin` in its bits [shift, shift + log2(bins)), in their
/// order, written to `to` (room for from.size() values, not overlapping it); returns how many.
std::size_t keep_bin(std::span<const double> from, double* to, int shift, std::size_t bins,
                     std::size_t bin, SelectPath path = SelectPath::Widest);

/// The largest value of v strictly below the value at rank k, or that value itself when it
/// also occupies rank k - 1 (ties): i.e. the (k-1)-th smallest, given the k-th. k >= 1.
double previous_order_statistic(std::span<const double> v, double kth, std::size_t k);

}  // namespace eegtrack::dsp::detail
