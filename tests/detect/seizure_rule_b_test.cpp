// ESz rule (b), "any pattern with definite evolution lasting >= 10 s": slow rhythmic delta
// injected into real eyes-closed background (average montage) that evolves in frequency or in
// location must be a seizure marked "evolving rule_b"; the same delta without evolution (LRDA)
// must not be.

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "detect/real_background.hpp"
#include "detect/seizure_test_support.hpp"
#include "eegtrack/detect/rhythm/seizure_detector.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

const std::array<const char*, 4> kRestFiles = {"normal/eegmat_Subject03_1_rest_eyes_closed.edf",
                                               "normal/eegmat_Subject05_1_rest_eyes_closed.edf",
                                               "normal/eegmat_Subject07_1_rest_eyes_closed.edf",
                                               "sample/eegmat_Subject00_1_rest_eyes_closed.edf"};

struct Focus {
  const char* electrode;
  sites::Laterality side;
};

constexpr std::array<Focus, 5> kFoci = {{{"T7", sites::Laterality::Left},
                                         {"F8", sites::Laterality::Right},
                                         {"C4", sites::Laterality::Right},
                                         {"P7", sites::Laterality::Left},
                                         {"F3", sites::Laterality::Left}}};

enum class Kind { FrequencyEvolution, LocationEvolution, Static };

// One injected pattern: seeded duration (20-40 s), onset (75-84 s, after the background has
// been learnt) and peak amplitude at the focus (60-120 uV).
struct Injection {
  std::size_t seed = 0;
  double onset_s = 0.0;
  double duration_s = 0.0;
  double amplitude_uv = 0.0;
  double start_hz = 0.0;
  double end_hz = 0.0;
};

Injection injection_for(std::size_t seed, Kind kind) {
  Injection in;
  in.seed = seed;
  in.duration_s = 20.0 + static_cast<double>((seed * 7) % 21);
  in.onset_s = 75.0 + static_cast<double>((seed * 3) % 10);
  in.amplitude_uv = 60.0 + static_cast<double>((seed * 13) % 61);
  in.start_hz = 1.5;
  in.end_hz = 1.5;
  if (kind == Kind::FrequencyEvolution) {
    // Every other one slows down (3 -> 1 Hz) instead of speeding up (1 -> 2.5 Hz).
    in.start_hz = seed % 2 == 0 ? 1.0 : 3.0;
    in.end_hz = seed % 2 == 0 ? 2.5 : 1.0;
  }
  return in;
}

test::Recording with_pattern(const test::Recording& clean, const Focus& focus, const Injection& in,
                             Kind kind, io::MontageKind montage = io::MontageKind::Average) {
  test::Recording rec = clean;
  // The static delta of odd seeds waxes from half to full amplitude: growth alone is no spread.
  const bool waxing = kind == Kind::Static && in.seed % 2 == 1;
  const auto wave =
      test::evolving_discharge(rec.sample_rate_hz, in.duration_s, in.start_hz, in.end_hz,
                               waxing ? 0.5 * in.amplitude_uv : in.amplitude_uv, in.amplitude_uv);
  const auto at = static_cast<std::size_t>(in.onset_s * rec.sample_rate_hz);
  // Location evolution: a regional field that spreads to the hemisphere in four steps.
  constexpr std::array<double, 4> kSpreading = {20.0, 35.0, 50.0, 65.0};
  constexpr std::array<double, 1> kFixed = {30.0};
  if (kind == Kind::LocationEvolution)
    test::inject_spreading(rec, focus.electrode, kSpreading, wave, at);
  else
    test::inject_spreading(rec, focus.electrode, kFixed, wave, at);
  return test::derive(rec, montage);
}

std::vector<Event> seizures_in(const test::Recording& rec, const SeizureParams& params = {},
                               double chunk_s = 60.0) {
  SeizureDetector detector(detection_channels(rec.labels), rec.sample_rate_hz, params);
  return test::of_type(test::run_in_chunks(detector, rec, chunk_s), EventType::Seizure);
}

bool has_modifier(const Event& e, const std::string& word) {
  return (" " + e.modifiers + " ").find(" " + word + " ") != std::string::npos;
}

