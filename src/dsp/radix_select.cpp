#include "radix_select.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <limits>
#include <utility>
#include <vector>

#include "eegtrack/dsp/vector_clones.hpp"

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

// The bin of x in a pass that counts the key's bits [shift, shift + log2(bins)).
inline std::size_t bin_of(double x, int shift, std::size_t bins) {
  return (key_of(x) >> shift) & (bins - 1);
}

// The values of `from` whose key's bits [shift, shift + bits) are `bin`, in their order, into
// `to` (room for from.size() values); returns how many. The baseline loop stores every value
// and advances only past the kept ones, without a branch per value.
std::size_t keep_bin_baseline(std::span<const double> from, double* to, int shift, std::size_t bins,
                              std::size_t bin) {
  std::size_t kept = 0;
  for (const double x : from) {
    to[kept] = x;
    kept += bin_of(x, shift, bins) == bin ? 1 : 0;
  }
  return kept;
}

// Lowest and highest key of v (not empty).
std::pair<std::uint64_t, std::uint64_t> key_range_baseline(std::span<const double> v) {
  std::uint64_t lowest = ~std::uint64_t{0};
  std::uint64_t highest = 0;
  for (const double x : v) {
    const std::uint64_t key = key_of(x);
    lowest = std::min(lowest, key);
    highest = std::max(highest, key);
  }
  return {lowest, highest};
}

#ifdef EEGTRACK_AVX2_DISPATCH

// Keys four at a time: key_of's bit flips as one exclusive or (all bits of a negative value,
// the sign bit of a non-negative one).
[[gnu::target("avx2")]] inline __m256i keys_of(__m256i bits) {
  const __m256i negative = _mm256_cmpgt_epi64(_mm256_setzero_si256(), bits);
  return _mm256_xor_si256(bits, _mm256_or_si256(negative, _mm256_set1_epi64x(INT64_MIN)));
}

// For each 4-bit mask of kept values, the 32-bit lanes that move them to the front in order.
struct LeftPack {
  alignas(32) std::int32_t lanes[16][8];
  constexpr LeftPack() : lanes{} {
    for (int mask = 0; mask < 16; ++mask) {
      int to = 0;
      for (int j = 0; j < 4; ++j) {
        if (((mask >> j) & 1) != 0) {
          lanes[mask][2 * to] = 2 * j;
          lanes[mask][2 * to + 1] = 2 * j + 1;
          ++to;
        }
      }
    }
  }
};
constexpr LeftPack kLeftPack;

// keep_bin_baseline four values at a time: the kept ones are packed to the front of a register
// and stored together.
[[gnu::target("avx2,popcnt")]] std::size_t keep_bin_avx2(std::span<const double> from, double* to,
                                                         int shift, std::size_t bins,
                                                         std::size_t bin) {
  const __m128i count = _mm_cvtsi32_si128(shift);
  const __m256i mask = _mm256_set1_epi64x(static_cast<long long>(bins - 1));
  const __m256i wanted = _mm256_set1_epi64x(static_cast<long long>(bin));
  const std::size_t n = from.size();
  std::size_t kept = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256i bits = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from.data() + i));
    const __m256i in_bin =
        _mm256_cmpeq_epi64(_mm256_and_si256(_mm256_srl_epi64(keys_of(bits), count), mask), wanted);
    const int lanes = _mm256_movemask_pd(_mm256_castsi256_pd(in_bin));
    const __m256i order =
        _mm256_load_si256(reinterpret_cast<const __m256i*>(kLeftPack.lanes[lanes]));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + kept),
                        _mm256_permutevar8x32_epi32(bits, order));
    kept += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(lanes)));
  }
  return kept + keep_bin_baseline(from.subspan(i), to + kept, shift, bins, bin);
}

// key_range_baseline four values at a time. AVX2 compares signed 64-bit integers: a key with
// its top bit flipped orders as a signed integer the way the key orders unsigned.
[[gnu::target("avx2")]] std::pair<std::uint64_t, std::uint64_t> key_range_avx2(
    std::span<const double> v) {
  const __m256i top = _mm256_set1_epi64x(INT64_MIN);
  __m256i lowest = _mm256_set1_epi64x(INT64_MAX);
  __m256i highest = top;
  const std::size_t n = v.size();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256i bits = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v.data() + i));
    const __m256i ordered = _mm256_xor_si256(keys_of(bits), top);
    lowest = _mm256_blendv_epi8(lowest, ordered, _mm256_cmpgt_epi64(lowest, ordered));
    highest = _mm256_blendv_epi8(highest, ordered, _mm256_cmpgt_epi64(ordered, highest));
  }
  alignas(32) std::uint64_t low[4];
  alignas(32) std::uint64_t high[4];
  _mm256_store_si256(reinterpret_cast<__m256i*>(low), lowest);
  _mm256_store_si256(reinterpret_cast<__m256i*>(high), highest);
  std::uint64_t lo = ~std::uint64_t{0};
  std::uint64_t hi = 0;
  for (int l = 0; l < 4; ++l) {
    lo = std::min(lo, low[l] ^ (std::uint64_t{1} << 63));
    hi = std::max(hi, high[l] ^ (std::uint64_t{1} << 63));
  }
  if (i < n) {
    const auto [tail_lo, tail_hi] = key_range_baseline(v.subspan(i));
    lo = std::min(lo, tail_lo);
    hi = std::max(hi, tail_hi);
  }
  return {lo, hi};
}
#endif

}  // namespace

std::size_t keep_bin(std::span<const double> from, double* to, int shift, std::size_t bins,
                     std::size_t bin, SelectPath path) {
#ifdef EEGTRACK_AVX2_DISPATCH
  if (path == SelectPath::Widest && cpu_has_avx2())
    return keep_bin_avx2(from, to, shift, bins, bin);
#else
  (void)path;
#endif
  return keep_bin_baseline(from, to, shift, bins, bin);
}

std::pair<std::uint64_t, std::uint64_t> key_range(std::span<const double> v, SelectPath path) {
#ifdef EEGTRACK_AVX2_DISPATCH
  if (path == SelectPath::Widest && cpu_has_avx2())
    return key_range_avx2(v);
#else
  (void)path;
#endif
  return key_range_baseline(v);
}

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
  const auto [lowest, highest] = key_range(v);
  const int differing = 64 - std::countl_zero(lowest ^ highest);  // bits [0, differing) vary
  const int bits = v.size() <= kShortInput ? kShortBits : kBits;
  const std::size_t bins = std::size_t{1} << bits;
  int shift = std::max(0, differing - bits);
  while (from.size() > kSmall && differing > 0) {
    // Four interleaved histograms: neighbouring samples mostly fall in the same bin, and one
    // counter incremented back to back would serialise on its own store.
    std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(4 * bins), 0U);
    const std::size_t n = from.size();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      ++count[bin_of(from[i], shift, bins)];
      ++count[bins + bin_of(from[i + 1], shift, bins)];
      ++count[2 * bins + bin_of(from[i + 2], shift, bins)];
      ++count[3 * bins + bin_of(from[i + 3], shift, bins)];
    }
    for (; i < n; ++i)
      ++count[bin_of(from[i], shift, bins)];
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
      to.resize(keep_bin(from, to.data(), shift, bins, bin));
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
