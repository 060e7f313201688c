// Pattern detector streaming rules: chunk invariance, EDF+D gaps, other sample rates.

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "detect/pattern_signals.hpp"
#include "eegtrack/detect/patterns/pattern_detector.hpp"
#include "eegtrack/dsp/resample.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

using test::average;
using test::detect;
using test::Recording;

// A recording with LRDA and an LPD train, for the streaming tests.
Recording streaming_fixture() {
  Recording ref =
      test::read_scalp_eeg(test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"));
  std::mt19937 rng(7);
  const double rms = test::channel_rms(ref, "T8");
  test::inject_rhythmic_delta(ref, {{"T8"}, 38.0}, 2.5 * rms, 12.0, 20.0, 2.0, 0.08, rng);
  const auto w = test::sharp_discharge(ref.sample_rate_hz, 4.0 * test::channel_rms(ref, "T7"));
  (void)test::inject_train(ref, {{"T7"}, 38.0}, w, 40.0, 30.0, 1.0, 0.1, rng);
  return average(test::slice(ref, 0.0, 90.0));
}

TEST(PatternDetectorReal, SameEventsWhateverTheBlockSize) {
  const Recording rec = streaming_fixture();
  const auto whole = detect(rec);
  const auto pieces = detect(rec, 6.1);
  const auto odd = detect(rec, 0.77);
  ASSERT_FALSE(whole.empty());
  for (const auto* other : {&pieces, &odd}) {
    ASSERT_EQ(whole.size(), other->size());
    for (std::size_t k = 0; k < whole.size(); ++k) {
      EXPECT_EQ(whole[k].type, (*other)[k].type);
      EXPECT_NEAR(whole[k].onset_s, (*other)[k].onset_s, 1e-9);
      EXPECT_NEAR(whole[k].duration_s, (*other)[k].duration_s, 1e-9);
      EXPECT_EQ(whole[k].channels, (*other)[k].channels);
    }
  }
}

TEST(PatternDetectorReal, GapEndsEveryPatternAndKeepsTrueTimes) {
  const Recording rec = streaming_fixture();
  // Two segments: [0, 22) s and, after a 100-s gap, the rest at true time 122 s on.
  const Recording first = test::slice(rec, 0.0, 22.0);
  const Recording second = test::slice(rec, 22.0, rec.duration_s());
  PatternDetector d(detection_channels(rec.labels), rec.sample_rate_hz);
  d.push(first.block(0.0));
  d.push(second.block(122.0));
  auto events = d.finish();
  bool rhythm_before_gap = false;
  for (const auto& e : events) {
    // Nothing spans the gap [22, 122) s.
    EXPECT_TRUE(e.onset_s + e.duration_s <= 22.0 + 1e-9 || e.onset_s >= 122.0 - 1e-9)
        << to_string(e.type) << " " << e.onset_s;
    rhythm_before_gap = rhythm_before_gap || (e.type == EventType::LRDA && e.onset_s < 22.0);
  }
  EXPECT_TRUE(rhythm_before_gap);  // 12-22 s of LRDA is still >= 6 cycles
}

TEST(PatternDetectorReal, WorksAt250Hz) {
  const Recording rec = streaming_fixture();
  Recording low;
  low.sample_rate_hz = 250.0;
  low.labels = rec.labels;
  for (const auto& x : rec.samples)
    low.samples.push_back(dsp::resample_poly(x, 1, 2));
  bool found = false;
  for (const auto& e : detect(low, 6.1))
    found = found || (e.type == EventType::LRDA && e.side == sites::Laterality::Right &&
                      e.onset_s < 20.0 && e.onset_s + e.duration_s > 25.0);
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace eegtrack::detect
