#include "eegtrack/features/symmetry.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "golden_features.hpp"

namespace eegtrack::features {
namespace {

std::vector<double> grid() {
  std::vector<double> f;
  for (int k = 0; k <= 160; ++k)
    f.push_back(0.25 * k);  // 0-40 Hz
  return f;
}

// A plausible background: 1/f with an alpha bump.
double background(double f) {
  const double x = std::max(f, 0.5);
  return 20.0 / x + 8.0 * std::exp(-0.5 * std::pow((x - 10.0) / 1.2, 2.0));
}

std::vector<sites::ElectrodeSite> montage() {
  return {{"Fp1", sites::Side::Left, sites::Region::Frontal, "Fp2"},
          {"Fp2", sites::Side::Right, sites::Region::Frontal, "Fp1"},
          {"C3", sites::Side::Left, sites::Region::Central, "C4"},
          {"C4", sites::Side::Right, sites::Region::Central, "C3"},
          {"T7", sites::Side::Left, sites::Region::Temporal, "T8"},
          {"T8", sites::Side::Right, sites::Region::Temporal, "T7"},
          {"P3", sites::Side::Left, sites::Region::Parietal, "P4"},
          {"P4", sites::Side::Right, sites::Region::Parietal, "P3"},
          {"O1", sites::Side::Left, sites::Region::Occipital, "O2"},
          {"O2", sites::Side::Right, sites::Region::Occipital, "O1"},
          {"Cz", sites::Side::Midline, sites::Region::Central, ""}};
}

// Every channel gets the background times gain(site, f).
template <typename Gain>
Eigen::MatrixXd psds(const std::vector<double>& f, const std::vector<sites::ElectrodeSite>& sites,
                     Gain gain) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(sites.size()), static_cast<Eigen::Index>(f.size()));
  for (std::size_t r = 0; r < sites.size(); ++r)
    for (std::size_t k = 0; k < f.size(); ++k)
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) =
          background(f[k]) * gain(sites[r], f[k]);
  return m;
}

TEST(BrainSymmetry, IdenticalHemispheresGiveZero) {
  const auto f = grid();
  const auto sites = montage();
  const auto s = brain_symmetry(
      f, psds(f, sites, [](const sites::ElectrodeSite&, double) { return 1.0; }), sites);
  EXPECT_DOUBLE_EQ(s.bsi, 0.0);
  EXPECT_DOUBLE_EQ(s.pdbsi, 0.0);
  EXPECT_EQ(s.n_pairs, 5u);
  ASSERT_EQ(s.regions.size(), 5u);
  for (std::size_t b = 0; b < 4; ++b) {
    EXPECT_DOUBLE_EQ(s.bsi_per_band[b], 0.0);
    EXPECT_DOUBLE_EQ(s.signed_index_per_band[b], 0.0);
    for (const auto& r : s.regions)
      EXPECT_DOUBLE_EQ(r.signed_index[b], 0.0);
  }
}

TEST(BrainSymmetry, SilentLeftSideGivesOne) {
  const auto f = grid();
  const auto sites = montage();
  const auto s = brain_symmetry(f,
                                psds(f, sites,
                                     [](const sites::ElectrodeSite& c, double) {
                                       return c.side == sites::Side::Left ? 0.0 : 1.0;
                                     }),
                                sites);
  EXPECT_DOUBLE_EQ(s.bsi, 1.0);
  EXPECT_DOUBLE_EQ(s.pdbsi, 1.0);
  for (std::size_t b = 0; b < 4; ++b)
    EXPECT_DOUBLE_EQ(s.signed_index_per_band[b], 1.0);  // positive = right has more power
}

TEST(BrainSymmetry, ConstantRatioGivesAnalyticIndex) {
  const auto f = grid();
  const auto sites = montage();
  // R = 3 L in every bin: |(3 - 1) / (3 + 1)| = 0.5.
  const auto s = brain_symmetry(f,
                                psds(f, sites,
                                     [](const sites::ElectrodeSite& c, double) {
                                       return c.side == sites::Side::Right ? 3.0 : 1.0;
                                     }),
                                sites);
  EXPECT_NEAR(s.bsi, 0.5, 1e-12);
  EXPECT_NEAR(s.pdbsi, 0.5, 1e-12);
  for (std::size_t b = 0; b < 4; ++b) {
    EXPECT_NEAR(s.bsi_per_band[b], 0.5, 1e-12);
    EXPECT_NEAR(s.signed_index_per_band[b], 0.5, 1e-12);
  }
}

TEST(BrainSymmetry, PairwiseIndexSeesAsymmetriesThatCancelInHemisphereMeans) {
  const auto f = grid();
  const std::vector<sites::ElectrodeSite> sites{
      {"C3", sites::Side::Left, sites::Region::Central, "C4"},
      {"C4", sites::Side::Right, sites::Region::Central, "C3"},
      {"P3", sites::Side::Left, sites::Region::Parietal, "P4"},
      {"P4", sites::Side::Right, sites::Region::Parietal, "P3"}};
  // C4 = 3 C3 and P3 = 3 P4: the hemisphere means are equal, each pair is 0.5 asymmetric.
  const auto s = brain_symmetry(f,
                                psds(f, sites,
                                     [](const sites::ElectrodeSite& c, double) {
                                       return c.name == "C4" || c.name == "P3" ? 3.0 : 1.0;
                                     }),
                                sites);
  EXPECT_NEAR(s.bsi, 0.0, 1e-12);
  EXPECT_NEAR(s.pdbsi, 0.5, 1e-12);
  ASSERT_EQ(s.regions.size(), 2u);
  EXPECT_NEAR(s.regions[0].signed_index[2], 0.5, 1e-12);   // central: right larger
  EXPECT_NEAR(s.regions[1].signed_index[2], -0.5, 1e-12);  // parietal: left larger
}

