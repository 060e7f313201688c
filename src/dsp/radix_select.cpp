#include "radix_select.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace eegtrack::dsp::detail {
namespace {

// Order-preserving key: negative doubles have all bits flipped, non-negative ones the sign bit
// set, so that unsigned comparison of keys is the numeric order (-0 just below +0).
inline std::uint64_t key_of(double x) {
  const auto u = std::bit_cast<std::uint64_t>(x);
  return (u >> 63) != 0 ? ~u : u | (std::uint64_t{1} << 63);
}

constexpr int kBits = 11;
constexpr std::size_t kBins = std::size_t{1} << kBits;
// Fewer bits for short inputs: clearing and scanning 4 x 2048 counters per pass costs more
// than counting a 4-s epoch of 1024 values (bench/select_bench: 5.0 -> 4.1 us at 1024).
constexpr int kShortBits = 8;
constexpr std::size_t kShortInput = 4096;
// Below this many values a comparison-based selection is as fast as counting.
constexpr std::size_t kSmall = 192;

}  // namespace

namespace {

// Narrows v down to the candidates that hold rank k; returns them (partially ordered around the
// rank) and the rank within them.
std::pair<std::vector<double>*, std::size_t> select_candidates(std::span<const double> v,
                                                               std::size_t k) {
  // Candidates alternate between two per-thread buffers; v itself is never written.
  thread_local std::vector<double> buffers[2];
  thread_local std::array<std::uint32_t, 4 * kBins> count;
  std::span<const double> from = v;
  int next = 0;
  // Counting starts just below the leading bits that every key shares (an amplitude's sign
  // and most of its exponent), so that the first pass already spreads the values.
  std::uint64_t lowest = ~std::uint64_t{0};
  std::uint64_t highest = 0;
  for (const double x : v) {
    const std::uint64_t key = key_of(x);
    lowest = std::min(lowest, key);
    highest = std::max(highest, key);
  }
  const int differing = 64 - std::countl_zero(lowest ^ highest);  // bits [0, differing) vary
  const int bits = v.size() <= kShortInput ? kShortBits : kBits;
  const std::size_t bins = std::size_t{1} << bits;
  int shift = std::max(0, differing - bits);
  while (from.size() > kSmall && differing > 0) {
    // Four interleaved histograms: neighbouring samples mostly fall in the same bin, and one
    // counter incremented back to back would serialise on its own store.
    std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(4 * bins), 0U);
    const std::size_t n = from.size();
    const auto bin_of = [shift, bins](double x) { return (key_of(x) >> shift) & (bins - 1); };
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      ++count[bin_of(from[i])];
      ++count[bins + bin_of(from[i + 1])];
      ++count[2 * bins + bin_of(from[i + 2])];
      ++count[3 * bins + bin_of(from[i + 3])];
    }
    for (; i < n; ++i)
      ++count[bin_of(from[i])];
    std::size_t bin = 0;
    std::size_t below = 0;
    std::size_t in_bin = 0;
    for (;; ++bin) {
      in_bin = count[bin] + count[bins + bin] + count[2 * bins + bin] + count[3 * bins + bin];
      if (below + in_bin > k)
        break;
      below += in_bin;
    }
    k -= below;
    if (in_bin < n) {
      // Keep the bin's values (the rank-k value is among them), without a branch per value:
      // they agree on every bit above `shift`, so only lower bits remain to rank.
      auto& to = buffers[next];
      next ^= 1;
      to.resize(n);
      std::size_t kept = 0;
      for (const double x : from) {
        to[kept] = x;
        kept += bin_of(x) == bin ? 1 : 0;
      }
      to.resize(kept);
      from = to;
    }
    if (shift == 0)
      break;
    shift = std::max(0, shift - bits);
  }
  auto& last = buffers[next];
  if (from.data() != last.data())  // the final candidates must be writable for nth_element
    last.assign(from.begin(), from.end());
  std::nth_element(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(k), last.end());
  return {&last, k};
}

}  // namespace

double radix_select(std::span<const double> v, std::size_t k) {
  const auto [candidates, at] = select_candidates(v, k);
  return (*candidates)[at];
}

AdjacentOrderStatistics radix_select_adjacent(std::span<const double> v, std::size_t k) {
  const auto [candidates, at] = select_candidates(v, k);
  const double kth = (*candidates)[at];
  if (at == 0)  // rank k - 1 fell in a bin counted away: look for it in v
    return {previous_order_statistic(v, kth, k), kth};
  // nth_element left the candidates below rank `at` in front of it: their largest is k - 1.
  const auto& c = *candidates;
  return {*std::max_element(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(at)), kth};
}

double previous_order_statistic(std::span<const double> v, double kth, std::size_t k) {
  std::size_t less = 0;
  double largest_below = -std::numeric_limits<double>::infinity();
  for (const double x : v) {
    if (x < kth) {
      ++less;
      largest_below = std::max(largest_below, x);
    }
  }
  return less < k ? kth : largest_below;
}

}  // namespace eegtrack::dsp::detail
