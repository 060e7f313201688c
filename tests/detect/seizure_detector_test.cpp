// Seizure detector validated on real seizures (CHB-MIT chb01), real normal background with
// simulated evolving focal seizures, and untouched real recordings that must raise none.

#include "eegtrack/detect/rhythm/seizure_detector.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>

#include "detect/real_background.hpp"
#include "detect/seizure_test_support.hpp"
#include "eegtrack/detect/rhythm/seizure_burden.hpp"
#include "eegtrack/dsp/resample.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

std::vector<Event> detect_seizures(const test::Recording& rec, double chunk_s = 60.0) {
  SeizureDetector detector(detection_channels(rec.labels), rec.sample_rate_hz);
  return test::of_type(test::run_in_chunks(detector, rec, chunk_s), EventType::Seizure);
}

double covered_s(const std::vector<Event>& events) {
  double total = 0.0;
  for (const auto& e : events)
    total += e.duration_s;
  return total;
}

void print(const std::string& name, const std::vector<Event>& events, double duration_s) {
  std::cout << "[seizure] " << name << " (" << duration_s << " s): " << events.size()
            << " seizure(s)";
  for (const auto& e : events)
    std::cout << " | " << e.onset_s << "+" << e.duration_s << " s " << to_string(e.side) << " "
              << (e.region ? sites::to_string(*e.region) : "") << " " << e.focus << " "
              << e.frequency_hz << " Hz " << e.modifiers << " conf " << e.confidence;
  std::cout << "\n";
}

TEST(SeizureDetectorChbMit, EveryIctalFileYieldsASeizureCoveringMostOfIt) {
  std::vector<std::filesystem::path> files;
  for (const char* id : {"03", "04", "15", "16", "18", "21", "26"})
    files.push_back(test::eeg_path(std::string("seizure/chbmit_chb01_") + id + "_ictal.edf"));
  files.push_back(test::eeg_path("sample/chbmit_chb01_03_seizure_2995-3036s.edf"));
  for (const auto& path : files) {
    const test::Recording rec = test::read_scalp_eeg(path);
    const auto events = detect_seizures(rec);
    print(path.filename().string(), events, rec.duration_s());
    ASSERT_FALSE(events.empty()) << path;
    EXPECT_GE(covered_s(events), 0.5 * rec.duration_s()) << path;
  }
}

// A recording connected during a seizure has no interictal minute to learn from: each channel's
// background is only trusted after 60 s of windows that take no part in a rhythm, and until
// then the absolute level decides. Cut 20 s into the three longest chb01 seizures (no onset,
// no pre-ictal background left), the seizure is still found from the first seconds and to the
// end, past the minute at which the backgrounds would be warm.
TEST(SeizureDetectorChbMit, RecordingThatStartsInsideASeizureIsRecognised) {
  for (const char* id : {"18", "21", "26"}) {
    test::Recording rec = test::read_scalp_eeg(
        test::eeg_path(std::string("seizure/chbmit_chb01_") + id + "_ictal.edf"));
    const auto skip = static_cast<std::ptrdiff_t>(20.0 * rec.sample_rate_hz);
    for (auto& x : rec.samples)
      x.erase(x.begin(), x.begin() + skip);
    const auto events = detect_seizures(rec);
    print(std::string("chb01_") + id + " from 20 s", events, rec.duration_s());
    ASSERT_FALSE(events.empty()) << id;
    EXPECT_LE(events.front().onset_s, 5.0) << id;
    EXPECT_GE(covered_s(events), 0.6 * rec.duration_s()) << id;
    EXPECT_GE(events.back().onset_s + events.back().duration_s, 0.85 * rec.duration_s()) << id;
  }
}

TEST(SeizureDetectorChbMit, PostictalAndInterictalFilesYieldNone) {
  std::vector<std::filesystem::path> files;
  for (const char* id : {"03", "04", "15", "16"})
    files.push_back(
        test::eeg_path(std::string("seizure/chbmit_chb01_") + id + "_postictal_shift60.edf"));
  files.push_back(test::eeg_path("sample/chbmit_chb01_03_interictal_0-41s.edf"));
  for (const auto& path : files) {
    const test::Recording rec = test::read_scalp_eeg(path);
    const auto events = detect_seizures(rec);
    print(path.filename().string(), events, rec.duration_s());
    EXPECT_TRUE(events.empty()) << path;
  }
}

