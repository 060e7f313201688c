// Numbers as the reports write them.
#include "eegtrack/report/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::report {
namespace {

TEST(NumberText, FixedDecimalsWithoutNegativeZero) {
  EXPECT_EQ(fixed(0.4949, 2), "0.49");
  EXPECT_EQ(fixed(-0.001, 2), "0.00");
  EXPECT_EQ(fixed(-0.5, 1), "-0.5");
  EXPECT_EQ(fixed(std::nan(""), 2), "n/a");
  EXPECT_EQ(fixed_or(std::nullopt, 2, "absent"), "absent");
  EXPECT_EQ(with_interval(0.49, 0.48, 0.5, 2), "0.49 (0.48\u20130.50)");
  EXPECT_EQ(with_interval(0.49, std::nullopt, 0.5, 2), "0.49");
}

TEST(NumberText, DurationsAndClockTimes) {
  EXPECT_EQ(duration_text(4.0), "4.0 s");
  EXPECT_EQ(duration_text(42.0), "42 s");
  EXPECT_EQ(duration_text(300.0), "5 min 00 s");
  EXPECT_EQ(duration_text(7800.0), "2 h 10 min");
  EXPECT_EQ(clock_time("2026-02-14T11:00:00", 172.0), "11:02:52");
  EXPECT_EQ(clock_time("2026-02-14T23:59:30", 45.0), "00:00:15");  // past midnight
  EXPECT_EQ(clock_time("2026-02-14T11:00:00.500000", 0.6), "11:00:01");
  EXPECT_EQ(clock_time("no time", 1.0), "");
}

}  // namespace
}  // namespace eegtrack::report
