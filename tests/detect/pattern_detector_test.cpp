// Pattern detector on real recordings with injected periodic discharges and rhythmic delta
// (known truth), and on the untouched normal recordings (false detections).

#include "eegtrack/detect/patterns/pattern_detector.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "detect/pattern_signals.hpp"
#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

using test::Field;
using test::Recording;

const std::vector<std::string> kNormalFiles = {
    "eegmat_Subject00_2_mental_arithmetic.edf", "eegmat_Subject01_2_mental_arithmetic.edf",
    "eegmat_Subject03_1_rest_eyes_closed.edf", "eegmat_Subject05_1_rest_eyes_closed.edf",
    "eegmat_Subject07_1_rest_eyes_closed.edf"};
const std::vector<std::string> kRestFiles = {kNormalFiles[2], kNormalFiles[3], kNormalFiles[4]};

using test::average;
using test::detect;

bool region_near(const std::string& found, const std::string& expected) {
  static const std::map<std::string, std::set<std::string>> kNeighbours = {
      {"frontal", {"frontal", "central", "temporal"}},
      {"central", {"central", "frontal", "parietal", "temporal"}},
      {"temporal", {"temporal", "frontal", "central", "parietal"}},
      {"parietal", {"parietal", "central", "temporal", "occipital"}},
      {"occipital", {"occipital", "parietal"}}};
  return kNeighbours.at(expected).count(found) > 0;
}

struct Injection {
  double start_s = 0.0;
  double duration_s = 0.0;
  double rate_hz = 0.0;
};

// Events overlapping [start, end).
std::vector<const Event*> within(const std::vector<Event>& events, double start, double end) {
  std::vector<const Event*> out;
  for (const auto& e : events) {
    if (e.onset_s < end && e.onset_s + e.duration_s > start)
      out.push_back(&e);
  }
  return out;
}

void print(const std::vector<Event>& events) {
  for (const auto& e : events)
    std::cout << "  " << to_string(e.type) << " " << e.onset_s << "+" << e.duration_s << " s "
              << e.frequency_hz << " Hz " << to_string(e.side) << " "
              << (e.region ? sites::to_string(*e.region) : "") << " "
              << (e.channels.empty() ? "" : e.channels.front()) << " [" << e.modifiers << "]\n";
}

TEST(PatternDetector, RejectsBadArguments) {
  const auto channels = detection_channels({"F3-avg", "F4-avg"});
  EXPECT_THROW(PatternDetector(channels, 50.0), std::invalid_argument);
  EXPECT_THROW(PatternDetector(detection_channels({"ECG"}), 256.0), std::invalid_argument);
  EXPECT_THROW(PatternDetector(channels, 256.0, {.min_cycles = 2}), std::invalid_argument);
  PatternDetector d(channels, 256.0);
  const std::vector<std::vector<double>> one(1, std::vector<double>(256, 0.0));
  EXPECT_THROW(d.push({0.0, 256.0, false, one}), std::invalid_argument);
  const std::vector<std::vector<double>> two(2, std::vector<double>(256, 0.0));
  EXPECT_THROW(d.push({0.0, 512.0, false, two}), std::invalid_argument);
  EXPECT_FALSE(parameter_list(PatternParams{}).empty());
}

TEST(PatternPrevalence, MapsFractionsAndDurationsToAcnsCategories) {
  EXPECT_EQ(prevalence_category(0.0), PrevalenceCategory::None);
  EXPECT_EQ(prevalence_category(0.005), PrevalenceCategory::Rare);
  EXPECT_EQ(prevalence_category(0.05), PrevalenceCategory::Occasional);
  EXPECT_EQ(prevalence_category(0.10), PrevalenceCategory::Frequent);
  EXPECT_EQ(prevalence_category(0.89), PrevalenceCategory::Abundant);
  EXPECT_EQ(prevalence_category(0.90), PrevalenceCategory::Continuous);
  EXPECT_EQ(duration_category(9.9), DurationCategory::VeryBrief);
  EXPECT_EQ(duration_category(10.0), DurationCategory::Brief);
  EXPECT_EQ(duration_category(60.0), DurationCategory::Intermediate);
  EXPECT_EQ(duration_category(300.0), DurationCategory::Long);
  EXPECT_EQ(duration_category(3600.0), DurationCategory::VeryLong);
  EXPECT_STREQ(to_string(PrevalenceCategory::Abundant), "abundant");
  EXPECT_STREQ(to_string(DurationCategory::VeryBrief), "very_brief");
  // Two overlapping LPD events (union 30 s) and one GRDA of 5 s in 100 s.
  std::vector<Event> events(3);
  events[0] = {.type = EventType::LPD, .onset_s = 10.0, .duration_s = 20.0};
  events[1] = {.type = EventType::LPD, .onset_s = 20.0, .duration_s = 20.0};
  events[2] = {.type = EventType::GRDA, .onset_s = 50.0, .duration_s = 5.0};
  const auto p = pattern_prevalence(events, 100.0);
  ASSERT_EQ(p.size(), 5U);
  EXPECT_EQ(p[1].type, EventType::LPD);
  EXPECT_EQ(p[1].episodes, 2);
  EXPECT_NEAR(p[1].covered_s, 30.0, 1e-12);
  EXPECT_EQ(p[1].prevalence, PrevalenceCategory::Frequent);
  EXPECT_EQ(p[1].duration, DurationCategory::Brief);
  EXPECT_EQ(p[3].prevalence, PrevalenceCategory::Occasional);
  EXPECT_EQ(p[3].duration, DurationCategory::VeryBrief);
  EXPECT_EQ(p[0].prevalence, PrevalenceCategory::None);
  EXPECT_THROW((void)pattern_prevalence(events, 0.0), std::invalid_argument);
}

