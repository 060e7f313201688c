#include "eegtrack/detect/spikes/ied_detector.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "detect/ied_injection.hpp"
#include "detect/ied_test_support.hpp"
#include "detect/real_background.hpp"
#include "eegtrack/detect/spikes/ied_rates.hpp"
#include "eegtrack/dsp/resample.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

using test::detect_all;
using test::detect_in_blocks;
using test::events_near;
using test::inject_blinks;
using test::kFoci;
using test::kNormalFiles;

TEST(IedDetector, RejectsBadArguments) {
  const auto channels = detection_channels({"T7-avg", "C3-avg"});
  EXPECT_THROW(IedDetector(channels, 50.0), std::invalid_argument);
  EXPECT_THROW(IedDetector(detection_channels({"ECG"}), 500.0), std::invalid_argument);
  EXPECT_THROW(IedDetector(channels, 500.0, {.min_duration_s = 0.1}), std::invalid_argument);
  IedDetector detector(channels, 500.0);
  const std::vector<std::vector<double>> one(1, std::vector<double>(500, 0.0));
  EXPECT_THROW(detector.push({0.0, 500.0, false, one}), std::invalid_argument);
  const std::vector<std::vector<double>> two(2, std::vector<double>(500, 0.0));
  EXPECT_THROW(detector.push({0.0, 250.0, false, two}), std::invalid_argument);
}

TEST(IedDetector, ParameterListNamesEveryThreshold) {
  const auto list = parameter_list(IedParams{});
  EXPECT_EQ(list.size(), 41U);
  EXPECT_EQ(list.front().name, "core_window_s");
  EXPECT_DOUBLE_EQ(list.back().value, IedParams{}.min_confidence);
}

TEST(IedRates, CountsPerFocusAndRegion) {
  std::vector<Event> events(3);
  events[0].focus = "T7";
  events[0].region = sites::Region::Temporal;
  events[1].focus = "T7";
  events[1].region = sites::Region::Temporal;
  events[2].type = EventType::Sharp;
  events[2].focus = "O1";
  events[2].region = sites::Region::Occipital;
  Event seizure;
  seizure.type = EventType::Seizure;
  events.push_back(seizure);
  const IedRates r = ied_rates(events, 1800.0);
  EXPECT_EQ(r.total, 3);
  EXPECT_DOUBLE_EQ(r.per_hour, 6.0);
  ASSERT_EQ(r.by_channel.size(), 2U);
  EXPECT_EQ(r.by_channel[1].name, "T7");
  EXPECT_DOUBLE_EQ(r.by_channel[1].per_hour, 4.0);
  ASSERT_EQ(r.by_region.size(), 2U);
  EXPECT_EQ(r.by_region[0].name, "occipital");
  EXPECT_THROW((void)ied_rates(events, 0.0), std::invalid_argument);
}

// Large injected discharges (8 x the focus's background RMS at the field's centre) are mostly
// found (measured 59 / 66, one unmatched event) and then classed (spike / sharp) and placed
// (side, region) correctly; a detector firing at random would do neither.
TEST(IedDetector, FindsInjectedDischargesOnTheRightSide) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[2]));
  const auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 7);
  const auto s = test::score_ieds(detect_all(inj.average), inj.truth);
  EXPECT_GE(s.detected, static_cast<int>(0.85 * s.injected));
  EXPECT_GE(s.location_correct, static_cast<int>(0.9 * s.detected));
  EXPECT_GE(s.class_correct, static_cast<int>(0.85 * s.detected));
  EXPECT_LE(s.false_events, 3);
}

// At 6 x RMS most are found (Subject05: measured 54 / 66, 3 unmatched events; whitened local x
// slope ratio: 48, the single-channel sharpness decision: 24): innovations of the whitened
// virtual channel of the field.
TEST(IedDetector, FindsMostInjectedDischargesAtSixTimesRms) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[3]));
  const auto inj = test::inject_ieds(ref, kFoci, 6.0, 27.0, 7);
  const auto s = test::score_ieds(detect_all(inj.average), inj.truth);
  EXPECT_GE(s.detected, static_cast<int>(0.75 * s.injected));
  EXPECT_GE(s.location_correct, static_cast<int>(0.9 * s.detected));
  EXPECT_LE(s.false_events, 3);
}

