// Episodes and relapses on hand-built grade series.
#include "eegtrack/clinical/episodes.hpp"

#include <gtest/gtest.h>

#include "eegtrack/clinical/course_time.hpp"
#include "eegtrack/clinical/treatments.hpp"

namespace eegtrack::clinical {
namespace {

TEST(Episodes, Monophasic) {
  const auto e = find_episodes({{0, 0}, {5, 1}, {6, 3}, {7, 2}, {9, 0}, {12, 0}});
  ASSERT_EQ(e.size(), 1U);
  EXPECT_DOUBLE_EQ(e[0].onset_day, 5);
  EXPECT_EQ(e[0].peak_grade, 3);
  EXPECT_DOUBLE_EQ(e[0].peak_day, 6);
  EXPECT_DOUBLE_EQ(*e[0].resolution_day, 9);
  EXPECT_FALSE(e[0].relapse);
}

TEST(Episodes, BiphasicCourseHasARelapse) {
  // The motivating case: grade 4 on day 14, resolved, grade 3 again on day 40.
  const auto e = find_episodes(
      {{3, 0}, {14, 4}, {15, 4}, {17, 2}, {21, 0}, {30, 0}, {40, 3}, {42, 3}, {46, 1}, {50, 0}});
  ASSERT_EQ(e.size(), 2U);
  EXPECT_EQ(e[0].peak_grade, 4);
  EXPECT_DOUBLE_EQ(e[0].peak_day, 14);  // the first day at the peak
  EXPECT_DOUBLE_EQ(*e[0].resolution_day, 21);
  EXPECT_TRUE(e[1].relapse);
  EXPECT_DOUBLE_EQ(e[1].onset_day, 40);
  EXPECT_EQ(e[1].peak_grade, 3);
  EXPECT_DOUBLE_EQ(*e[1].resolution_day, 50);
}

TEST(Episodes, NeverResolvedStaysOpenAndUnsortedIsRefused) {
  const auto e = find_episodes({{1, 0}, {2, 2}, {3, 1}});
  ASSERT_EQ(e.size(), 1U);
  EXPECT_FALSE(e[0].resolution_day);
  EXPECT_TRUE(find_episodes({{1, 0}, {2, 0}}).empty());
  EXPECT_THROW((void)find_episodes({{2, 1}, {1, 0}}), std::invalid_argument);
}

TEST(Treatments, ExposureIsInclusiveAndActiveDrugsAreListedOnce) {
  const auto infusion = *parse_local_time("2026-01-05T10:00");
  Treatment anakinra;
  anakinra.drug = "anakinra";
  anakinra.start = *parse_local_time("2026-01-19");
  anakinra.stop = end_of_day(*parse_local_time("2026-01-22"));
  Treatment again = anakinra;
  const auto ex = exposures({anakinra, again}, infusion);
  EXPECT_NEAR(ex[0].start_day, 14.0 - 10.0 / 24.0, 1e-12);
  EXPECT_NEAR(ex[0].stop_day, 18.0 - 10.0 / 24.0, 1e-12);  // to the end of 2026-01-22
  EXPECT_EQ(active_at(ex, 17.5), std::vector<std::string>{"anakinra"});
  EXPECT_TRUE(active_at(ex, 17.6).empty());
  EXPECT_TRUE(active_at(ex, 13.0).empty());
}

TEST(CourseTime, ParsesIsoDatesAndTimesAndRefusesImpossibleOnes) {
  EXPECT_EQ(format_local_time(*parse_local_time("2026-01-05T10:00")), "2026-01-05T10:00:00");
  EXPECT_EQ(format_local_time(*parse_local_time("2024-02-29 23:59:59")), "2024-02-29T23:59:59");
  EXPECT_DOUBLE_EQ(parse_local_time("1970-01-02")->seconds, 86400.0);
  EXPECT_DOUBLE_EQ(parse_local_time("2026-01-05T10:00:00.25")->seconds -
                       parse_local_time("2026-01-05T10:00")->seconds,
                   0.25);
  EXPECT_DOUBLE_EQ(
      days_after(*parse_local_time("2026-01-05T10:00"), *parse_local_time("2026-02-14T22:00")),
      40.5);
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-01-05T24:00", "2026-1-5", "05/01/2026",
                          "2026-01-05T10", "2026-01-05T10:00Z", "", "2026-01-05T10:00:61"})
    EXPECT_FALSE(parse_local_time(bad)) << bad;
}

}  // namespace
}  // namespace eegtrack::clinical