struct Score {
  int injected = 0;
  int detected = 0;         ///< exactly one seizure, overlapping the pattern
  int evolving_rule_b = 0;  ///< ... marked "evolving" and "rule_b"
  int side_ok = 0;
  int onset_ok = 0;     ///< onset within 5 s of the truth
  int any_seizure = 0;  ///< injections after which the detector raised any seizure
};

Score run_set(Kind kind, const char* name, io::MontageKind montage = io::MontageKind::Average) {
  Score score;
  for (std::size_t f = 0; f < kRestFiles.size(); ++f) {
    const test::Recording clean = test::read_scalp_eeg(test::eeg_path(kRestFiles[f]));
    for (std::size_t k = 0; k < kFoci.size(); ++k) {
      const std::size_t seed = f * kFoci.size() + k;
      const Injection in = injection_for(seed, kind);
      const auto events = seizures_in(with_pattern(clean, kFoci[k], in, kind, montage));
      ++score.injected;
      score.any_seizure += events.empty() ? 0 : 1;
      std::cout << "[rule_b] " << name << " " << kFoci[k].electrode << " " << in.start_hz << "->"
                << in.end_hz << " Hz " << in.amplitude_uv << " uV " << in.onset_s << "+"
                << in.duration_s << " s in " << kRestFiles[f] << ":";
      for (const auto& e : events)
        std::cout << " | " << e.onset_s << "+" << e.duration_s << " " << to_string(e.side) << " "
                  << e.focus << " " << e.frequency_hz << " Hz [" << e.modifiers << "]";
      std::cout << "\n";
      if (events.size() != 1 || events[0].onset_s >= in.onset_s + in.duration_s ||
          events[0].onset_s + events[0].duration_s <= in.onset_s)
        continue;
      const Event& e = events[0];
      ++score.detected;
      score.evolving_rule_b += has_modifier(e, "evolving") && has_modifier(e, "rule_b") ? 1 : 0;
      score.side_ok += e.side == kFoci[k].side ? 1 : 0;
      score.onset_ok += std::abs(e.onset_s - in.onset_s) <= 5.0 ? 1 : 0;
    }
  }
  std::cout << "[rule_b] " << name << ": " << score.detected << "/" << score.injected
            << " detected, evolving+rule_b " << score.evolving_rule_b << ", side " << score.side_ok
            << ", onset within 5 s " << score.onset_ok << ", any seizure " << score.any_seizure
            << "\n";
  return score;
}

TEST(SeizureRuleB, FocalDeltaEvolvingInFrequencyIsASeizureWithItsSide) {
  const Score s = run_set(Kind::FrequencyEvolution, "frequency");
  EXPECT_GE(s.detected, s.injected * 8 / 10);
  EXPECT_GE(s.evolving_rule_b, s.detected * 9 / 10);
  EXPECT_GE(s.side_ok, s.detected * 9 / 10);
}

TEST(SeizureRuleB, DeltaSpreadingToAHemisphereIsASeizure) {
  const Score s = run_set(Kind::LocationEvolution, "location");
  EXPECT_GE(s.detected, s.injected * 8 / 10);
  EXPECT_GE(s.evolving_rule_b, s.detected * 9 / 10);
  EXPECT_GE(s.side_ok, s.detected * 9 / 10);
}

TEST(SeizureRuleB, FrequencyEvolutionIsFoundInALongitudinalBipolarMontageToo) {
  const Score s =
      run_set(Kind::FrequencyEvolution, "frequency bipolar", io::MontageKind::LongitudinalBipolar);
  EXPECT_GE(s.detected, s.injected * 8 / 10);
  EXPECT_GE(s.side_ok, s.detected * 8 / 10);
}

TEST(SeizureRuleB, StaticLateralizedRhythmicDeltaIsNotASeizure) {
  const Score s = run_set(Kind::Static, "static");
  EXPECT_EQ(s.any_seizure, 0);
}

}  // namespace
}  // namespace eegtrack::detect