const std::array<const char*, 4> kRestFiles = {"normal/eegmat_Subject03_1_rest_eyes_closed.edf",
                                               "normal/eegmat_Subject05_1_rest_eyes_closed.edf",
                                               "normal/eegmat_Subject07_1_rest_eyes_closed.edf",
                                               "sample/eegmat_Subject00_1_rest_eyes_closed.edf"};

TEST(SeizureDetectorNormal, UntouchedNormalRecordingsYieldNone) {
  double minutes = 0.0;
  std::size_t false_detections = 0;
  std::vector<std::string> files(kRestFiles.begin(), kRestFiles.end());
  files.emplace_back("normal/eegmat_Subject00_2_mental_arithmetic.edf");
  files.emplace_back("normal/eegmat_Subject01_2_mental_arithmetic.edf");
  for (const auto& name : files) {
    const test::Recording referential = test::read_scalp_eeg(test::eeg_path(name));
    for (const auto montage : {io::MontageKind::Average, io::MontageKind::LongitudinalBipolar,
                               io::MontageKind::Referential}) {
      const test::Recording rec = test::derive(referential, montage);
      const auto events = detect_seizures(rec);
      print(name + (montage == io::MontageKind::Average ? " avg" : " other montage"), events,
            rec.duration_s());
      false_detections += events.size();
      minutes += rec.duration_s() / 60.0;
    }
  }
  std::cout << "[seizure] normal: " << false_detections << " false detections in " << minutes
            << " min\n";
  EXPECT_EQ(false_detections, 0U);
}

struct Focus {
  const char* electrode;
  sites::Laterality side;
  sites::Region region;
};

constexpr std::array<Focus, 5> kFoci = {
    {{"T7", sites::Laterality::Left, sites::Region::Temporal},
     {"F8", sites::Laterality::Right, sites::Region::Frontal},
     {"C4", sites::Laterality::Right, sites::Region::Central},
     {"P7", sites::Laterality::Left, sites::Region::Parietal},
     {"O2", sites::Laterality::Right, sites::Region::Occipital}}};

// Evolving focal seizures (7 -> 3 Hz, 40 -> 150 uV at the focus, field widening 25 -> 40 deg)
// injected into real eyes-closed background after the background has been learnt.
struct SimulationScore {
  int injected = 0;
  int detected = 0;
  int onset_ok = 0;
  int site_ok = 0;
  int side_ok = 0;
};

SimulationScore simulate_seizures(io::MontageKind montage) {
  constexpr std::array<double, 3> kSpreads = {30.0, 36.0, 42.0};
  SimulationScore score;
  for (std::size_t f = 0; f < kRestFiles.size(); ++f) {
    const test::Recording clean = test::read_scalp_eeg(test::eeg_path(kRestFiles[f]));
    for (std::size_t k = 0; k < kFoci.size(); ++k) {
      const std::size_t seed = f * kFoci.size() + k;
      const double duration_s = 20.0 + static_cast<double>((seed * 7) % 41);
      const double onset_s = 75.0 + static_cast<double>((seed * 3) % 10);
      test::Recording rec = clean;
      const auto wave =
          test::evolving_discharge(rec.sample_rate_hz, duration_s, 7.0, 3.0, 40.0, 150.0);
      test::inject_spreading(rec, kFoci[k].electrode, kSpreads, wave,
                             static_cast<std::size_t>(onset_s * rec.sample_rate_hz));
      const auto events = detect_seizures(test::derive(rec, montage));
      ++score.injected;
      print(std::string(kFoci[k].electrode) + " " + std::to_string(onset_s) + "+" +
                std::to_string(duration_s) + " in " + kRestFiles[f],
            events, rec.duration_s());
      if (events.size() != 1)
        continue;
      const Event& e = events[0];
      if (e.onset_s >= onset_s + duration_s || e.onset_s + e.duration_s <= onset_s)
        continue;
      ++score.detected;
      score.onset_ok += std::abs(e.onset_s - onset_s) <= 5.0 ? 1 : 0;
      score.site_ok += e.side == kFoci[k].side && e.region == kFoci[k].region ? 1 : 0;
      score.side_ok += e.side == kFoci[k].side ? 1 : 0;
    }
  }
  std::cout << "[seizure] simulated: " << score.detected << "/" << score.injected
            << " detected, onset within 5 s " << score.onset_ok << ", side " << score.side_ok
            << ", side and region " << score.site_ok << "\n";
  return score;
}