TEST(BrainSymmetry, LeftTemporalDeltaExcessIsNegativeAndLargestInDelta) {
  const auto f = grid();
  const auto sites = montage();
  const auto s = brain_symmetry(
      f,
      psds(f, sites,
           [](const sites::ElectrodeSite& c, double x) {
             const bool left_temporal =
                 c.side == sites::Side::Left && c.region == sites::Region::Temporal;
             return left_temporal ? 1.0 + 4.0 * std::exp(-0.5 * std::pow((x - 2.0) / 0.8, 2.0))
                                  : 1.0;
           }),
      sites);
  const RegionAsymmetry* temporal = nullptr;
  for (const auto& r : s.regions) {
    if (r.region == sites::Region::Temporal) {
      temporal = &r;
    } else {
      EXPECT_NEAR(r.slow_signed_index, 0.0, 1e-12) << to_string(r.region);
    }
  }
  ASSERT_NE(temporal, nullptr);
  EXPECT_LT(temporal->slow_signed_index, -0.3);
  EXPECT_GT(temporal->left_uv2[0], 2.0 * temporal->right_uv2[0]);
  // Delta (band 0) is the most negative; the excess barely reaches the other bands.
  for (std::size_t b = 1; b < 4; ++b)
    EXPECT_LT(temporal->signed_index[0], temporal->signed_index[b] - 0.2);
  EXPECT_LT(s.signed_index_per_band[0], 0.0);
  EXPECT_GT(s.bsi_per_band[0], s.bsi_per_band[2]);
}

TEST(BrainSymmetry, MatchesNumpyReferenceOnRealSpectra) {
  const auto spectra = test::golden_spectra();
  const auto e = test::golden_features().at("symmetry");
  const std::vector<sites::ElectrodeSite> sites{
      {"O1", sites::Side::Left, sites::Region::Occipital, "O2"},
      {"O2", sites::Side::Right, sites::Region::Occipital, "O1"},
      {"T3", sites::Side::Left, sites::Region::Temporal, "T4"},
      {"T4", sites::Side::Right, sites::Region::Temporal, "T3"},
      {"Fz", sites::Side::Midline, sites::Region::Frontal, ""}};
  const auto& f = spectra.at("O1").f;
  Eigen::MatrixXd m(5, static_cast<Eigen::Index>(f.size()));
  for (Eigen::Index r = 0; r < 5; ++r)
    for (std::size_t k = 0; k < f.size(); ++k)
      m(r, static_cast<Eigen::Index>(k)) =
          spectra.at(sites[static_cast<std::size_t>(r)].name).psd[k];
  const auto s = brain_symmetry(f, m, sites);
  EXPECT_NEAR(s.bsi, e.at("bsi"), 1e-12);
  EXPECT_NEAR(s.pdbsi, e.at("pdbsi"), 1e-12);
  ASSERT_EQ(s.regions.size(), 2u);  // enum order: temporal, occipital
  const char* bands[] = {"delta", "theta", "alpha", "beta"};
  for (std::size_t b = 0; b < 4; ++b) {
    const std::string name = bands[b];
    EXPECT_NEAR(s.bsi_per_band[b], e.at("bsi_" + name), 1e-12) << name;
    EXPECT_NEAR(s.pdbsi_per_band[b], e.at("pdbsi_" + name), 1e-12) << name;
    EXPECT_NEAR(s.signed_index_per_band[b], e.at("signed_" + name), 1e-12) << name;
    EXPECT_NEAR(s.regions[0].signed_index[b], e.at("temporal_" + name), 1e-12) << name;
    EXPECT_NEAR(s.regions[1].signed_index[b], e.at("occipital_" + name), 1e-12) << name;
  }
  EXPECT_NEAR(s.regions[0].slow_signed_index, e.at("temporal_slow"), 1e-12);
  EXPECT_NEAR(s.regions[1].slow_signed_index, e.at("occipital_slow"), 1e-12);
}

TEST(BrainSymmetry, RejectsBadArguments) {
  const auto f = grid();
  const auto sites = montage();
  const auto m = psds(f, sites, [](const sites::ElectrodeSite&, double) { return 1.0; });
  const std::vector<sites::ElectrodeSite> fewer(sites.begin(), sites.end() - 1);
  EXPECT_THROW((void)brain_symmetry(f, m, fewer), std::invalid_argument);
  const std::vector<sites::ElectrodeSite> all_left(
      sites.size(), {"X", sites::Side::Left, sites::Region::Central, ""});
  EXPECT_THROW((void)brain_symmetry(f, m, all_left), std::invalid_argument);
  EXPECT_THROW((void)brain_symmetry(f, m, sites, {.bsi_low_hz = 1.0, .bsi_high_hz = 60.0}),
               std::invalid_argument);
  const std::vector<double> psd(f.size(), 1.0);
  EXPECT_THROW((void)revised_bsi(f, psd, psd, 1.1, 1.2), std::invalid_argument);  // no bin
}

}  // namespace
}  // namespace eegtrack::features
