#include "radix_select.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
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
// Below this many values a comparison-based selection is as fast as counting.
constexpr std::size_t kSmall = 192;

}  // namespace

double radix_select(std::span<const double> v, std::size_t k) {
  // Candidates alternate between two per-thread buffers; v itself is never written.
  thread_local std::vector<double> buffers[2];
  std::span<const double> from = v;
  int next = 0;
  int shift = 64 - kBits;
  std::array<std::uint32_t, kBins> count{};
  while (from.size() > kSmall && shift >= 0) {
    count.fill(0);
    for (const double x : from)
      ++count[(key_of(x) >> shift) & (kBins - 1)];
    std::size_t bin = 0;
    std::size_t below = 0;
    while (below + count[bin] <= k)
      below += count[bin++];
    k -= below;
    if (count[bin] < from.size()) {
      // Gather the bin's values (the rank-k value is among them) and go on with those: they
      // agree on every bit above `shift`, so only lower bits remain to rank.
      auto& to = buffers[next];
      next ^= 1;
      to.resize(count[bin]);
      std::size_t n = 0;
      for (const double x : from) {
        if (((key_of(x) >> shift) & (kBins - 1)) == bin)
          to[n++] = x;
      }
      from = to;
    }
    shift -= kBits;
  }
  auto& last = buffers[next];
  if (from.data() != last.data())  // the final candidates must be writable for nth_element
    last.assign(from.begin(), from.end());
  const auto kth = last.begin() + static_cast<std::ptrdiff_t>(k);
  std::nth_element(last.begin(), kth, last.end());
  return *kth;
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