// Evolving focal seizures (7 -> 3 Hz, 40 -> 150 uV at the focus, field widening 30 -> 42 deg)
// injected into real eyes-closed background after the background has been learnt.
TEST(SeizureDetectorSimulated, EvolvingFocalSeizuresAreFoundWithSideAndRegion) {
  // Measured: 20/20 detected, 17 onsets within 5 s (the late ones are occipital onsets hidden
  // in posterior alpha, and one parietal), 19 with the right side and region.
  const SimulationScore s = simulate_seizures(io::MontageKind::Average);
  EXPECT_EQ(s.detected, s.injected);
  EXPECT_GE(s.onset_ok, s.injected * 8 / 10);
  EXPECT_GE(s.site_ok, s.injected * 9 / 10);
}

// Measured: 20/20 detected, 11 onsets within 5 s, 20 sides right; the region is right in only
// 7 (a bipolar derivation's region is that of its first electrode; see the docs).
TEST(SeizureDetectorSimulated, FoundInALongitudinalBipolarMontageToo) {
  const SimulationScore s = simulate_seizures(io::MontageKind::LongitudinalBipolar);
  EXPECT_GE(s.detected, s.injected * 9 / 10);
  EXPECT_GE(s.side_ok, s.injected * 9 / 10);
  EXPECT_GE(s.onset_ok, s.injected / 2);
}

}  // namespace
}  // namespace eegtrack::detect

