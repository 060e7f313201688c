#include "eegtrack/dsp/dpss.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::GoldenTable;

TEST(Dpss, MatchesScipyTapersAndRatios) {
  const GoldenTable g("spectral_dpss.csv");
  int cases = 0;
  double worst_taper = 0.0;
  double worst_ratio = 0.0;
  for (int c = 0; g.has("case" + std::to_string(c) + "/m"); ++c, ++cases) {
    const std::string k = "case" + std::to_string(c) + "/";
    const auto m = static_cast<std::size_t>(g.num(k + "m"));
    const auto kmax = static_cast<std::size_t>(g.num(k + "k"));
    const auto d = dsp::dpss(m, g.num(k + "nw"), kmax, g.num(k + "periodic") != 0.0);
    ASSERT_EQ(static_cast<std::size_t>(d.tapers.rows()), kmax);
    ASSERT_EQ(static_cast<std::size_t>(d.tapers.cols()), m);
    const auto ratios = g.vec(k + "ratios");
    for (std::size_t i = 0; i < kmax; ++i) {
      const auto ref = g.vec(k + "taper" + std::to_string(i));
      for (std::size_t t = 0; t < m; ++t) {
        // Same sign convention as SciPy, so no sign freedom is needed.
        worst_taper =
            std::max(worst_taper,
                     std::abs(d.tapers(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(t)) -
                              ref[t]));
      }
      worst_ratio = std::max(worst_ratio, std::abs(d.concentration_ratios[i] - ratios[i]));
    }
  }
  EXPECT_EQ(cases, 4);
  EXPECT_LE(worst_taper, 1e-8);
  EXPECT_LE(worst_ratio, 1e-10);
  RecordProperty("max_taper_error", std::to_string(worst_taper));
  std::printf("dpss: max taper error %.3g, max ratio error %.3g\n", worst_taper, worst_ratio);
}

TEST(Dpss, SymmetricTapersAreOrthonormal) {
  const auto d = dsp::dpss(300, 3.5, 7, false);
  const Eigen::MatrixXd gram = d.tapers * d.tapers.transpose();
  EXPECT_LE((gram - Eigen::MatrixXd::Identity(7, 7)).cwiseAbs().maxCoeff(), 1e-12);
  // Concentration decreases with order; the first 2NW - 1 pass MNE's low-bias threshold 0.9.
  for (std::size_t k = 1; k < 7; ++k)
    EXPECT_LT(d.concentration_ratios[k], d.concentration_ratios[k - 1]);
  EXPECT_GT(d.concentration_ratios[0], 0.999999);
  EXPECT_GT(d.concentration_ratios[5], 0.9);
}

TEST(Dpss, LongTaperIsFastAndOrthonormal) {
  // 30 s at 256 Hz: the inverse-iteration path must stay accurate at realistic lengths.
  const auto d = dsp::dpss(7680, 4.0, 7, false);
  const Eigen::MatrixXd gram = d.tapers * d.tapers.transpose();
  EXPECT_LE((gram - Eigen::MatrixXd::Identity(7, 7)).cwiseAbs().maxCoeff(), 1e-10);
  EXPECT_GT(d.concentration_ratios[0], 0.999999);
}

TEST(Dpss, RejectsBadArguments) {
  EXPECT_THROW((void)dsp::dpss(1, 1.0, 1), std::invalid_argument);
  EXPECT_THROW((void)dsp::dpss(64, 2.0, 0), std::invalid_argument);
  EXPECT_THROW((void)dsp::dpss(64, 2.0, 65), std::invalid_argument);
  EXPECT_THROW((void)dsp::dpss(64, 0.0, 3), std::invalid_argument);
  EXPECT_THROW((void)dsp::dpss(64, 32.0, 3), std::invalid_argument);
}