TEST(PatternDetectorReal, NormalRecordingsGiveNoPatterns) {
  double minutes = 0.0;
  std::size_t false_events = 0;
  for (const auto& file : kNormalFiles) {
    const Recording rec = average(test::read_scalp_eeg(test::eeg_path("normal/" + file)));
    const auto events = detect(rec);
    std::cout << file << ": " << events.size() << " events in " << rec.duration_s() / 60.0
              << " min\n";
    print(events);
    minutes += rec.duration_s() / 60.0;
    false_events += events.size();
  }
  const double per_minute = static_cast<double>(false_events) / minutes;
  std::cout << "false events per minute: " << per_minute << " (" << false_events << " in "
            << minutes << " min)\n";
  // Measured 0.63 per minute (7 events: 4 slow RDA at 0.75-1 Hz, mostly frontal eye movements,
  // and 3 posterior GPD at 0.65-0.8 Hz in Subject05); the aim is 0. The bound guards against
  // regressions.
  EXPECT_LE(per_minute, 0.75);
}

struct Scenario {
  Field field;
  std::vector<Injection> injections;
  bool triphasic = false;
  bool rhythmic_delta = false;
};

// Injects the scenario into a copy of `file` (amplitude: `gain` times the RMS of the field's
// first centre) and returns the events of the average montage.
std::vector<Event> run_scenario(const std::string& file, const Scenario& s, double gain,
                                unsigned seed) {
  Recording ref = test::read_scalp_eeg(test::eeg_path("normal/" + file));
  std::mt19937 rng(seed);
  const double amplitude = gain * test::channel_rms(ref, s.field.centres.front());
  const double fs = ref.sample_rate_hz;
  for (const auto& inj : s.injections) {
    if (s.rhythmic_delta) {
      test::inject_rhythmic_delta(ref, s.field, amplitude, inj.start_s, inj.duration_s, inj.rate_hz,
                                  0.08, rng);
    } else {
      const auto w = s.triphasic ? test::triphasic_discharge(fs, amplitude)
                                 : test::sharp_discharge(fs, amplitude);
      (void)test::inject_train(ref, s.field, w, inj.start_s, inj.duration_s, inj.rate_hz, 0.1, rng);
    }
  }
  return detect(average(ref));
}

struct Tally {
  int injected = 0;
  int found = 0;
  int extra = 0;  ///< events outside every injection
};

// Counts injections found as `type` with the side, region and frequency expected.
void score(const std::vector<Event>& events, const Scenario& s, EventType type,
           sites::Laterality side, const std::string& region, Tally& t) {
  for (const auto& inj : s.injections) {
    ++t.injected;
    bool hit = false;
    for (const Event* e : within(events, inj.start_s, inj.start_s + inj.duration_s)) {
      const bool frequency_ok =
          type == EventType::BIPD || std::abs(e->frequency_hz - inj.rate_hz) <= 0.25;
      hit =
          hit ||
          (e->type == type && e->side == side && frequency_ok &&
           (region.empty() || region_near(e->region ? sites::to_string(*e->region) : "", region)));
    }
    t.found += hit ? 1 : 0;
  }
  for (const auto& e : events) {
    bool inside = false;
    for (const auto& inj : s.injections)
      inside = inside || (e.onset_s < inj.start_s + inj.duration_s + 2.0 &&
                          e.onset_s + e.duration_s > inj.start_s - 2.0);
    t.extra += inside ? 0 : 1;
  }
}

const std::vector<Injection> kThreeRates = {
    {10.0, 30.0, 1.0}, {70.0, 30.0, 1.5}, {130.0, 30.0, 2.0}};

TEST(PatternDetectorReal, FindsLateralizedPeriodicDischarges) {
  Tally t;
  unsigned seed = 1;
  for (const auto& file : kRestFiles) {
    for (const std::string centre : {"T7", "C4"}) {
      const Scenario s{{{centre}, 38.0}, kThreeRates};
      const auto events = run_scenario(file, s, 4.0, seed++);
      std::cout << file << " LPD at " << centre << "\n";
      print(events);
      score(events, s, EventType::LPD,
            centre == "T7" ? sites::Laterality::Left : sites::Laterality::Right,
            centre == "T7" ? "temporal" : "central", t);
    }
  }
  std::cout << "LPD sensitivity " << t.found << "/" << t.injected << ", extra " << t.extra << "\n";
  EXPECT_GE(t.found, t.injected * 8 / 10);
}

