// The follow-up's adult normal limits (clinical::NormalLimits, docs/normal-limits.md) are
// re-derived here from the healthy eyes-closed rest recordings in the repository: each must
// be within them, and each limit must be the largest healthy value rounded up to the next
// 0.05, so that the documented limits cannot drift from the data they came from. Only the
// background limits are checked here; whether the detectors call patterns on healthy EEG is
// their own specificity, measured in tests/detect (one of these four recordings draws a brief
// false GPD, docs/normal-limits.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "eegtrack/clinical/eeg_measures.hpp"
#include "eegtrack/clinical/normalization.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/findings_builder.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "pipeline/background_only.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

clinical::EegMeasures measures_of(const std::string& name) {
  const io::EdfReader reader(test::eeg_path(name));
  const AnalyzeParams params = test::background_only();
  const auto analysis = analyze_recording(reader, params);
  return clinical::eeg_measures(make_findings(analysis, params, recording_provenance(reader)));
}

double round_up_to_twentieth(double v) {
  return std::ceil(v * 20.0 - 1e-9) / 20.0;
}

TEST(NormalLimits, DerivedFromTheHealthyRestRecordings) {
  const std::vector<std::string> healthy{"sample/eegmat_Subject00_1_rest_eyes_closed.edf",
                                         "normal/eegmat_Subject03_1_rest_eyes_closed.edf",
                                         "normal/eegmat_Subject05_1_rest_eyes_closed.edf",
                                         "normal/eegmat_Subject07_1_rest_eyes_closed.edf"};
  const clinical::NormalLimits limits;
  double max_delta = 0.0, max_index = 0.0, min_pdr = 100.0;
  for (const auto& name : healthy) {
    SCOPED_TRACE(name);
    const auto m = measures_of(name);
    const auto check = clinical::check_against_limits(m, limits);
    // Analysed without detection: the background is within every limit, and the one thing
    // not judged is what the detectors would have looked for.
    EXPECT_TRUE(check.abnormal.empty()) << check.abnormal.front();
    EXPECT_EQ(check.unknown, std::vector<std::string>{"epileptiform detection not run"});
    max_delta = std::max(max_delta, m.relative_delta.value.value_or(1.0));
    max_index = std::max(max_index, m.encephalopathy_index.value.value_or(1.0));
    min_pdr = std::min(min_pdr, m.pdr_hz.value.value_or(0.0));
  }
  EXPECT_DOUBLE_EQ(limits.max_relative_delta, round_up_to_twentieth(max_delta));
  EXPECT_DOUBLE_EQ(limits.max_encephalopathy_index, round_up_to_twentieth(max_index));
  // The PDR floor is the published adult one (8 Hz), not a healthy minimum: it must lie
  // below every healthy PDR.
  EXPECT_LT(limits.min_pdr_hz, min_pdr);
}

}  // namespace
}  // namespace eegtrack::pipeline
