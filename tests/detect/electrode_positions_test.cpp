#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/sites/position.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::sites {
namespace {

double angle(const char* a, const char* b) {
  return electrode_angle_deg(*electrode_position(a), *electrode_position(b));
}

// The 10-20 arcs: nasion-inion and preauricular arcs are cut in 10 % / 20 % steps of 180
// degrees, so ring electrodes are 36 degrees apart and Cz is 72 degrees from T7 and from Fpz.
TEST(ElectrodePosition, FollowsThe1020Arcs) {
  const auto cz = *electrode_position("Cz");
  EXPECT_NEAR(cz.z, 1.0, 1e-12);
  EXPECT_NEAR(angle("Cz", "T7"), 72.0, 1e-9);
  EXPECT_NEAR(angle("Cz", "Fpz"), 72.0, 1e-9);
  EXPECT_NEAR(angle("Cz", "Oz"), 72.0, 1e-9);
  EXPECT_NEAR(angle("Cz", "Fz"), 36.0, 1e-9);
  EXPECT_NEAR(angle("Cz", "C3"), 36.0, 1e-9);  // halfway along the coronal arc
  EXPECT_NEAR(angle("Cz", "C1"), 18.0, 1e-9);
  EXPECT_NEAR(angle("T7", "T9"), 18.0, 1e-9);   // 10-10 beyond the ring
  EXPECT_LT(electrode_position("T7")->x, 0.0);  // odd = left
  EXPECT_GT(electrode_position("T8")->x, 0.0);
  EXPECT_GT(electrode_position("Fp1")->y, 0.0);  // front
  EXPECT_LT(electrode_position("O2")->y, 0.0);
  // Mirror images and neighbours on the 72-degree ring.
  const auto f7 = *electrode_position("F7");
  const auto f8 = *electrode_position("F8");
  EXPECT_NEAR(f7.x, -f8.x, 1e-12);
  EXPECT_NEAR(f7.y, f8.y, 1e-12);
  const double ring = std::sin(72.0 * M_PI / 180.0);
  EXPECT_NEAR(2.0 * std::asin(ring * std::sin(18.0 * M_PI / 180.0)) * 180.0 / M_PI,
              angle("F7", "T7"), 1e-9);  // chord between ring points 36 degrees of azimuth apart
}

TEST(ElectrodePosition, NoPositionForDerivationsAndReferenceSites) {
  EXPECT_FALSE(electrode_position("Fp1-F7"));
  EXPECT_FALSE(electrode_position("A1"));
  EXPECT_FALSE(electrode_position("Nz"));
  EXPECT_FALSE(electrode_position("ECG"));
}

TEST(DetectionChannels, SplitDerivationsAndFindSites) {
  const auto channels = detect::detection_channels({"T7-avg", "Fp1-F7", "Cz", "ECG"});
  ASSERT_EQ(channels.size(), 4u);
  EXPECT_EQ(channels[0].plus, "T7");
  EXPECT_EQ(channels[0].minus, "avg");
  ASSERT_TRUE(channels[0].site);
  EXPECT_EQ(channels[0].site->region, Region::Temporal);
  EXPECT_TRUE(channels[0].position);
  EXPECT_EQ(channels[1].minus, "F7");
  EXPECT_EQ(channels[1].site->side, Side::Left);
  EXPECT_EQ(channels[2].minus, "");
  EXPECT_FALSE(channels[3].site);
  EXPECT_FALSE(channels[3].position);
}

}  // namespace
}  // namespace eegtrack::sites
