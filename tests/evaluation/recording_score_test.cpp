// Per-recording measures (found, coverage, latency, false detections) on hand-made intervals.
#include "eegtrack/evaluation/recording_score.hpp"

#include <gtest/gtest.h>

namespace eegtrack::evaluation {
namespace {

Recording two_seizures() {
  // A 40-s seizure with 30 s of background before it and a 5-s one (below the 10-s minimum).
  Recording r;
  r.name = "rec";
  r.patient = "chb05";
  r.duration_s = 120.0;
  r.seizures = {{30, 70}, {100, 105}};
  r.detections = {{40, 60}, {65, 80}, {110, 115}};
  return r;
}

TEST(EvaluationRecordingScore, FoundCoverageAndLatencyOfEachSeizure) {
  const auto score = score_recording(two_seizures());
  ASSERT_EQ(score.seizures.size(), 2u);
  const auto& first = score.seizures[0];
  EXPECT_TRUE(first.counted);
  EXPECT_TRUE(first.found);
  EXPECT_DOUBLE_EQ(first.coverage, 25.0 / 40.0);  // 40-60 and 65-70 of 30-70
  ASSERT_TRUE(first.latency_s.has_value());
  EXPECT_DOUBLE_EQ(*first.latency_s, 10.0);
  EXPECT_DOUBLE_EQ(first.preictal_s, 30.0);
  const auto& second = score.seizures[1];
  EXPECT_FALSE(second.counted);
  EXPECT_FALSE(second.found);
  EXPECT_DOUBLE_EQ(second.coverage, 0.0);
  EXPECT_FALSE(second.latency_s.has_value());
}

TEST(EvaluationRecordingScore, FalseDetectionsOverlapNoSeizure) {
  const auto score = score_recording(two_seizures());
  EXPECT_EQ(score.detections, 3);
  EXPECT_EQ(score.false_detections, 1);  // 110-115 s
  // SzCORE merges the seizures (gap 30 s) and the detections (gaps 5 s, 30 s) into 30-105 and
  // 40-115: one reference, hit, the detection inside its window 0-120 s.
  EXPECT_EQ(score.szcore.reference_events, 1);
  EXPECT_EQ(score.szcore.true_positives, 1);
  EXPECT_EQ(score.szcore.false_positives, 0);
}

TEST(EvaluationRecordingScore, DetectionBeforeTheOnsetGivesANegativeLatency) {
  Recording r;
  r.duration_s = 100.0;
  r.seizures = {{30, 70}};
  r.detections = {{50, 60}, {20, 40}};
  const auto score = score_recording(r);
  ASSERT_TRUE(score.seizures[0].latency_s.has_value());
  EXPECT_DOUBLE_EQ(*score.seizures[0].latency_s, -10.0);
  EXPECT_DOUBLE_EQ(score.seizures[0].coverage, 20.0 / 40.0);
}

TEST(EvaluationRecordingScore, MinimumDurationIsAParameter) {
  ScoringParameters parameters;
  parameters.min_seizure_s = 5.0;
  EXPECT_TRUE(score_recording(two_seizures(), parameters).seizures[1].counted);
}

}  // namespace
}  // namespace eegtrack::evaluation
