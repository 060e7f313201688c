// Normal against adult limits and against the patient's baseline; changes beyond variability.
#include "eegtrack/clinical/normalization.hpp"

#include <gtest/gtest.h>

namespace eegtrack::clinical {
namespace {

EegMeasures healthy() {
  EegMeasures m;
  m.pdr_hz = {10.2, 9.9, 10.5};
  m.relative_delta = {0.25, 0.22, 0.28};
  m.analysed_s = 3600.0;  // the detectors looked, and found nothing
  m.encephalopathy_index = {0.02, 0.0, 0.05};
  for (auto type : {detect::EventType::GPD, detect::EventType::LPD, detect::EventType::BIPD,
                    detect::EventType::GRDA, detect::EventType::LRDA}) {
    detect::PatternPrevalence p;
    p.type = type;
    m.patterns.push_back(p);
  }
  return m;
}

TEST(NormalLimits, HealthyMeasuresAreNormal) {
  const auto c = check_against_limits(healthy(), NormalLimits{});
  EXPECT_TRUE(c.normal);
  EXPECT_TRUE(c.abnormal.empty());
  EXPECT_EQ(c.reference, NormalReference::AdultLimits);
}

TEST(NormalLimits, EachViolationIsNamed) {
  auto m = healthy();
  m.pdr_hz = {};
  m.relative_delta = {0.52, 0.5, 0.55};
  m.encephalopathy_index = {0.40, 0.35, 0.45};
  m.patterns[1].episodes = 3;  // LPD
  m.seizure_count = 1;
  const auto c = check_against_limits(m, NormalLimits{});
  EXPECT_FALSE(c.normal);
  const std::vector<std::string> expected{"PDR absent", "relative delta 0.52 > 0.35",
                                          "encephalopathy index 0.40 > 0.15", "1 seizure(s)",
                                          "LPD (3 episode(s))"};
  EXPECT_EQ(c.abnormal, expected);
}

TEST(NormalLimits, SlowPdrAndMissingIndexAreNotNormal) {
  auto m = healthy();
  m.pdr_hz = {7.4, 7.0, 7.8};
  m.encephalopathy_index = {};
  const auto c = check_against_limits(m, NormalLimits{});
  EXPECT_FALSE(c.normal);
  EXPECT_EQ(c.abnormal, std::vector<std::string>{"PDR 7.4 Hz < 8.0 Hz"});
  EXPECT_EQ(c.unknown, std::vector<std::string>{"encephalopathy index not computed"});
  EXPECT_STREQ(verdict_word(c), "abnormal");
}

// A measure that could not be computed, with nothing abnormal: not normal, and not abnormal.
TEST(NormalLimits, AMissingMeasureAloneLeavesTheVerdictUndetermined) {
  auto m = healthy();
  m.relative_delta = {};
  const auto c = check_against_limits(m, NormalLimits{});
  EXPECT_FALSE(c.normal);
  EXPECT_TRUE(c.abnormal.empty());
  EXPECT_EQ(c.unknown, std::vector<std::string>{"relative delta not computed"});
  EXPECT_STREQ(verdict_word(c), "undetermined");
  EXPECT_STREQ(verdict_word(check_against_limits(healthy(), NormalLimits{})), "normal");
}

TEST(NormalBaseline, BackWithinTheBaselineIntervalIsNormal) {
  const auto baseline = healthy();
  auto m = healthy();
  m.relative_delta = {0.27, 0.24, 0.30};  // above the baseline value, inside its interval
  m.pdr_hz = {9.95, 9.7, 10.2};
  EXPECT_TRUE(check_against_baseline(m, baseline).normal);
  m.relative_delta = {0.285, 0.26, 0.31};  // within the 0.01 resolution of the top
  m.pdr_hz = {9.85, 9.6, 10.1};            // within 0.1 Hz of the bottom
  EXPECT_TRUE(check_against_baseline(m, baseline).normal);
  m.relative_delta = {0.30, 0.27, 0.33};
  m.pdr_hz = {9.5, 9.2, 9.8};
  const auto c = check_against_baseline(m, baseline);
  EXPECT_FALSE(c.normal);
  // Each limit is the baseline interval's edge widened by the resolution; the baseline's own
  // value is given beside it (PDR 10.2 Hz, interval from 9.9; relative delta 0.25, up to 0.28).
  EXPECT_EQ(c.abnormal, (std::vector<std::string>{"PDR 9.5 Hz < 9.8 Hz (baseline 10.2 Hz)",
                                                  "relative delta 0.30 > 0.29 (baseline 0.25)"}));
}

TEST(NormalBaseline, PatternsAlreadyInTheBaselineDoNotCount) {
  auto baseline = healthy();
  baseline.patterns[3].episodes = 1;  // GRDA at baseline
  auto m = healthy();
  m.patterns[3].episodes = 2;
  EXPECT_TRUE(check_against_baseline(m, baseline).normal);
  m.patterns[0].episodes = 1;  // new GPD
  EXPECT_FALSE(check_against_baseline(m, baseline).normal);
}

// A focus of slowing beside an otherwise normal background (diffuse grade "none", as on the demo
// patient's day-40 relapse) is a reason of its own; against a baseline that had the same focus,
// it is not new.
TEST(NormalBaseline, AFocusOfSlowingIsAbnormalUnlessTheBaselineHadIt) {
  auto m = healthy();
  m.slowing_grade = features::SlowingGrade::None;
  m.slowing_distribution = features::SlowingDistribution::Focal;
  m.slowing_side = sites::Side::Left;
  m.slowing_region = sites::Region::Temporal;
  const auto limits = check_against_limits(m, NormalLimits{});
  EXPECT_FALSE(limits.normal);
  EXPECT_EQ(limits.abnormal, std::vector<std::string>{"focal slowing (left temporal)"});
  auto baseline = healthy();
  EXPECT_EQ(check_against_baseline(m, baseline).abnormal,
            std::vector<std::string>{"focal slowing (left temporal)"});
  baseline.slowing_distribution = features::SlowingDistribution::Focal;
  baseline.slowing_side = sites::Side::Left;
  EXPECT_TRUE(check_against_baseline(m, baseline).normal);
  baseline.slowing_side = sites::Side::Right;  // the other side: a new focus
  EXPECT_FALSE(check_against_baseline(m, baseline).normal);
}

// `followup --no-detect`: the detectors saw nothing, so 0 seizures and 0 pattern episodes mean
// "not looked at". A normal background alone must not make the verdict normal, against the
// limits or against a baseline; a baseline without detection is no excuse for new seizures.
TEST(NormalLimits, DetectionThatDidNotRunLeavesTheVerdictUndetermined) {
  auto m = healthy();
  m.analysed_s = 0.0;
  const auto limits = check_against_limits(m, NormalLimits{});
  EXPECT_FALSE(limits.normal);
  EXPECT_TRUE(limits.abnormal.empty());
  EXPECT_EQ(limits.unknown, std::vector<std::string>{"epileptiform detection not run"});
  EXPECT_STREQ(verdict_word(limits), "undetermined");
  const auto baseline = check_against_baseline(m, healthy());
  EXPECT_FALSE(baseline.normal);
  EXPECT_EQ(baseline.unknown, std::vector<std::string>{"epileptiform detection not run"});
  // Detection was on but every epoch was unreadable: the unknown says so, not "not run".
  auto unreadable = m;
  unreadable.detection_requested = true;
  EXPECT_EQ(
      check_against_limits(unreadable, NormalLimits{}).unknown,
      std::vector<std::string>{"epileptiform: not analysed (nothing the detectors could read)"});
  m.relative_delta = {0.52, 0.5, 0.55};  // a finding beside the unknown: abnormal
  EXPECT_STREQ(verdict_word(check_against_limits(m, NormalLimits{})), "abnormal");

  auto undetected_baseline = healthy();
  undetected_baseline.analysed_s = 0.0;
  auto later = healthy();
  EXPECT_TRUE(check_against_baseline(later, undetected_baseline).normal);
  later.seizure_count = 2;
  EXPECT_EQ(check_against_baseline(later, undetected_baseline).abnormal,
            std::vector<std::string>{"2 seizure(s)"});
}

TEST(Change, CalledOnlyBeyondBothRecordingsVariability) {
  // Half-widths 0.03 and 0.04: combined 0.05.
  const Estimate before{0.30, 0.27, 0.33};
  const auto small = compare(before, {0.35, 0.31, 0.39});
  EXPECT_NEAR(*small.difference, 0.05, 1e-12);
  EXPECT_FALSE(*small.beyond_variability);
  const auto large = compare(before, {0.36, 0.32, 0.40});
  EXPECT_TRUE(*large.beyond_variability);
  const auto unknown = compare(before, {0.9, std::nullopt, std::nullopt});
  EXPECT_TRUE(unknown.difference);
  EXPECT_FALSE(unknown.beyond_variability);
  EXPECT_FALSE(compare({}, before).difference);
}

}  // namespace
}  // namespace eegtrack::clinical
