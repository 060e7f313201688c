// The EEG items of 2HELPS2B, one at a time, from findings alone.
#include "eegtrack/clinical/two_helps2b.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace eegtrack::clinical {
namespace {

using detect::EventType;

// Findings of a recording the detectors analysed.
findings::RecordingFindings analysed() {
  findings::RecordingFindings f;
  f.epileptiform.analysed_s = 600.0;
  return f;
}

findings::RecordingFindings with_event(EventType type, double frequency_hz = 1.0,
                                       std::string modifiers = "") {
  auto f = analysed();
  detect::Event e;
  e.type = type;
  e.frequency_hz = frequency_hz;
  e.modifiers = std::move(modifiers);
  f.events.push_back(e);
  return f;
}

TEST(TwoHelps2b, NothingFoundScoresZero) {
  EXPECT_EQ(two_helps2b_eeg_points(analysed()), 0);
}

// Without detection (--no-detect) nothing was looked for: the score is unknown, not 0.
TEST(TwoHelps2b, NoScoreWhenTheDetectorsDidNotRun) {
  EXPECT_EQ(two_helps2b_eeg_points(findings::RecordingFindings{}), std::nullopt);
  auto f = with_event(EventType::LPD, 2.5, "+R");
  f.epileptiform.analysed_s = 0.0;
  EXPECT_EQ(two_helps2b_eeg_points(f), std::nullopt);
}

TEST(TwoHelps2b, BirdsScoreTwo) {
  auto f = with_event(EventType::BIRD);
  f.epileptiform.bird_count = 1;
  EXPECT_EQ(two_helps2b_eeg_points(f), 2);
}

TEST(TwoHelps2b, LateralizedPatternsScoreOne) {
  for (auto type : {EventType::LPD, EventType::LRDA, EventType::BIPD})
    EXPECT_EQ(two_helps2b_eeg_points(with_event(type)), 1) << detect::to_string(type);
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::GPD)), 0);
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::GRDA)), 0);
}

TEST(TwoHelps2b, SporadicDischargesScoreOne) {
  auto f = analysed();
  f.epileptiform.spike_count = 3;
  EXPECT_EQ(two_helps2b_eeg_points(f), 1);
}

TEST(TwoHelps2b, FastPatternAndPlusFeaturesScoreOneEach) {
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::GPD, 2.5)), 1);
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::GPD, 2.0)), 0);  // "> 2 Hz"
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::GRDA, 1.0, "+F")), 1);
  EXPECT_EQ(
      two_helps2b_eeg_points(with_event(EventType::GPD, std::numeric_limits<double>::quiet_NaN())),
      0);
  // Seizures are not patterns of the score.
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::Seizure, 3.0, "+F")), 0);
  // LPD 1 + fast 1 + plus 1.
  EXPECT_EQ(two_helps2b_eeg_points(with_event(EventType::LPD, 2.5, "+R")), 3);
}

}  // namespace
}  // namespace eegtrack::clinical