namespace eegtrack::detect {
namespace {

TEST(SeizureDetectorStreaming, ChunkedInputGivesTheSameEventsAsOneBlock) {
  const test::Recording rec =
      test::read_scalp_eeg(test::eeg_path("seizure/chbmit_chb01_21_ictal.edf"));
  const auto whole = detect_seizures(rec, rec.duration_s() + 1.0);
  ASSERT_FALSE(whole.empty());
  for (const double chunk_s : {0.37, 1.0, 7.3}) {
    const auto chunked = detect_seizures(rec, chunk_s);
    ASSERT_EQ(chunked.size(), whole.size()) << chunk_s;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      EXPECT_NEAR(chunked[i].onset_s, whole[i].onset_s, 1e-9);
      EXPECT_NEAR(chunked[i].duration_s, whole[i].duration_s, 1e-9);
      EXPECT_EQ(chunked[i].side, whole[i].side);
      EXPECT_NEAR(chunked[i].frequency_hz, whole[i].frequency_hz, 1e-9);
    }
  }
}

// The same seizure split by an EDF+D gap: no event spans the gap, and the second segment's
// events carry its true times.
TEST(SeizureDetectorStreaming, GapEndsTheSeizureAndNoEventSpansIt) {
  const test::Recording rec =
      test::read_scalp_eeg(test::eeg_path("seizure/chbmit_chb01_26_ictal.edf"));
  const std::size_t half = rec.size() / 2;
  std::vector<std::vector<double>> first(rec.samples.size());
  std::vector<std::vector<double>> second(rec.samples.size());
  for (std::size_t c = 0; c < rec.samples.size(); ++c) {
    first[c].assign(rec.samples[c].begin(),
                    rec.samples[c].begin() + static_cast<std::ptrdiff_t>(half));
    second[c].assign(rec.samples[c].begin() + static_cast<std::ptrdiff_t>(half),
                     rec.samples[c].end());
  }
  const double first_end_s = static_cast<double>(half) / rec.sample_rate_hz;
  const double second_start_s = first_end_s + 100.0;  // 100-s gap
  SeizureDetector detector(detection_channels(rec.labels), rec.sample_rate_hz);
  detector.push({0.0, rec.sample_rate_hz, false, first});
  detector.push({second_start_s, rec.sample_rate_hz, false, second});
  const auto events = detector.finish();
  ASSERT_EQ(events.size(), 2U);
  EXPECT_LE(events[0].onset_s + events[0].duration_s, first_end_s + 1e-9);
  EXPECT_GE(events[1].onset_s, second_start_s - 1e-9);
}

// Masked samples (NaN) on every channel but two: too few channels remain for a seizure.
TEST(SeizureDetectorStreaming, MaskedChannelsDoNotCount) {
  test::Recording rec = test::read_scalp_eeg(test::eeg_path("seizure/chbmit_chb01_26_ictal.edf"));
  for (std::size_t c = 2; c < rec.samples.size(); ++c)
    std::fill(rec.samples[c].begin(), rec.samples[c].end(), std::nan(""));
  EXPECT_TRUE(detect_seizures(rec).empty());
}

// One masked sample invalidates every analysis window that holds it, however few: a masked
// sample a second on every channel but two leaves no window to count, although the seizure
// itself is hardly changed (it is found when those samples are zero instead).
TEST(SeizureDetectorStreaming, OneMaskedSampleInvalidatesEveryWindowHoldingIt) {
  test::Recording rec = test::read_scalp_eeg(test::eeg_path("seizure/chbmit_chb01_26_ictal.edf"));
  const auto second = static_cast<std::size_t>(rec.sample_rate_hz);
  const auto punch = [&](double value) {
    test::Recording punched = rec;
    for (std::size_t c = 2; c < punched.samples.size(); ++c)
      for (std::size_t i = second / 2; i < punched.samples[c].size(); i += second)
        punched.samples[c][i] = value;
    return punched;
  };
  ASSERT_FALSE(detect_seizures(punch(0.0)).empty());
  for (const double chunk_s : {0.37, 600.0})
    EXPECT_TRUE(detect_seizures(punch(std::nan("")), chunk_s).empty()) << chunk_s;
}

TEST(SeizureBurden, StatusFromContinuousOrHourlyBurden) {
  auto seizure = [](double onset_s, double duration_s) {
    Event e;
    e.type = EventType::Seizure;
    e.onset_s = onset_s;
    e.duration_s = duration_s;
    return e;
  };
  // Four 2-min seizures 10 min apart: 8 min in the worst hour, no status.
  std::vector<Event> events;
  for (int k = 0; k < 4; ++k)
    events.push_back(seizure(600.0 * k, 120.0));
  SeizureBurden b = seizure_burden(events);
  EXPECT_EQ(b.seizure_count, 4);
  EXPECT_NEAR(b.seizure_burden_max_min_per_h, 8.0, 1e-9);
  EXPECT_FALSE(b.electrographic_status);
  // Two more within the same hour: 12 min = 20 % of the hour, status.
  events.push_back(seizure(2400.0, 120.0));
  events.push_back(seizure(3000.0, 120.0));
  b = seizure_burden(events);
  EXPECT_NEAR(b.seizure_burden_max_min_per_h, 12.0, 1e-9);
  EXPECT_TRUE(b.electrographic_status);
  // One seizure of 10 continuous minutes is status on its own.
  const std::vector<Event> long_one = {seizure(100.0, 600.0)};
  EXPECT_TRUE(seizure_burden(long_one).electrographic_status);
  EXPECT_NEAR(seizure_burden(long_one).seizure_burden_max_min_per_h, 10.0, 1e-9);
  // The worst hour is found by sliding: 3 x 5 min spread over 70 min, at most 2 in any hour.
  const std::vector<Event> spread = {seizure(0.0, 300.0), seizure(1800.0, 300.0),
                                     seizure(3900.0, 300.0)};
  EXPECT_NEAR(seizure_burden(spread).seizure_burden_max_min_per_h, 10.0, 1e-9);
  EXPECT_TRUE(seizure_burden(std::vector<Event>{}).seizure_count == 0);
}

TEST(SeizureDetectorParameters, EveryThresholdIsListedWithItsUnit) {
  const ParameterList list = parameter_list(SeizureParams{});
  EXPECT_GE(list.size(), 16U);
  bool has_duration = false;
  for (const auto& p : list)
    has_duration = has_duration || (p.name == "seizure_min_duration_s" && p.value == 10.0);
  EXPECT_TRUE(has_duration);
  EXPECT_THROW(SeizureDetector({}, 32.0), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::detect

namespace eegtrack::detect {
namespace {

// The same real seizure resampled to 128 and 1024 Hz is still found over most of the file.
TEST(SeizureDetectorStreaming, WorksAtOtherSampleRates) {
  const test::Recording rec =
      test::read_scalp_eeg(test::eeg_path("seizure/chbmit_chb01_21_ictal.edf"));
  for (const auto& [up, down] : {std::pair{1, 2}, std::pair{4, 1}}) {
    test::Recording resampled = rec;
    resampled.sample_rate_hz = rec.sample_rate_hz * up / down;
    for (auto& x : resampled.samples)
      x = dsp::resample_poly(x, up, down);
    const auto events = detect_seizures(resampled);
    ASSERT_FALSE(events.empty()) << resampled.sample_rate_hz;
    EXPECT_GE(covered_s(events), 0.5 * rec.duration_s()) << resampled.sample_rate_hz;
  }
}

}  // namespace
}  // namespace eegtrack::detect
