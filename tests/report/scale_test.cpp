// Scales and ticks against values worked out by hand: linear and logarithmic maps, nice steps
// of 1, 2 and 5 times a power of ten, tick labels with the decimals their step needs.
#include "eegtrack/report/scale.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace eegtrack::report {
namespace {

std::vector<double> values(const std::vector<Tick>& ticks) {
  std::vector<double> out;
  for (const auto& t : ticks)
    out.push_back(t.value);
  return out;
}

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks)
    out.push_back(t.label);
  return out;
}

TEST(LinearScale, MapsAndInverts) {
  const LinearScale x(0.0, 300.0, 78.0, 1078.0);
  EXPECT_DOUBLE_EQ(x(0.0), 78.0);
  EXPECT_DOUBLE_EQ(x(300.0), 1078.0);
  EXPECT_DOUBLE_EQ(x(150.0), 578.0);
  EXPECT_DOUBLE_EQ(x.invert(578.0), 150.0);
  // A y axis: the range runs upwards.
  const LinearScale y(0.0, 4.0, 200.0, 100.0);
  EXPECT_DOUBLE_EQ(y(0.0), 200.0);
  EXPECT_DOUBLE_EQ(y(4.0), 100.0);
  EXPECT_DOUBLE_EQ(y(1.0), 175.0);
  // A constant series is drawn across the middle.
  const LinearScale flat(2.0, 2.0, 0.0, 100.0);
  EXPECT_DOUBLE_EQ(flat(2.0), 50.0);
  EXPECT_THROW(LinearScale(0.0, std::numeric_limits<double>::infinity(), 0, 1),
               std::invalid_argument);
}

TEST(LogScale, DecadesAreEquallySpaced) {
  const LogScale s(1.0, 100.0, 0.0, 100.0);
  EXPECT_DOUBLE_EQ(s(1.0), 0.0);
  EXPECT_DOUBLE_EQ(s(10.0), 50.0);
  EXPECT_DOUBLE_EQ(s(100.0), 100.0);
  EXPECT_NEAR(s(2.0), 100.0 * 0.30102999566398 / 2.0, 1e-9);
  EXPECT_LT(s(0.0), 0.0);  // not NaN: below the range
  EXPECT_THROW(LogScale(0.0, 10.0, 0, 1), std::invalid_argument);
  EXPECT_THROW(LogScale(10.0, 1.0, 0, 1), std::invalid_argument);
}

TEST(Ticks, NiceStepsAreOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(10.0, 5), 2.0);
  EXPECT_DOUBLE_EQ(nice_step(1.0, 5), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(7.0, 5), 1.0);      // raw 1.4
  EXPECT_DOUBLE_EQ(nice_step(0.3, 5), 0.05);     // raw 0.06
  EXPECT_DOUBLE_EQ(nice_step(300.0, 10), 50.0);  // raw 30
  EXPECT_DOUBLE_EQ(nice_step(80.0, 10), 10.0);   // raw 8 rounds up to 10
  EXPECT_THROW((void)nice_step(0.0, 5), std::invalid_argument);
  EXPECT_THROW((void)nice_step(1.0, 0), std::invalid_argument);
}

TEST(Ticks, LinearTicksAndTheirLabels) {
  const auto unit = linear_ticks(0.0, 1.0, 5);
  EXPECT_EQ(labels(unit), (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  EXPECT_EQ(labels(linear_ticks(0.0, 300.0, 10)),
            (std::vector<std::string>{"0", "50", "100", "150", "200", "250", "300"}));
  // Symmetric axis: zero is "0.0", never "-0.0".
  EXPECT_EQ(labels(linear_ticks(-1.0, 1.0, 4)),
            (std::vector<std::string>{"-1.0", "-0.5", "0.0", "0.5", "1.0"}));
  // Ticks lie inside the interval only.
  EXPECT_EQ(values(linear_ticks(61.2, 71.2, 10)),
            (std::vector<double>{62, 63, 64, 65, 66, 67, 68, 69, 70, 71}));
  EXPECT_EQ(tick_label(0.5, 0.25), "0.50");
  EXPECT_EQ(tick_label(20.0, 5.0), "20");
  EXPECT_EQ(linear_ticks(3.0, 3.0, 5).size(), 1u);
}

TEST(Ticks, NiceDomainEndsOnTicks) {
  const auto d = nice_domain(0.13, 0.87, 5);  // step 0.1
  EXPECT_NEAR(d.low, 0.1, 1e-12);
  EXPECT_NEAR(d.high, 0.9, 1e-12);
  const auto days = nice_domain(-5.0, 71.0, 10);  // step 10
  EXPECT_DOUBLE_EQ(days.low, -10.0);
  EXPECT_DOUBLE_EQ(days.high, 80.0);
}

TEST(Ticks, LogTicksAreDecadesWithTwoAndFiveWhenFew) {
  EXPECT_EQ(values(log_ticks(0.1, 1000.0)), (std::vector<double>{0.1, 1, 10, 100, 1000}));
  EXPECT_EQ(labels(log_ticks(0.1, 1000.0)),
            (std::vector<std::string>{"0.1", "1", "10", "100", "1000"}));
  EXPECT_EQ(values(log_ticks(1.0, 50.0)), (std::vector<double>{1, 2, 5, 10, 20, 50}));
  EXPECT_THROW((void)log_ticks(0.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::report
