// Counts, rates, focus, burden and 2HELPS2B items of a hand-built event list; the events as
// the HDF5 table /events (their tables for other tools: tests/exports).
#include "eegtrack/pipeline/epileptiform_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/clinical/two_helps2b.hpp"
#include "eegtrack/pipeline/events_output.hpp"

namespace eegtrack::pipeline {
namespace {

using detect::EventType;
using sites::Laterality;

detect::Event event(EventType type, double onset_s, double duration_s, Laterality side,
                    std::string focus, sites::Region region) {
  detect::Event e;
  e.type = type;
  e.onset_s = onset_s;
  e.duration_s = duration_s;
  e.side = side;
  e.focus = std::move(focus);
  e.region = region;
  e.channels = {e.focus.empty() ? "Fp1-F7" : e.focus + "-avg"};
  return e;
}

DetectionResult two_hours() {
  DetectionResult r;
  r.analysed_s = 7200.0;
  for (int i = 0; i < 6; ++i)
    r.events.push_back(
        event(EventType::Spike, 100.0 + i, 0.05, Laterality::Left, "T7", sites::Region::Temporal));
  for (int i = 0; i < 2; ++i)
    r.events.push_back(
        event(EventType::Sharp, 900.0 + i, 0.1, Laterality::Right, "F8", sites::Region::Frontal));
  auto lpd = event(EventType::LPD, 2000.0, 60.0, Laterality::Left, "T7", sites::Region::Temporal);
  lpd.frequency_hz = 1.5;
  lpd.modifiers = "+F";
  r.events.push_back(lpd);
  r.events.push_back(
      event(EventType::BIRD, 3000.0, 2.0, Laterality::Left, "T7", sites::Region::Temporal));
  // Two seizures 10 min apart: 5 + 8 = 13 min within one hour -> status (>= 12 min/h).
  r.events.push_back(
      event(EventType::Seizure, 4000.0, 300.0, Laterality::Left, "T7", sites::Region::Temporal));
  r.events.push_back(
      event(EventType::Seizure, 4900.0, 480.0, Laterality::Left, "T7", sites::Region::Temporal));
  return r;
}

// The 2HELPS2B points are clinical (src/clinical): computed from findings holding this summary.
std::optional<int> helps_points(const findings::Epileptiform& s, const DetectionResult& r) {
  findings::RecordingFindings f;
  f.epileptiform = s;
  f.events = r.events;
  return clinical::two_helps2b_eeg_points(f);
}

TEST(EpileptiformSummary, RatesFocusBurdenAndHelpsItems) {
  const auto s = summarize_epileptiform(two_hours());
  EXPECT_DOUBLE_EQ(s.analysed_s, 7200.0);
  EXPECT_EQ(s.spike_count, 8);
  ASSERT_TRUE(s.spike_rate_per_h);
  EXPECT_DOUBLE_EQ(*s.spike_rate_per_h, 4.0);
  EXPECT_TRUE(s.long_enough_for_rates);
  // 8 discharges in 2 h: Garwood 95 % interval of the count [3.4538, 15.7632] / 2 h (SciPy).
  EXPECT_NEAR(s.spike_rate_low_per_h, 3.4538 / 2.0, 1e-4);
  EXPECT_NEAR(s.spike_rate_high_per_h, 15.7632 / 2.0, 1e-4);
  EXPECT_DOUBLE_EQ(s.burden_window_s, 3600.0);
  ASSERT_TRUE(s.dominant_focus);
  EXPECT_EQ(s.dominant_focus->electrode, "T7");
  EXPECT_EQ(s.dominant_focus->side, "left");
  EXPECT_EQ(s.dominant_focus->region, "temporal");
  ASSERT_TRUE(s.dominant_focus->rate_per_h);
  EXPECT_DOUBLE_EQ(*s.dominant_focus->rate_per_h, 3.0);
  EXPECT_DOUBLE_EQ(s.dominant_focus->share, 0.75);
  ASSERT_EQ(s.per_region.size(), 2u);
  EXPECT_EQ(s.per_region[0].name, "left temporal");
  EXPECT_EQ(s.per_region[1].name, "right frontal");
  EXPECT_EQ(s.seizures.seizure_count, 2);
  EXPECT_NEAR(s.seizures.seizure_burden_max_min_per_h, 13.0, 1e-9);
  EXPECT_TRUE(s.seizures.electrographic_status);
  EXPECT_EQ(s.bird_count, 1);
  ASSERT_EQ(s.patterns.size(), 5u);
  EXPECT_EQ(s.patterns[1].type, EventType::LPD);
  EXPECT_EQ(s.patterns[1].episodes, 1);
  // One LPD episode in 2 h: Garwood 95 % interval of the count [0.0253, 5.5716] (SciPy) / 2 h.
  EXPECT_NEAR(s.patterns[1].episodes_low_per_h, 0.025317807984289876 / 2.0, 1e-9);
  EXPECT_NEAR(s.patterns[1].episodes_high_per_h, 5.571643390938898 / 2.0, 1e-9);
  // BIRDs 2 + LPD 1 + sporadic discharges 1 + plus modifier 1; the LPD is 1.5 Hz (not > 2 Hz).
  EXPECT_EQ(helps_points(s, two_hours()), 5);
}

// One spike in one minute is not "60 /h": the rate is absent (insufficient), the count stands
// with the time analysed and an interval that says how little it pins down.
TEST(EpileptiformSummary, ShortRecordingGivesNoRateButAnInterval) {
  DetectionResult r;
  r.analysed_s = 60.0;
  detect::Event spike;
  spike.type = EventType::Spike;
  spike.onset_s = 20.0;
  spike.duration_s = 0.07;
  spike.focus = "T7";
  r.events = {spike};
  const auto s = summarize_epileptiform(r);
  EXPECT_EQ(s.spike_count, 1);
  EXPECT_FALSE(s.spike_rate_per_h);
  EXPECT_FALSE(s.long_enough_for_rates);
  EXPECT_NEAR(s.spike_rate_low_per_h, 0.025317807984289876 * 60.0, 1e-6);  // SciPy chi2
  EXPECT_NEAR(s.spike_rate_high_per_h, 5.571643390938898 * 60.0, 1e-6);
  EXPECT_DOUBLE_EQ(s.burden_window_s, 60.0);
  // No rate anywhere, per electrode or per region, and no prevalence category either.
  ASSERT_EQ(s.per_electrode.size(), 1u);
  EXPECT_EQ(s.per_electrode[0].count, 1);
  EXPECT_FALSE(s.per_electrode[0].rate_per_h);
  ASSERT_TRUE(s.dominant_focus);
  EXPECT_FALSE(s.dominant_focus->rate_per_h);
  for (const auto& p : s.patterns) {
    EXPECT_EQ(p.prevalence, detect::PrevalenceCategory::Insufficient);
    // No episode in a minute: Garwood's upper bound of a zero count, 3.689 (SciPy chi2), per
    // hour: up to 221 episodes an hour are compatible with it.
    EXPECT_DOUBLE_EQ(p.episodes_low_per_h, 0.0);
    EXPECT_NEAR(p.episodes_high_per_h, 3.688879454113936 * 60.0, 1e-6);
  }
  // The same minute counts as enough when the threshold is lowered.
  const auto lowered = summarize_epileptiform(r, 30.0);
  EXPECT_TRUE(lowered.spike_rate_per_h);
  ASSERT_TRUE(lowered.per_electrode[0].rate_per_h);
  EXPECT_DOUBLE_EQ(*lowered.per_electrode[0].rate_per_h, 60.0);
  EXPECT_EQ(lowered.patterns[0].prevalence, detect::PrevalenceCategory::None);
}

TEST(EpileptiformSummary, NothingFoundGivesZerosAndNoFocus) {
  DetectionResult r;
  r.analysed_s = 600.0;
  const auto s = summarize_epileptiform(r);
  EXPECT_EQ(s.spike_count, 0);
  EXPECT_FALSE(s.dominant_focus);
  EXPECT_EQ(s.seizures.seizure_count, 0);
  EXPECT_FALSE(s.seizures.electrographic_status);
  EXPECT_EQ(helps_points(s, r), 0);
}

TEST(EventsTable, OneColumnPerFieldAndNaNForNoFrequency) {
  const auto table = events_table(two_hours().events);
  ASSERT_EQ(table.columns.size(), 10u);
  EXPECT_EQ(table.columns[0].name, "onset_s");
  EXPECT_EQ(table.columns[0].units, "s");
  EXPECT_EQ(table.columns[2].name, "type");
  EXPECT_EQ(table.columns[7].name, "frequency_hz");
  EXPECT_EQ(table.columns[7].units, "Hz");
  const auto& frequency = std::get<std::vector<double>>(table.columns[7].values);
  EXPECT_TRUE(std::isnan(frequency[0]));
  EXPECT_DOUBLE_EQ(frequency[8], 1.5);
  EXPECT_EQ(events_table({}).columns.size(), 10u);  // zero rows, every column
}

}  // namespace
}  // namespace eegtrack::pipeline
