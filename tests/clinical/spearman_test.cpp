// Spearman's rho against scipy.stats.spearmanr (SciPy 1.10, Debian 12), ties included.
#include "eegtrack/clinical/spearman.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace eegtrack::clinical {
namespace {

TEST(Spearman, MatchesScipyWithTiesInBothSeries) {
  // Index against ICANS grade, the follow-up's use: grades tie often.
  const std::vector<double> index{0.1, 0.5, 0.4, 0.2, 0.05, 0.3};
  const std::vector<double> grade{0, 4, 4, 1, 0, 3};
  const auto r = spearman(index, grade);
  ASSERT_TRUE(r.rho);
  EXPECT_NEAR(*r.rho, 0.9710083124552245, 1e-12);
  EXPECT_EQ(r.n_pairs, 6U);
  EXPECT_TRUE(r.note.empty());
}

TEST(Spearman, MatchesScipyWithoutTies) {
  const std::vector<double> x{1, 2, 3, 4, 5, 6, 7};
  const std::vector<double> y{2, 1, 4, 3, 7, 5, 6};
  EXPECT_NEAR(*spearman(x, y).rho, 0.8214285714285715, 1e-12);
  const std::vector<double> a{3, 1, 2, 2, 5};
  const std::vector<double> b{1, 1, 2, 3, 3};
  EXPECT_NEAR(*spearman(a, b).rho, 0.40555355282690636, 1e-12);
}

TEST(Spearman, PerfectOrderAndReversal) {
  const std::vector<double> x{0.1, 0.2, 0.9, 1.5};
  const std::vector<double> up{1, 2, 3, 40};
  const std::vector<double> down{4, 3, 2, 1};
  EXPECT_DOUBLE_EQ(*spearman(x, up).rho, 1.0);
  EXPECT_DOUBLE_EQ(*spearman(x, down).rho, -1.0);
}

TEST(Spearman, TooFewPairsOrAConstantSeriesGiveNoRho) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> x{0.1, nan, 0.3, 0.4, 0.5};
  const std::vector<double> y{1, 2, nan, 3, 4};
  const auto few = spearman(x, y);  // 3 finite pairs
  EXPECT_FALSE(few.rho);
  EXPECT_EQ(few.n_pairs, 3U);
  EXPECT_EQ(few.note, "too few pairs (3 < 4)");
  const std::vector<double> flat{2, 2, 2, 2};
  const auto constant = spearman(std::vector<double>{1, 2, 3, 4}, flat);
  EXPECT_FALSE(constant.rho);
  EXPECT_EQ(constant.note, "one series is constant");
  EXPECT_THROW((void)spearman(std::vector<double>{1}, flat), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::clinical
