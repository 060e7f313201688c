#include "eegtrack/dsp/poisson_interval.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace eegtrack::dsp {
namespace {

// scipy.stats (SciPy 1.10): chi2.ppf(0.025, 2k) / 2 and chi2.ppf(0.975, 2k + 2) / 2.
TEST(PoissonCountInterval, MatchesScipyGarwoodIntervals) {
  struct Case {
    int count;
    double low;
    double high;
  };
  for (const Case c :
       {Case{0, 0.0, 3.6888794541139354}, Case{1, 0.025317807984289876, 5.571643390938898},
        Case{5, 1.6234863901184207, 11.66833207932267},
        Case{10, 4.7953886961324335, 18.39035604201778},
        Case{100, 81.36399125092314, 121.62679379242638}}) {
    const auto ci = poisson_count_interval(c.count);
    EXPECT_NEAR(ci.low, c.low, 1e-9 * (1.0 + c.low)) << c.count;
    EXPECT_NEAR(ci.high, c.high, 1e-9 * c.high) << c.count;
  }
  // 90 %: chi2.ppf(0.05, 20) / 2 and chi2.ppf(0.95, 22) / 2.
  const auto ci90 = poisson_count_interval(10, 0.90);
  EXPECT_NEAR(ci90.low, 5.425405697091295, 1e-9 * 5.4);
  EXPECT_NEAR(ci90.high, 16.962219235721903, 1e-9 * 17.0);
}

// scipy.stats.gamma.cdf(x, a).
TEST(PoissonCountInterval, RegularizedGammaMatchesScipy) {
  EXPECT_NEAR(regularized_gamma_p(2.5, 3.3), 0.7478718492273353, 1e-13);
  EXPECT_NEAR(regularized_gamma_p(4.0, 0.7), 0.005753457592299579, 1e-15);
  EXPECT_NEAR(regularized_gamma_p(30.5, 40.0), 0.9481646213453068, 1e-13);
  EXPECT_EQ(regularized_gamma_p(3.0, 0.0), 0.0);
}

TEST(PoissonCountInterval, RefusesImpossibleArguments) {
  EXPECT_THROW((void)poisson_count_interval(-1), std::invalid_argument);
  EXPECT_THROW((void)poisson_count_interval(3, 1.0), std::invalid_argument);
  EXPECT_THROW((void)poisson_count_interval(3, 0.0), std::invalid_argument);
  EXPECT_THROW((void)regularized_gamma_p(0.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::dsp