TEST(PatternDetectorReal, FindsGeneralizedTriphasicDischarges) {
  Tally t;
  unsigned seed = 100;
  const std::vector<Injection> rates = {{20.0, 30.0, 1.5}, {100.0, 30.0, 2.0}};
  int triphasic = 0;  // GPD events inside the injections labelled triphasic
  int frontal = 0;    // ... and labelled frontally predominant
  for (const auto& file : kRestFiles) {
    const Scenario s{{{"F3", "F4"}, 40.0}, rates, true};
    const auto events = run_scenario(file, s, 2.5, seed++);
    std::cout << file << " GPD\n";
    print(events);
    score(events, s, EventType::GPD, sites::Laterality::Bilateral, "frontal", t);
    for (const auto& inj : rates) {
      for (const Event* e : within(events, inj.start_s, inj.start_s + inj.duration_s)) {
        if (e->type == EventType::GPD)
          triphasic += e->modifiers.find("triphasic") != std::string::npos ? 1 : 0;
        frontal += e->modifiers.find("frontally_predominant") != std::string::npos ? 1 : 0;
      }
    }
  }
  std::cout << "GPD sensitivity " << t.found << "/" << t.injected << ", extra " << t.extra
            << ", labelled triphasic " << triphasic << ", frontally predominant " << frontal
            << "\n";
  EXPECT_GE(t.found, t.injected * 8 / 10);
  EXPECT_GE(triphasic, t.found * 8 / 10);
  EXPECT_GE(frontal, t.found * 8 / 10);
}

// Two independent lateralized trains, one per hemisphere, at different rates and foci: T7 at
// 1.0 Hz with C4 at 1.6 Hz (40-80 s), and C3 at 2.0 Hz with T8 at 1.2 Hz (110-150 s).
TEST(PatternDetectorReal, FindsBilateralIndependentDischarges) {
  struct Pair {
    std::string left;
    double left_hz;
    std::string right;
    double right_hz;
    double start_s;
  };
  const std::vector<Pair> pairs = {{"T7", 1.0, "C4", 1.6, 40.0}, {"C3", 2.0, "T8", 1.2, 110.0}};
  Tally t;
  unsigned seed = 200;
  for (const auto& file : kRestFiles) {
    Recording ref = test::read_scalp_eeg(test::eeg_path("normal/" + file));
    std::mt19937 rng(seed++);
    const double fs = ref.sample_rate_hz;
    std::vector<Injection> spans;
    for (const auto& pair : pairs) {
      const auto left = test::sharp_discharge(fs, 4.0 * test::channel_rms(ref, pair.left));
      const auto right = test::sharp_discharge(fs, 4.0 * test::channel_rms(ref, pair.right));
      (void)test::inject_train(ref, {{pair.left}, 38.0}, left, pair.start_s, 40.0, pair.left_hz,
                               0.1, rng);
      (void)test::inject_train(ref, {{pair.right}, 38.0}, right, pair.start_s, 40.0, pair.right_hz,
                               0.1, rng);
      spans.push_back({pair.start_s, 40.0, pair.left_hz});
    }
    const auto events = detect(average(ref));
    std::cout << file << " BIPD\n";
    print(events);
    score(events, {{{"T7"}, 38.0}, spans}, EventType::BIPD, sites::Laterality::Bilateral, "", t);
  }
  std::cout << "BIPD sensitivity " << t.found << "/" << t.injected << ", extra " << t.extra << "\n";
  EXPECT_GE(t.found, t.injected * 2 / 3);
}

TEST(PatternDetectorReal, FindsRhythmicDelta) {
  Tally g;
  Tally l;
  unsigned seed = 300;
  const std::vector<Injection> runs = {{15.0, 8.0, 2.0}, {60.0, 20.0, 2.5}, {120.0, 30.0, 2.0}};
  for (const auto& file : kRestFiles) {
    const Scenario frontal{{{"F3", "F4"}, 40.0}, runs, false, true};
    const auto ge = run_scenario(file, frontal, 2.5, seed++);
    std::cout << file << " GRDA\n";
    print(ge);
    score(ge, frontal, EventType::GRDA, sites::Laterality::Bilateral, "frontal", g);
    const Scenario lateral{{{"T8"}, 38.0}, runs, false, true};
    const auto le = run_scenario(file, lateral, 2.5, seed++);
    std::cout << file << " LRDA\n";
    print(le);
    score(le, lateral, EventType::LRDA, sites::Laterality::Right, "temporal", l);
  }
  std::cout << "GRDA sensitivity " << g.found << "/" << g.injected << ", extra " << g.extra
            << "; LRDA " << l.found << "/" << l.injected << ", extra " << l.extra << "\n";
  EXPECT_GE(g.found, g.injected * 8 / 10);
  EXPECT_GE(l.found, l.injected * 8 / 10);
}

}  // namespace
}  // namespace eegtrack::detect
