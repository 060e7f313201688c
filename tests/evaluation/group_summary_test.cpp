// Aggregation per patient, per half and overall, on a small hand-made validation set whose
// figures are worked out in the comments.
#include "eegtrack/evaluation/group_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::evaluation {
namespace {

Recording recording(std::string patient, RecordingKind kind, double duration_s,
                    std::vector<Interval> seizures, std::vector<Interval> detections) {
  Recording r;
  r.name = patient + "_" + to_string(kind);
  r.patient = std::move(patient);
  r.kind = kind;
  r.duration_s = duration_s;
  r.seizures = std::move(seizures);
  r.detections = std::move(detections);
  return r;
}

std::vector<RecordingScore> validation_set() {
  const auto ictal = RecordingKind::Ictal;
  std::vector<RecordingScore> scores;
  for (const auto& r : {
           // chb01: found, coverage 29/40 = 0.725, latency 0; its post-ictal window has a false
           // seizure (1 in 40 s = 90 per hour).
           recording("chb01", ictal, 40, {{0, 40}}, {{0, 29}}),
           recording("chb01", RecordingKind::PostIctal, 40, {}, {{5, 20}}),
           // chb02: a missed 60-s seizure and an 8-s one that is too short to count.
           recording("chb02", ictal, 60, {{0, 60}}, {}),
           recording("chb02", ictal, 8, {{0, 8}}, {}),
           // chb03: found, coverage 10/20 = 0.5, latency 2 s.
           recording("chb03", ictal, 20, {{0, 20}}, {{2, 12}}),
           // One hour of healthy EEG with one false seizure.
           recording("", RecordingKind::Healthy, 3600, {}, {{100, 130}}),
       })
    scores.push_back(score_recording(r));
  return scores;
}

TEST(EvaluationGroupSummary, HalfFollowsTheLastDigitOfThePatientNumber) {
  EXPECT_EQ(patient_half("chb01"), "odd");
  EXPECT_EQ(patient_half("chb12"), "even");
  EXPECT_EQ(patient_half("p7"), "odd");
  EXPECT_EQ(patient_half("chb"), "");
  EXPECT_EQ(patient_half(""), "");
}

TEST(EvaluationGroupSummary, RowsArePatientsHalvesAllAndHealthy) {
  const auto rows = summarize_validation(validation_set());
  ASSERT_EQ(rows.size(), 7u);
  const char* expected[] = {"chb01", "chb02", "chb03", "odd", "even", "all", "healthy"};
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_EQ(rows[i].group, expected[i]);
  EXPECT_EQ(rows[3].level, "half");
  EXPECT_EQ(rows[5].level, "all");
}

TEST(EvaluationGroupSummary, OddHalf) {
  const auto odd = summarize_validation(validation_set())[3];
  EXPECT_EQ(odd.recordings, 3);
  EXPECT_EQ(odd.seizures, 2);
  EXPECT_EQ(odd.found, 2);
  EXPECT_DOUBLE_EQ(odd.median_coverage, (0.725 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(odd.median_latency_s, 1.0);
  EXPECT_EQ(odd.postictal.recordings, 1);
  EXPECT_EQ(odd.postictal.false_detections, 1);
  EXPECT_EQ(odd.postictal.recordings_with_false, 1);
  EXPECT_DOUBLE_EQ(odd.postictal.per_hour(), 90.0);
  EXPECT_EQ(odd.healthy.recordings, 0);
  EXPECT_TRUE(std::isnan(odd.healthy.per_hour()));
}

TEST(EvaluationGroupSummary, EvenHalfCountsOnlySeizuresLongEnough) {
  const auto even = summarize_validation(validation_set())[4];
  EXPECT_EQ(even.seizures, 1);
  EXPECT_EQ(even.short_seizures, 1);
  EXPECT_EQ(even.found, 0);
  EXPECT_DOUBLE_EQ(even.median_coverage, 0.0);
  EXPECT_TRUE(std::isnan(even.median_latency_s));
}

TEST(EvaluationGroupSummary, AllPatientsAndSzcoreMicroAverage) {
  const auto all = summarize_validation(validation_set())[5];
  EXPECT_EQ(all.recordings, 5);
  EXPECT_EQ(all.seizures, 3);
  EXPECT_EQ(all.found, 2);
  EXPECT_DOUBLE_EQ(all.median_coverage, 0.5);  // of 0, 0.5, 0.725
  EXPECT_NEAR(all.mean_coverage, 1.225 / 3, 1e-12);
  // SzCORE counts every seizure, the 8-s one too: 4 references, 2 hit, 1 false positive (the
  // post-ictal one) in 168 s: sensitivity 1/2, precision 2/3, F1 4/7, 1 / (168/3600) per hour.
  EXPECT_EQ(all.szcore.reference_events, 4);
  EXPECT_EQ(all.szcore.true_positives, 2);
  EXPECT_EQ(all.szcore.false_positives, 1);
  EXPECT_DOUBLE_EQ(sensitivity(all.szcore), 0.5);
  EXPECT_NEAR(precision(all.szcore), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(f1_score(all.szcore), 4.0 / 7.0, 1e-12);
  EXPECT_NEAR(false_positives_per_hour(all.szcore), 3600.0 / 168.0, 1e-9);
}

TEST(EvaluationGroupSummary, InterictalRecordingsHaveTheirOwnRate) {
  // Half an hour of a patient's seizure-free EEG with two false seizures: 4 per hour.
  const auto score = score_recording(
      recording("chb05", RecordingKind::Interictal, 1800, {}, {{10, 20}, {900, 930}}));
  const auto odd = summarize_validation({score})[1];
  EXPECT_EQ(odd.group, "odd");
  EXPECT_EQ(odd.interictal.recordings, 1);
  EXPECT_EQ(odd.interictal.false_detections, 2);
  EXPECT_DOUBLE_EQ(odd.interictal.per_hour(), 4.0);
  EXPECT_EQ(odd.postictal.recordings, 0);
  EXPECT_EQ(odd.szcore.false_positives, 2);  // 880 s apart, not merged
}

TEST(EvaluationGroupSummary, HealthyRecordingsAreTheirOwnRow) {
  const auto healthy = summarize_validation(validation_set())[6];
  EXPECT_EQ(healthy.recordings, 1);
  EXPECT_EQ(healthy.seizures, 0);
  EXPECT_EQ(healthy.healthy.false_detections, 1);
  EXPECT_DOUBLE_EQ(healthy.healthy.per_hour(), 1.0);
  EXPECT_EQ(healthy.szcore.false_positives, 1);
}

}  // namespace
}  // namespace eegtrack::evaluation
