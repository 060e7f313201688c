#include "quiet_window.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::features::detail {
namespace {

// A strict majority of the channels below, or for an even count more than half: the median's
// side when no channel is unsure and the two central channels do not straddle the bound.
bool majority_below(std::size_t below, std::size_t n) {
  return n % 2 == 1 ? below >= (n + 1) / 2 : below > n / 2;
}

}  // namespace

QuietBound::QuietBound(double threshold)
    : threshold_ptp_uv(threshold),
      surely_below(threshold * threshold / 8.0 * (1.0 - 1e-9)),
      surely_above(threshold * threshold / 8.0 * (1.0 + 1e-9)) {}

// The continuity analysis asks at every sample, and the two divisions per channel were most of
// its time. Multiplying by the reciprocal instead gives a variance within 8 units of rounding
// of the two terms subtracted from the divided one (the reciprocal, the products, the square
// and the difference each round once); 4e-15 of their sum holds that with room. A channel clear
// of the unsure band by that much is on the same side as its exact variance.
EEGTRACK_VECTOR_CLONES int screen_quiet(const WindowSums& w, const QuietBound& bound) {
  const double inverse = 1.0 / w.count;
  const std::size_t n = w.sum.size();
  const double* __restrict sum = w.sum.data();
  const double* __restrict sum_sq = w.sum_sq.data();
  // Without a branch (both sides are tested for every channel) so that the loop vectorises.
  std::int64_t below = 0;
  std::int64_t unclear = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const double mean = sum[c] * inverse;
    const double square = mean * mean;
    const double mean_square = sum_sq[c] * inverse;
    const double var = std::max(0.0, mean_square - square);
    const double error = 4e-15 * (std::abs(mean_square) + square);
    const std::int64_t clearly_below = var + error < bound.surely_below ? 1 : 0;
    const std::int64_t clearly_above = var - error > bound.surely_above ? 1 : 0;
    below += clearly_below;
    unclear += 1 - (clearly_below | clearly_above);  // NaN: neither
  }
  const auto below_count = static_cast<std::size_t>(below);
  if (unclear > 0 || (n % 2 == 0 && below_count == n / 2))
    return -1;
  return majority_below(below_count, n) ? 1 : 0;
}

bool quiet_exactly(const WindowSums& w, const QuietBound& bound, std::span<double> scratch) {
  const std::size_t n = w.sum.size();
  // Two loops, each without a branch, so that both vectorise.
  for (std::size_t c = 0; c < n; ++c) {
    const double mean = w.sum[c] / w.count;
    scratch[c] = std::max(0.0, w.sum_sq[c] / w.count - mean * mean);
  }
  std::size_t below = 0;
  std::size_t unsure = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const double var = scratch[c];
    below += var < bound.surely_below ? 1 : 0;
    unsure += !(var < bound.surely_below || var > bound.surely_above) ? 1 : 0;  // NaN too
  }
  if (unsure == 0 && (n % 2 == 1 || below != n / 2))
    return majority_below(below, n);
  // The median channel: a window is quiet when at least half the channels are, so one
  // disconnected electrode cannot make a record look suppressed, nor one noisy one active.
  for (std::size_t c = 0; c < n; ++c)
    scratch[c] = 2.0 * std::sqrt(2.0 * scratch[c]);
  return dsp::median_is_below(scratch.first(n), bound.threshold_ptp_uv);
}

}  // namespace eegtrack::features::detail
