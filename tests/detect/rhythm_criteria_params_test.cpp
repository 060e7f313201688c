// The rhythm criterion the seizure and BIRD detectors share (RhythmCriteriaParams): its checks
// name the offending field under its owner's path, and the owners still write the parameter
// names their outputs have always carried.

#include "eegtrack/detect/rhythm/rhythm_criteria_params.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "eegtrack/detect/rhythm/bird_detector.hpp"
#include "eegtrack/detect/rhythm/bird_params.hpp"
#include "eegtrack/detect/rhythm/seizure_detector.hpp"
#include "eegtrack/detect/rhythm/seizure_params.hpp"
#include "eegtrack/dsp/require.hpp"

namespace eegtrack::detect {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct BadField {
  std::string field;
  std::function<void(RhythmCriteriaParams&)> spoil;
};

// One value out of range per checked field, everything else at the owner's defaults.
std::vector<BadField> bad_fields() {
  return {{"step_s", [](auto& c) { c.step_s = 0.0; }},
          {"window_s", [](auto& c) { c.window_s = 0.5 * c.step_s; }},
          {"min_rhythmicity", [](auto& c) { c.min_rhythmicity = 1.5; }},
          {"min_frequency_hz", [](auto& c) { c.min_frequency_hz = -1.0; }},
          {"max_frequency_hz", [](auto& c) { c.max_frequency_hz = c.min_frequency_hz; }},
          {"absolute_rms_uv", [](auto& c) { c.absolute_rms_uv = kNaN; }},
          {"relative_amplitude", [](auto& c) { c.relative_amplitude = 0.0; }},
          {"background_s", [](auto& c) { c.background_s = 0.5 * c.step_s; }},
          {"background_warmup_s", [](auto& c) { c.background_warmup_s = -1.0; }}};
}

// The ParameterError `check` throws, or a failure when it throws none.
template <class Check>
dsp::ParameterError refusal(Check check) {
  try {
    check();
  } catch (const dsp::ParameterError& e) {
    return e;
  }
  ADD_FAILURE() << "no ParameterError";
  return {"", "", "", ""};
}

TEST(RhythmCriteriaParams, EachFieldOutOfRangeIsNamedOnItsOwn) {
  EXPECT_NO_THROW(validate(RhythmCriteriaParams{}));
  for (const auto& bad : bad_fields()) {
    RhythmCriteriaParams c;
    bad.spoil(c);
    const auto e = refusal([&] { validate(c); });
    EXPECT_EQ(e.where(), "RhythmCriteriaParams") << bad.field;
    EXPECT_EQ(e.field(), bad.field);
  }
}

TEST(RhythmCriteriaParams, OwnersNameTheFieldUnderTheirCriteriaMember) {
  EXPECT_NO_THROW(validate(SeizureParams{}));
  EXPECT_NO_THROW(validate(BirdParams{}));
  for (const auto& bad : bad_fields()) {
    SeizureParams seizure;
    bad.spoil(seizure.criteria);
    const auto s = refusal([&] { validate(seizure); });
    EXPECT_EQ(s.where(), "SeizureParams") << bad.field;
    EXPECT_EQ(s.field(), "criteria." + bad.field);
    EXPECT_THROW(SeizureDetector({}, 256.0, seizure), dsp::ParameterError) << bad.field;

    BirdParams bird;
    bad.spoil(bird.criteria);
    const auto b = refusal([&] { validate(bird); });
    EXPECT_EQ(b.where(), "BirdParams") << bad.field;
    EXPECT_EQ(b.field(), "criteria." + bad.field);
    EXPECT_THROW(BirdDetector({}, 256.0, bird), dsp::ParameterError) << bad.field;
  }
}

TEST(RhythmCriteriaParams, ValueIsShownAsGiven) {
  SeizureParams p;
  p.criteria.absolute_rms_uv = -1.0;
  const auto e = refusal([&] { validate(p); });
  EXPECT_EQ(std::string(e.what()),
            "SeizureParams: criteria.absolute_rms_uv = -1: must be finite and > 0");
}

std::map<std::string, double> as_map(const ParameterList& list) {
  std::map<std::string, double> out;
  for (const auto& p : list)
    out[p.name] = p.value;
  return out;
}

// The outputs (summary.json) carry these names: they stay as they were before the criteria
// became one struct, and each reads the owner's criteria member, not a default.
TEST(RhythmCriteriaParams, ParameterNamesOfTheOwnersAreUnchanged) {
  RhythmCriteriaParams c{.window_s = 3.0,
                         .step_s = 1.5,
                         .min_rhythmicity = 0.3,
                         .min_frequency_hz = 2.5,
                         .max_frequency_hz = 11.0,
                         .alpha_low_hz = 8.0,
                         .absolute_rms_uv = 50.0,
                         .relative_amplitude = 3.0,
                         .background_s = 200.0,
                         .background_warmup_s = 40.0};
  const std::vector<std::pair<std::string, double>> expected = {
      {"window_s", 3.0},          {"step_s", 1.5},
      {"min_rhythmicity", 0.3},   {"min_frequency_hz", 2.5},
      {"max_frequency_hz", 11.0}, {"alpha_low_hz", 8.0},
      {"absolute_rms_uv", 50.0},  {"relative_amplitude_x_background", 3.0},
      {"background_s", 200.0},    {"background_warmup_s", 40.0}};
  SeizureParams seizure;
  seizure.criteria = c;
  BirdParams bird;
  bird.criteria = c;
  const auto seizure_list = as_map(parameter_list(seizure));
  const auto bird_list = as_map(parameter_list(bird));
  for (const auto& [name, value] : expected) {
    ASSERT_EQ(seizure_list.count("seizure_" + name), 1U) << name;
    EXPECT_EQ(seizure_list.at("seizure_" + name), value) << name;
    ASSERT_EQ(bird_list.count("bird_" + name), 1U) << name;
    EXPECT_EQ(bird_list.at("bird_" + name), value) << name;
  }
  EXPECT_EQ(bird_list.at("bird_alpha_high_hz"), BirdParams{}.alpha_high_hz);
}

}  // namespace
}  // namespace eegtrack::detect