// At the level of the background (1 x RMS) injected transients are not detected.
TEST(IedDetector, IgnoresInjectionsAtBackgroundLevel) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[3]));
  const auto inj = test::inject_ieds(ref, kFoci, 1.0, 27.0, 11);
  const auto s = test::score_ieds(detect_all(inj.average), inj.truth);
  EXPECT_LE(s.detected, static_cast<int>(0.05 * s.injected));
}

// Untouched normal EEG: measured 3 detections in 11.2 min (0.27 / min): a sharp T7 transient
// (Subject01), an F4 sharp wave (Subject05), a P7 sharp wave (Subject07). The bound documents
// the current level (see docs/detect-spikes.md); the thresholds were tuned on these files.
TEST(IedDetector, FalseDetectionsOnNormalEegStayBelowHalfPerMinute) {
  double minutes = 0.0;
  std::size_t events = 0;
  for (const auto& name : kNormalFiles) {
    const auto avg = test::derive(test::read_scalp_eeg(test::eeg_path("normal/" + name)),
                                  io::MontageKind::Average);
    minutes += avg.duration_s() / 60.0;
    events += detect_all(avg).size();
  }
  EXPECT_LT(static_cast<double>(events) / minutes, 0.5);
}

// An electrode pop on one channel (a step decaying in 0.3 s) has no field and is not reported
// (without the field criterion, min_field_ratio = 1e-6, all four are reported).
TEST(IedDetector, IgnoresSingleChannelPop) {
  auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[2]));
  const double fs = ref.sample_rate_hz;
  auto& c4 = ref.samples[ref.index_of("C4")];
  const std::vector<double> pops = {20.3, 33.7, 88.1, 140.9};
  for (double t : pops) {
    const auto at = static_cast<std::size_t>(t * fs);
    for (std::size_t i = 0; i < static_cast<std::size_t>(fs); ++i)
      c4[at + i] -= 150.0 * std::exp(-static_cast<double>(i) / (0.1 * fs));
  }
  const auto events = detect_all(test::derive(ref, io::MontageKind::Average));
  for (const auto& e : events) {
    for (double t : pops)
      EXPECT_GT(std::abs(e.onset_s - t), 0.3) << "event at " << e.onset_s;
  }
}

// Eye blinks: positive at Fp1/Fp2, 300 ms, 150 µV; slow, so not a spike or sharp wave.
TEST(IedDetector, IgnoresEyeBlinks) {
  auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[3]));
  const auto times = inject_blinks(ref, 5.0, 175.0);
  EXPECT_LE(events_near(detect_all(test::derive(ref, io::MontageKind::Average)), times), 1)
      << "of " << times.size() << " blinks";
}

// 128 Hz (the lowest rate of the contract): the same injections, resampled, are still found.
TEST(IedDetector, WorksAt128Hz) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[2]));
  const auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 7);
  test::Recording low = inj.average;
  low.sample_rate_hz = 128.0;
  for (auto& x : low.samples)
    x = dsp::resample_poly(x, 32, 125);
  const auto s = test::score_ieds(detect_all(low), inj.truth);
  std::printf("128 Hz: %d / %d detected, %d located, %d false\n", s.detected, s.injected,
              s.location_correct, s.false_events);
  EXPECT_GE(s.detected, static_cast<int>(0.7 * s.injected));
  EXPECT_GE(s.location_correct, static_cast<int>(0.9 * s.detected));
  EXPECT_LE(s.false_events, 4);
}

// Already-bipolar recordings (CHB-MIT, 256 Hz) run; every event is well formed.
TEST(IedDetector, RunsOnBipolarRecording) {
  const auto rec =
      test::read_scalp_eeg(test::eeg_path("sample/chbmit_chb01_03_interictal_0-41s.edf"));
  const auto events = detect_all(rec);
  std::printf("chb01_03 interictal: %zu events in %.0f s\n", events.size(), rec.duration_s());
  for (const auto& e : events) {
    EXPECT_TRUE(e.type == EventType::Spike || e.type == EventType::Sharp);
    EXPECT_GE(e.confidence, 0.0);
    EXPECT_LE(e.confidence, 1.0);
    EXPECT_GT(e.duration_s, 0.0);
    EXPECT_LE(e.duration_s, 0.41);
    EXPECT_FALSE(e.channels.empty());
    EXPECT_TRUE(std::isnan(e.frequency_hz));
  }
}

