// The threads an analysis uses change its speed, never its results: one thread (everything in
// order on the caller) and several (epoch batches on a pool, detectors on their own lanes) give
// the same events, in the same order, the same per-channel medians and the same bootstrap
// intervals, on a real seizure recording where every detector has work.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

RecordingAnalysis analyze_with(std::size_t threads,
                               const std::string& recording = "seizure/chbmit_chb01_18_ictal.edf",
                               bool detect = true) {
  const io::EdfReader reader(test::eeg_path(recording));
  AnalyzeParams p;
  p.threads = threads;
  p.detection.enabled = detect;
  return analyze_recording(reader, p);
}

void expect_same_number(double a, double b) {
  if (std::isnan(a))
    EXPECT_TRUE(std::isnan(b));
  else
    EXPECT_EQ(a, b);
}

TEST(ParallelAnalysis, ThreadsChangeNothingButSpeed) {
  const auto one = analyze_with(1);
  ASSERT_GT(one.detection.events.size(), 3U);  // seizure, spikes and patterns: real work
  for (const std::size_t threads : {2U, 3U}) {
    const auto many = analyze_with(threads);
    ASSERT_EQ(many.detection.events.size(), one.detection.events.size()) << threads;
    for (std::size_t i = 0; i < one.detection.events.size(); ++i) {
      const auto& a = one.detection.events[i];
      const auto& b = many.detection.events[i];
      EXPECT_EQ(a.type, b.type) << i;
      EXPECT_EQ(a.onset_s, b.onset_s) << i;
      EXPECT_EQ(a.duration_s, b.duration_s) << i;
      EXPECT_EQ(a.channels, b.channels) << i;
      EXPECT_EQ(a.modifiers, b.modifiers) << i;
      expect_same_number(a.frequency_hz, b.frequency_hz);
      EXPECT_EQ(a.confidence, b.confidence) << i;
    }
    ASSERT_EQ(many.channel_median.size(), one.channel_median.size());
    for (std::size_t f = 0; f < one.channel_median.size(); ++f)
      for (std::size_t c = 0; c < one.channel_median[f].size(); ++c)
        expect_same_number(one.channel_median[f][c], many.channel_median[f][c]);
    EXPECT_EQ(many.epochs.artifact_mask, one.epochs.artifact_mask);
    EXPECT_EQ(many.detection.dropped_for_artifacts, one.detection.dropped_for_artifacts);
    expect_same_number(many.continuity.suppressed_fraction, one.continuity.suppressed_fraction);
  }
}

// The bootstrap's resamples are measured on the pool; they are drawn from one generator in one
// order, so the intervals are the same bit for bit. A resting recording long enough for them.
TEST(ParallelAnalysis, BootstrapIntervalsDoNotDependOnThreads) {
  const std::string rest = "normal/eegmat_Subject03_1_rest_eyes_closed.edf";
  const auto one = analyze_with(1, rest, false);
  ASSERT_EQ(one.intervals.unavailable, "");
  ASSERT_TRUE(one.intervals.encephalopathy_index.has_value());
  ASSERT_TRUE(one.intervals.pdr_hz.has_value());
  for (const std::size_t threads : {2U, 3U})
    EXPECT_TRUE(analyze_with(threads, rest, false).intervals == one.intervals) << threads;
}

}  // namespace
}  // namespace eegtrack::pipeline
