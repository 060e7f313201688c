// Viridis at its ends and middle against matplotlib's table (values published with it), its
// clamping, and the property that makes it readable in grey: luminance rises with the value.
#include "eegtrack/report/colour_map.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::report {
namespace {

double luminance(Rgb c) {
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

TEST(Viridis, EndpointsAndMiddleAreMatplotlibs) {
  EXPECT_EQ(hex(viridis(0.0)), "#440154");
  EXPECT_EQ(hex(viridis(1.0)), "#fde725");
  // Entry 128 of 256 is #21918c; t = 128/255 lands on it exactly.
  EXPECT_EQ(hex(viridis(128.0 / 255.0)), "#21918c");
}

TEST(Viridis, ClampsAndHandlesNaN) {
  EXPECT_EQ(viridis(-3.0), viridis(0.0));
  EXPECT_EQ(viridis(7.0), viridis(1.0));
  EXPECT_EQ(viridis(std::nan("")), viridis(0.0));
}

TEST(Viridis, LuminanceRisesMonotonically) {
  double previous = -1.0;
  for (int i = 0; i <= 64; ++i) {
    const double l = luminance(viridis(i / 64.0));
    EXPECT_GT(l, previous) << i;
    previous = l;
  }
}

TEST(SeriesColours, OkabeItoWrapsAround) {
  EXPECT_EQ(hex(series_colour(0)), "#0072b2");
  EXPECT_EQ(series_colour(6), series_colour(0));
  EXPECT_NE(series_colour(0), series_colour(1));
}

}  // namespace
}  // namespace eegtrack::report