TEST(IedDetector, SameEventsFromOneBlockAndFromBlocksOf7Point3Seconds) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[1]));
  const auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 3);
  const auto whole = detect_all(inj.average);
  const auto pieces = detect_in_blocks(inj.average, 7.3);
  ASSERT_GT(whole.size(), 5U);
  ASSERT_EQ(whole.size(), pieces.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_NEAR(whole[i].onset_s, pieces[i].onset_s, 1e-9);
    EXPECT_EQ(whole[i].focus, pieces[i].focus);
    EXPECT_DOUBLE_EQ(whole[i].confidence, pieces[i].confidence);
  }
}

// Windows analysed two or three at a time on helper threads give the events one thread finds,
// in the same order, also when the blocks end in the middle of a window and at the end.
TEST(IedDetector, SameEventsWhenWindowsAreAnalysedTogether) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[1]));
  const auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 3);
  const auto one = detect_in_blocks(inj.average, 7.3);
  ASSERT_GT(one.size(), 5U);
  for (const std::size_t windows : {2U, 3U}) {
    const auto many = detect_in_blocks(inj.average, 7.3, windows);
    ASSERT_EQ(many.size(), one.size()) << windows;
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].onset_s, one[i].onset_s) << windows << ", event " << i;
      EXPECT_EQ(many[i].duration_s, one[i].duration_s) << windows << ", event " << i;
      EXPECT_EQ(many[i].channels, one[i].channels) << windows << ", event " << i;
      EXPECT_EQ(many[i].focus, one[i].focus) << windows << ", event " << i;
      EXPECT_EQ(many[i].confidence, one[i].confidence) << windows << ", event " << i;
    }
  }
  IedDetector detector(detection_channels(inj.average.labels), inj.average.sample_rate_hz);
  EXPECT_THROW(detector.set_concurrent_windows(0), std::invalid_argument);
}

// A recording that ends 6.5 s into a core window: that last, partial window is analysed too,
// alone or together with the window before it, and finds the discharges injected there.
TEST(IedDetector, AnalysesThePartialWindowAtTheEnd) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[1]));
  auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 3);
  const double core_s = IedParams{}.core_window_s;
  const double last_core_s = std::floor(inj.average.duration_s() / core_s - 1.0) * core_s;
  const double end_s = last_core_s + 6.5;
  for (auto& x : inj.average.samples)
    x.resize(static_cast<std::size_t>(end_s * inj.average.sample_rate_hz));
  std::vector<test::InjectedIed> tail;
  for (const auto& t : inj.truth)
    if (t.peak_s >= last_core_s + 0.5 && t.end_s <= end_s - 0.5)
      tail.push_back(t);
  ASSERT_GE(tail.size(), 2U);
  for (const std::size_t windows : {1U, 2U}) {
    const auto events = detect_in_blocks(inj.average, 7.3, windows);
    EXPECT_EQ(test::score_ieds(events, tail).detected, static_cast<int>(tail.size())) << windows;
  }
}

// A gap (EDF+D) starts a new segment: no event spans it and times stay true times.
TEST(IedDetector, EventsStayInsideTheirSegment) {
  const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + kNormalFiles[1]));
  const auto inj = test::inject_ieds(ref, kFoci, 8.0, 27.0, 3);
  const auto& rec = inj.average;
  const std::size_t half = rec.size() / 2;
  std::vector<std::vector<double>> a;
  std::vector<std::vector<double>> b;
  for (const auto& x : rec.samples) {
    a.emplace_back(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(half));
    b.emplace_back(x.begin() + static_cast<std::ptrdiff_t>(half), x.end());
  }
  const double fs = rec.sample_rate_hz;
  const double first_end = static_cast<double>(half) / fs;
  const double second_start = 1000.0;
  IedDetector detector(detection_channels(rec.labels), fs);
  detector.push({0.0, fs, false, a});
  detector.push({second_start, fs, false, b});
  const auto events = detector.finish();
  ASSERT_FALSE(events.empty());
  bool any_second = false;
  for (const auto& e : events) {
    const bool in_first = e.onset_s + e.duration_s <= first_end;
    const bool in_second = e.onset_s >= second_start;
    EXPECT_TRUE(in_first || in_second) << e.onset_s;
    any_second = any_second || in_second;
  }
  EXPECT_TRUE(any_second);
}

}  // namespace
}  // namespace eegtrack::detect
