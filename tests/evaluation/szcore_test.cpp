// SzCORE event scoring on hand-made annotations; every expected figure is worked out in the
// comments from the rules (tolerance 30 s before, 60 s after; merge below 90 s; split at 300 s).
#include "eegtrack/evaluation/szcore.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::evaluation {
namespace {

TEST(EvaluationSzcore, EventsCloserThanNinetySecondsAreMerged) {
  // Gap 40 s: merged; gap 140 s: kept apart; a gap of exactly 90 s is not "closer than".
  const auto merged = merge_close_events({{200, 210}, {0, 10}, {50, 60}}, 90.0);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_DOUBLE_EQ(merged[0].offset_s, 60.0);
  EXPECT_DOUBLE_EQ(merged[1].onset_s, 200.0);
  EXPECT_EQ(merge_close_events({{0, 10}, {100, 110}}, 90.0).size(), 2u);
}

TEST(EvaluationSzcore, EventsLongerThanFiveMinutesAreSplit) {
  const auto pieces = split_long_events({{0, 700}}, 300.0);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_DOUBLE_EQ(pieces[1].onset_s, 300.0);
  EXPECT_DOUBLE_EQ(pieces[1].offset_s, 600.0);
  EXPECT_DOUBLE_EQ(pieces[2].offset_s, 700.0);
}

TEST(EvaluationSzcore, DetectionWithinTheToleranceIsATruePositiveOnly) {
  // Seizure 1000-1060 s; window 970-1120 s. A detection at 980-1000 s lies inside it.
  const auto c = score_szcore({{1000, 1060}}, {{980, 1000}}, 3600.0);
  EXPECT_EQ(c.reference_events, 1);
  EXPECT_EQ(c.true_positives, 1);
  EXPECT_EQ(c.false_positives, 0);
  EXPECT_DOUBLE_EQ(sensitivity(c), 1.0);
  EXPECT_DOUBLE_EQ(precision(c), 1.0);
  EXPECT_DOUBLE_EQ(f1_score(c), 1.0);
  EXPECT_DOUBLE_EQ(false_positives_per_hour(c), 0.0);
}

TEST(EvaluationSzcore, DetectionReachingOutsideTheToleranceIsAlsoAFalsePositive) {
  // 950-1010 s hits the seizure but starts 20 s before the window: TP 1, FP 1, precision 1/2,
  // F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
  const auto c = score_szcore({{1000, 1060}}, {{950, 1010}}, 3600.0);
  EXPECT_EQ(c.true_positives, 1);
  EXPECT_EQ(c.false_positives, 1);
  EXPECT_DOUBLE_EQ(precision(c), 0.5);
  EXPECT_NEAR(f1_score(c), 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(false_positives_per_hour(c), 1.0);
}

TEST(EvaluationSzcore, DetectionsAreMergedBeforeTheyAreCounted) {
  // 1000-1010 and 1050-1060 become one event (gap 40 s) inside the window: one TP; 1500-1510 s
  // is 440 s later and outside: one FP.
  const auto c = score_szcore({{1000, 1060}}, {{1000, 1010}, {1050, 1060}, {1500, 1510}}, 3600.0);
  EXPECT_EQ(c.true_positives, 1);
  EXPECT_EQ(c.false_positives, 1);
}

TEST(EvaluationSzcore, AMissedSeizureAndAFalseAlarm) {
  const auto c = score_szcore({{1000, 1060}}, {{2000, 2010}}, 3600.0);
  EXPECT_EQ(c.true_positives, 0);
  EXPECT_EQ(c.false_positives, 1);
  EXPECT_DOUBLE_EQ(sensitivity(c), 0.0);
  EXPECT_DOUBLE_EQ(precision(c), 0.0);
  EXPECT_DOUBLE_EQ(f1_score(c), 0.0);
}

TEST(EvaluationSzcore, WindowsAreClippedToTheRecording) {
  // A 40-s file that is one seizure: the window is the whole file, so a detection of the first
  // 29 s is a TP and nothing else.
  const auto c = score_szcore({{0, 40}}, {{0, 29}}, 40.0);
  EXPECT_EQ(c.true_positives, 1);
  EXPECT_EQ(c.false_positives, 0);
}

TEST(EvaluationSzcore, RatiosAreUndefinedWithoutEventsAndCountsAdd) {
  const auto none = score_szcore({}, {}, 60.0);
  EXPECT_TRUE(std::isnan(sensitivity(none)));
  EXPECT_TRUE(std::isnan(precision(none)));
  EXPECT_TRUE(std::isnan(f1_score(none)));
  EXPECT_DOUBLE_EQ(false_positives_per_hour(none), 0.0);

  // Micro-average: 1 of 2 seizures found, 1 false positive, 2 h: sensitivity 1/2, precision
  // 1/2, F1 1/2, 0.5 false positives per hour.
  SzcoreCounts sum = score_szcore({{0, 40}}, {{0, 29}}, 3600.0);
  sum += score_szcore({{100, 140}}, {{2000, 2010}}, 3600.0);
  EXPECT_EQ(sum.reference_events, 2);
  EXPECT_DOUBLE_EQ(sensitivity(sum), 0.5);
  EXPECT_DOUBLE_EQ(precision(sum), 0.5);
  EXPECT_DOUBLE_EQ(f1_score(sum), 0.5);
  EXPECT_DOUBLE_EQ(false_positives_per_hour(sum), 0.5);
}

}  // namespace
}  // namespace eegtrack::evaluation
