#pragma once

// Whole-span scans that every epoch and every filter call runs: is every sample finite, and
// what are the lowest and highest values. Written so that the compiler keeps several samples
// per register: a loop that stops at the first non-finite sample, or std::minmax_element with
// its positions, runs one sample and one branch at a time; in the artifact screen those two
// loops took about 7 % of a background-only analysis.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace eegtrack::dsp {

/// True when no value is NaN or infinite. A value is not finite when all its exponent bits are
/// set; adding one to the exponent field then carries into the sign bit, which no finite value
/// reaches. Integer and/add/or over the span vectorise.
[[nodiscard]] inline bool all_finite(std::span<const double> x) noexcept {
  constexpr std::uint64_t kExponent = 0x7FF0'0000'0000'0000;
  constexpr std::uint64_t kExponentOne = 0x0010'0000'0000'0000;
  std::uint64_t carried = 0;
  for (const double v : x)
    carried |= (std::bit_cast<std::uint64_t>(v) & kExponent) + kExponentOne;
  return (carried >> 63) == 0;
}

/// The lowest and the highest value of a span.
struct ValueRange {
  double lowest = 0.0;
  double highest = 0.0;
};

/// Lowest and highest value of a non-empty span without NaN (a NaN gives an unspecified
/// result; check all_finite first). Among equal values either zero's sign may be returned.
[[nodiscard]] inline ValueRange value_range(std::span<const double> x) noexcept {
  ValueRange r{x[0], x[0]};
  std::size_t i = 0;
#if defined(__GNUC__)
  // Four samples per step in two register pairs: `a < lo ? a : lo` is one vector compare and
  // blend (or minpd), with no branch.
  using Pair = double __attribute__((vector_size(16)));
  Pair lo0 = {x[0], x[0]};
  Pair lo1 = lo0;
  Pair hi0 = lo0;
  Pair hi1 = lo0;
  for (; i + 4 <= x.size(); i += 4) {
    Pair a;
    Pair b;
    std::memcpy(&a, &x[i], sizeof a);
    std::memcpy(&b, &x[i + 2], sizeof b);
    lo0 = a < lo0 ? a : lo0;
    lo1 = b < lo1 ? b : lo1;
    hi0 = a > hi0 ? a : hi0;
    hi1 = b > hi1 ? b : hi1;
  }
  const Pair lo = lo0 < lo1 ? lo0 : lo1;
  const Pair hi = hi0 > hi1 ? hi0 : hi1;
  r.lowest = lo[0] < lo[1] ? lo[0] : lo[1];
  r.highest = hi[0] > hi[1] ? hi[0] : hi[1];
#endif
  for (; i < x.size(); ++i) {
    r.lowest = x[i] < r.lowest ? x[i] : r.lowest;
    r.highest = x[i] > r.highest ? x[i] : r.highest;
  }
  return r;
}

}  // namespace eegtrack::dsp
