// Units and the EASIX family, values worked by hand.
#include "eegtrack/clinical/labs.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::clinical {
namespace {

TEST(LabUnits, ExplicitConversions) {
  EXPECT_DOUBLE_EQ(*to_canonical("crp", 96.0, "mg/L"), 9.6);
  EXPECT_DOUBLE_EQ(*to_canonical("crp", 9.6, "mg/dL"), 9.6);
  EXPECT_NEAR(*to_canonical("creatinine", 88.42, "umol/L"), 1.0, 1e-12);
  EXPECT_NEAR(*to_canonical("creatinine", 88.42, "\xC2\xB5mol/L"), 1.0, 1e-12);  // µ
  EXPECT_DOUBLE_EQ(*to_canonical("platelets", 74.0, "G/L"), 74.0);
  EXPECT_DOUBLE_EQ(*to_canonical("ldh", 10.0, "ukat/L"), 600.0);
  EXPECT_DOUBLE_EQ(*to_canonical("ferritin", 2100.0, "ng/mL"), 2100.0);
  EXPECT_EQ(*canonical_unit("crp"), "mg/dL");
  EXPECT_FALSE(to_canonical("crp", 1.0, "mmol/L"));
  EXPECT_FALSE(to_canonical("troponin", 1.0, "ng/L"));
  EXPECT_FALSE(canonical_unit("troponin"));
}

TEST(Easix, TheThreeIndicesFromOnePanel) {
  LabPanel p;
  p.values = {{"ldh", 612, "U/L"},
              {"creatinine", 88, "umol/L"},
              {"platelets", 74, "10^9/L"},
              {"crp", 96, "mg/L"},
              {"ferritin", 2100, "ug/L"}};
  const auto e = easix_indices(p);
  const double creatinine_mg_dl = 88.0 / 88.42;
  EXPECT_NEAR(e.easix->value, 612.0 * creatinine_mg_dl / 74.0, 1e-12);  // 8.231
  EXPECT_NEAR(e.m_easix->value, 612.0 * 9.6 / 74.0, 1e-12);             // 79.39
  EXPECT_NEAR(e.m_easix->log2, std::log2(612.0 * 9.6 / 74.0), 1e-12);
  EXPECT_NEAR(e.s_easix->value, 612.0 / 74.0, 1e-12);
  EXPECT_TRUE(e.missing.empty());
}

TEST(Easix, MissingValuesLeaveTheIndexOutAndSayWhy) {
  LabPanel p;
  p.values = {{"ldh", 300, "U/L"}, {"platelets", 150, "10^9/L"}};
  const auto e = easix_indices(p);
  EXPECT_FALSE(e.easix);
  EXPECT_FALSE(e.m_easix);
  ASSERT_TRUE(e.s_easix);
  EXPECT_DOUBLE_EQ(e.s_easix->value, 2.0);
  EXPECT_DOUBLE_EQ(e.s_easix->log2, 1.0);
  EXPECT_EQ(e.missing,
            (std::vector<std::string>{"EASIX: creatinine missing", "m-EASIX: crp missing"}));
}

TEST(Easix, BadUnitsAndImpossibleCountsAreErrors) {
  LabPanel p;
  p.values = {{"ldh", 300, "U/L"}, {"crp", 5, "mmol/L"}, {"platelets", 150, "10^9/L"}};
  EXPECT_THROW((void)easix_indices(p), std::invalid_argument);
  p.values = {{"ldh", 300, "U/L"}, {"platelets", 0, "10^9/L"}};
  EXPECT_THROW((void)easix_indices(p), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::clinical
