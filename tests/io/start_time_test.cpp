// io::shifted_by_days, the one date shift behind `anonymize --shift-days` and the de-identified
// outputs of analyze/batch. Expected dates from Python's datetime (date - timedelta).

#include <gtest/gtest.h>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {
namespace {

void expect_date(const StartTime& t, int year, int month, int day) {
  EXPECT_EQ(t.year, year);
  EXPECT_EQ(t.month, month);
  EXPECT_EQ(t.day, day);
}

TEST(ShiftedByDays, CrossesLeapDaysAndYears) {
  const StartTime t{.year = 2024, .month = 3, .day = 1, .hour = 13, .minute = 5, .second = 9};
  expect_date(shifted_by_days(t, -1), 2024, 2, 29);
  expect_date(shifted_by_days(t, -366), 2023, 3, 1);
  expect_date(shifted_by_days({.year = 2000, .month = 3, .day = 1}, -1), 2000, 2, 29);
  expect_date(shifted_by_days({.year = 2100, .month = 3, .day = 1}, -1), 2100, 2, 28);
}

TEST(ShiftedByDays, KeepsTheTimeOfDay) {
  const StartTime t{.year = 2024,
                    .month = 3,
                    .day = 1,
                    .hour = 23,
                    .minute = 59,
                    .second = 58,
                    .subsecond_s = 0.5};
  const StartTime s = shifted_by_days(t, -3650);
  expect_date(s, 2014, 3, 4);
  EXPECT_EQ(s.hour, 23);
  EXPECT_EQ(s.minute, 59);
  EXPECT_EQ(s.second, 58);
  EXPECT_EQ(s.subsecond_s, 0.5);
}

// The shift itself does not clip to EDF's years: the de-identified summary keeps the shifted
// date, and only a writer of EDF headers refuses it (anonymize) or clips it (events EDF).
TEST(ShiftedByDays, MayLeaveTheYearsEdfCanHold) {
  expect_date(shifted_by_days({.year = 1986, .month = 1, .day = 10}, -3650), 1976, 1, 13);
  expect_date(shifted_by_days({.year = kLastEdfYear, .month = 12, .day = 31}, 1), 2085, 1, 1);
}

}  // namespace
}  // namespace eegtrack::io
