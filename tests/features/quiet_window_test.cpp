// The continuity analysis' quiet-window screen (src/features/quiet_window.cpp) decides without
// dividing, and must never decide otherwise than the exact test: checked on windows made to sit
// near the amplitude bound, with offsets large enough that the variance is a small difference
// of large sums, at odd and even channel counts.
#include "quiet_window.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace eegtrack::features::detail {
namespace {

struct Window {
  std::vector<double> sum;
  std::vector<double> sum_sq;
  double count = 0.0;
  [[nodiscard]] WindowSums sums() const { return {sum, sum_sq, count}; }
};

// Each channel's sums over a window of `count` samples whose mean is `offsets[c]` and whose
// variance is `ratios[c]` times the bound's (as far as the sums can say it: with a large mean
// the variance is a small difference of large numbers, as in the analyzer).
Window window_of(const std::vector<double>& ratios, const std::vector<double>& offsets,
                 std::size_t count, double threshold) {
  Window w;
  w.count = static_cast<double>(count);
  const double bound = threshold * threshold / 8.0;
  for (std::size_t c = 0; c < ratios.size(); ++c) {
    w.sum.push_back(offsets[c] * w.count);
    w.sum_sq.push_back((bound * ratios[c] + offsets[c] * offsets[c]) * w.count);
  }
  return w;
}

struct Tally {
  std::size_t decided = 0;
  std::size_t decided_quiet = 0;
};

// Random windows whose channels' variances lie 10^closest to 10^3 (relative) away from the
// bound or from an edge of its unsure band, on either side, with offsets from none to 1e4 uV, where
// the sums lose most of their digits to the mean. Every window the screen decides must be decided
// as the exact test does.
Tally compare(double closest, std::size_t most_channels, std::size_t cases) {
  std::mt19937_64 rng(20261207);
  std::uniform_int_distribution<std::size_t> channels(1, most_channels);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double threshold = 10.0;
  const QuietBound bound(threshold);
  Tally tally;
  for (std::size_t k = 0; k < cases; ++k) {
    const std::size_t n = channels(rng);
    std::vector<double> ratios(n);
    std::vector<double> offsets(n);
    const bool mostly_quiet = unit(rng) < 0.5;
    for (std::size_t c = 0; c < n; ++c) {
      const double away = std::pow(10.0, closest + (3.0 - closest) * unit(rng));
      // About the bound itself or about either edge of the band where rounding decides.
      const double centre = std::array{1.0, 1.0 - 1e-9, 1.0 + 1e-9}[k % 3];
      ratios[c] = centre * ((unit(rng) < 0.8) == mostly_quiet ? 1.0 / (1.0 + away) : 1.0 + away);
      offsets[c] = unit(rng) < 0.3 ? 0.0 : std::pow(10.0, 4.0 * unit(rng)) * (unit(rng) - 0.5);
    }
    // 0.25-s windows at 200, 250 and 500 Hz: counts whose reciprocal is not exact (at 256 Hz,
    // 64 samples, it is, and the screen's products equal the divisions).
    const auto w = window_of(ratios, offsets,
                             std::array<std::size_t, 3>{50, 63, 125}[k % 3 == 0   ? 1
                                                                     : k % 2 == 0 ? 0
                                                                                  : 2],
                             threshold);
    std::vector<double> scratch(n);
    const bool exact = quiet_exactly(w.sums(), bound, scratch);
    const int screened = screen_quiet(w.sums(), bound);
    if (screened >= 0) {
      ++tally.decided;
      tally.decided_quiet += screened == 1 ? 1 : 0;
      EXPECT_EQ(screened == 1, exact) << "case " << k << ", " << n << " channels";
    }
  }
  return tally;
}

TEST(QuietWindow, TheScreenNeverDecidesOtherwiseThanTheExactTest) {
  // One channel, which is its own median, as close as 1e-12 to the bound or an edge of the
  // band: the screen must leave many windows undecided, and still decide some of each kind.
  const Tally one = compare(-12.0, 1, 20000);
  EXPECT_GT(one.decided, 5000U);
  EXPECT_GT(one.decided_quiet, 1000U);
  EXPECT_GT(one.decided - one.decided_quiet, 1000U);
  // Up to 24 channels, the same.
  const Tally close = compare(-12.0, 24, 20000);
  EXPECT_GT(close.decided, 1000U);
  // At least 0.1 % away, as EEG almost always is: the screen decides nearly every window, or it
  // would save nothing.
  const Tally far = compare(-3.0, 24, 20000);
  EXPECT_GT(far.decided, 20000U * 9 / 10);
  EXPECT_GT(far.decided_quiet, 20000U / 4);
}

TEST(QuietWindow, TheScreenLeavesTheCloseAndTheUndefinedToTheExactTest) {
  const double threshold = 10.0;
  const QuietBound bound(threshold);
  std::vector<double> scratch(4);
  // Three channels clearly quiet, one exactly at the bound: undecided by the screen, quiet.
  auto w = window_of({0.01, 0.01, 0.01, 1.0}, {0.0, 0.0, 0.0, 0.0}, 64, threshold);
  EXPECT_EQ(screen_quiet(w.sums(), bound), -1);
  EXPECT_TRUE(quiet_exactly(w.sums(), bound, scratch));
  // Two quiet and two active of four: the median is the mean of the central two.
  w = window_of({0.01, 0.01, 100.0, 100.0}, {0.0, 0.0, 0.0, 0.0}, 64, threshold);
  EXPECT_EQ(screen_quiet(w.sums(), bound), -1);
  EXPECT_FALSE(quiet_exactly(w.sums(), bound, scratch));
  // A NaN sum is never decided by the screen.
  w = window_of({0.01, 0.01, 0.01, 0.01}, {0.0, 0.0, 0.0, 0.0}, 64, threshold);
  w.sum[0] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(screen_quiet(w.sums(), bound), -1);
  // Far from the bound the screen decides, both ways.
  w = window_of({0.01, 0.01, 0.01, 100.0}, {5e3, -3e3, 0.0, 1e4}, 64, threshold);
  EXPECT_EQ(screen_quiet(w.sums(), bound), 1);
  w = window_of({100.0, 100.0, 100.0, 0.01}, {5e3, -3e3, 0.0, 1e4}, 64, threshold);
  EXPECT_EQ(screen_quiet(w.sums(), bound), 0);
}

}  // namespace
}  // namespace eegtrack::features::detail