namespace eegtrack::detect {
namespace {

// A focal delta evolving 1 -> 2.5 Hz over 30 s at F8 in Subject03's background.
test::Recording evolving_delta_recording() {
  const test::Recording clean = test::read_scalp_eeg(test::eeg_path(kRestFiles[0]));
  const Injection in{
      .onset_s = 80.0, .duration_s = 30.0, .amplitude_uv = 80.0, .start_hz = 1.0, .end_hz = 2.5};
  return with_pattern(clean, kFoci[1], in, Kind::FrequencyEvolution);
}

TEST(SeizureRuleB, ChunkedInputGivesTheSameEventsAsOneBlock) {
  const test::Recording rec = evolving_delta_recording();
  const auto whole = seizures_in(rec, {}, rec.duration_s() + 1.0);
  ASSERT_EQ(whole.size(), 1U);
  for (const double chunk_s : {0.37, 1.0, 7.3}) {
    const auto chunked = seizures_in(rec, {}, chunk_s);
    ASSERT_EQ(chunked.size(), whole.size()) << chunk_s;
    EXPECT_NEAR(chunked[0].onset_s, whole[0].onset_s, 1e-9);
    EXPECT_NEAR(chunked[0].duration_s, whole[0].duration_s, 1e-9);
    EXPECT_NEAR(chunked[0].frequency_hz, whole[0].frequency_hz, 1e-9);
    EXPECT_EQ(chunked[0].modifiers, whole[0].modifiers);
  }
}

// Rule (a) alone (frequency floor 2 Hz) sees at most the fast end of the 1 -> 2.5 Hz delta
// (injected at 80 s for 30 s); rule (b) finds it from its onset.
TEST(SeizureRuleB, RuleAAloneFindsOnlyTheFastEndOfTheSlowEvolvingDelta) {
  const test::Recording rec = evolving_delta_recording();
  for (const auto& e : seizures_in(rec, {.evolution_rule = false})) {
    EXPECT_GE(e.onset_s, 90.0);
    EXPECT_FALSE(has_modifier(e, "rule_b"));
  }
  const auto both = seizures_in(rec);
  ASSERT_EQ(both.size(), 1U);
  EXPECT_NEAR(both[0].onset_s, 80.0, 5.0);
  EXPECT_TRUE(has_modifier(both[0], "rule_b"));
}

// An EDF+D gap in the middle of the evolving delta: no event spans it (each half alone is
// too short or too little evolved to qualify, and nothing is merged across the gap).
TEST(SeizureRuleB, GapEndsTheRunAndNoEventSpansIt) {
  const test::Recording rec = evolving_delta_recording();
  const auto half = static_cast<std::size_t>(95.0 * rec.sample_rate_hz);
  std::vector<std::vector<double>> first(rec.samples.size());
  std::vector<std::vector<double>> second(rec.samples.size());
  for (std::size_t c = 0; c < rec.samples.size(); ++c) {
    first[c].assign(rec.samples[c].begin(),
                    rec.samples[c].begin() + static_cast<std::ptrdiff_t>(half));
    second[c].assign(rec.samples[c].begin() + static_cast<std::ptrdiff_t>(half),
                     rec.samples[c].end());
  }
  const double first_end_s = static_cast<double>(half) / rec.sample_rate_hz;
  const double second_start_s = first_end_s + 50.0;
  SeizureDetector detector(detection_channels(rec.labels), rec.sample_rate_hz);
  detector.push({0.0, rec.sample_rate_hz, false, first});
  detector.push({second_start_s, rec.sample_rate_hz, false, second});
  for (const auto& e : detector.finish()) {
    const bool in_first = e.onset_s + e.duration_s <= first_end_s + 1e-9;
    const bool in_second = e.onset_s >= second_start_s - 1e-9;
    EXPECT_TRUE(in_first || in_second) << e.onset_s << "+" << e.duration_s;
  }
}

TEST(SeizureRuleB, ParametersAreListedAndChecked) {
  const ParameterList list = parameter_list(SeizureParams{});
  int rule_b_names = 0;
  for (const auto& p : list)
    rule_b_names += p.name.rfind("seizure_evolution_", 0) == 0 ? 1 : 0;
  EXPECT_GE(rule_b_names, 10);
  const auto channels = detection_channels({"T7-avg", "C3-avg", "F3-avg"});
  EXPECT_THROW(SeizureDetector(channels, 256.0, {.evolution_window_s = 0.5}),
               std::invalid_argument);
  EXPECT_THROW(SeizureDetector(channels, 256.0, {.evolution_min_frequency_hz = 5.0}),
               std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::detect
