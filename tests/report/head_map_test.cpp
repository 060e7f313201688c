// Head positions of the 10-20 layout: Cz in the centre, the Fpz-T7-Oz-T8 circle 72° from the
// vertex (10 % of the 180° nasion-inion arc above the equator) at radius 72/90 = 0.8, left on
// the left, nose up; a derivation between its electrodes; and values drawn as text.
#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/report/figure_head_map.hpp"

namespace eegtrack::report {
namespace {

TEST(HeadPosition, MidlineAndEquator) {
  const auto cz = head_position("Cz");
  ASSERT_TRUE(cz);
  EXPECT_NEAR(cz->x, 0.0, 1e-9);
  EXPECT_NEAR(cz->y, 0.0, 1e-9);
  const auto t7 = head_position("T7");
  ASSERT_TRUE(t7);
  EXPECT_NEAR(t7->x, -0.8, 1e-6);
  EXPECT_NEAR(t7->y, 0.0, 1e-6);
  const auto fpz = head_position("Fpz");
  ASSERT_TRUE(fpz);
  EXPECT_NEAR(fpz->y, 0.8, 1e-6);
  const auto oz = head_position("Oz");
  ASSERT_TRUE(oz);
  EXPECT_NEAR(oz->y, -0.8, 1e-6);
  // F3 lies front left, inside the circle; its average derivation sits on it.
  const auto f3 = head_position("F3");
  const auto f3_avg = head_position("F3-avg");
  ASSERT_TRUE(f3 && f3_avg);
  EXPECT_LT(f3->x, 0.0);
  EXPECT_GT(f3->y, 0.0);
  EXPECT_LT(std::hypot(f3->x, f3->y), 0.8);
  EXPECT_DOUBLE_EQ(f3->x, f3_avg->x);
  // A bipolar derivation lies between its electrodes.
  const auto fp1 = head_position("Fp1"), f7 = head_position("F7");
  const auto pair = head_position("Fp1-F7");
  ASSERT_TRUE(fp1 && f7 && pair);
  EXPECT_GT(pair->y, f7->y);
  EXPECT_LT(pair->y, fp1->y);
  EXPECT_FALSE(head_position("EKG"));
  EXPECT_FALSE(head_position("A1"));
}

TEST(HeadMap, ValuesAndUnplacedLabelsAreWritten) {
  const auto svg =
      head_map({{"T7-P7", 0.72}, {"O1-avg", std::nullopt}, {"X<1>", 0.5}, {"P7-T7", 0.1}},
               {"Relative delta", "fraction", 2, 0.0, 1.0}, "map");
  EXPECT_NE(svg.find(">0.72<"), std::string::npos);
  EXPECT_NE(svg.find(">T7-P7<"), std::string::npos);
  EXPECT_NE(svg.find(">O1<"), std::string::npos);  // an average derivation named by its electrode
  EXPECT_NE(svg.find(">n/a<"), std::string::npos);
  // The unknown label and the derivation at the place of another are listed, not drawn.
  EXPECT_NE(svg.find("not drawn: X&lt;1&gt;; same place as another: P7-T7 (at T7-P7)"),
            std::string::npos);
  EXPECT_EQ(svg.find(">0.10<"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::report
