// Measurements of the spike detector for docs/detect-spikes.md, not assertions: run with
// detect_tests --gtest_filter='IedMeasure*' --gtest_also_run_disabled_tests
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "detect/ied_injection.hpp"
#include "detect/ied_test_support.hpp"
#include "support/paths.hpp"

namespace eegtrack::detect {
namespace {

using test::detect_all;
using test::events_near;
using test::inject_blinks;
using test::kFoci;
using test::kNormalFiles;

// Sensitivity to injected discharges and false detections on the untouched recordings.
TEST(IedMeasure, DISABLED_PrintSensitivityAndFalseDetections) {
  for (const auto& name : kNormalFiles) {
    const auto ref = test::read_scalp_eeg(test::eeg_path("normal/" + name));
    const auto avg = test::derive(ref, io::MontageKind::Average);
    const auto t0 = std::chrono::steady_clock::now();
    const auto clean = detect_all(avg);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: %.0f s, %zu FP (%.2f/min), %.2f s run\n", name.c_str(), avg.duration_s(),
                clean.size(), 60.0 * static_cast<double>(clean.size()) / avg.duration_s(), secs);
    for (const auto& e : clean)
      std::printf("   FP %.3f %s %.0f ms focus %s conf %.2f %s\n", e.onset_s, to_string(e.type),
                  1e3 * e.duration_s, e.focus.c_str(), e.confidence, e.modifiers.c_str());
    for (double spread : {27.0, 20.0, 40.0}) {
      for (double factor : {1.0, 3.0, 4.0, 6.0, 8.0}) {
        const auto inj = test::inject_ieds(ref, kFoci, factor, spread, 7);
        const auto events = detect_all(inj.average);
        const auto s = test::score_ieds(events, inj.truth);
        std::printf("  spread %.0f x%.1f: %d/%d detected, class %d, loc %d, false %d\n", spread,
                    factor, s.detected, s.injected, s.class_correct, s.location_correct,
                    s.false_events);
      }
    }
  }
}

// Operating curve: the decision threshold min_discharge_score swept (same data as above).
TEST(IedMeasure, DISABLED_PrintOperatingCurve) {
  std::vector<test::Recording> refs;
  for (const auto& name : kNormalFiles)
    refs.push_back(test::read_scalp_eeg(test::eeg_path("normal/" + name)));
  for (double score : {50.0, 70.0, 90.0, 100.0, 120.0, 150.0, 200.0, 300.0}) {
    const IedParams p{.min_discharge_score = score};
    double minutes = 0.0;
    std::size_t fp = 0;
    int detected[3] = {0, 0, 0};
    int injected = 0;
    for (const auto& ref : refs) {
      const auto avg = test::derive(ref, io::MontageKind::Average);
      minutes += avg.duration_s() / 60.0;
      fp += detect_all(avg, p).size();
      const double factors[] = {3.0, 4.0, 6.0};
      for (int k = 0; k < 3; ++k) {
        const auto inj = test::inject_ieds(ref, kFoci, factors[k], 27.0, 7);
        const auto s = test::score_ieds(detect_all(inj.average, p), inj.truth);
        detected[k] += s.detected;
        injected += k == 0 ? s.injected : 0;
      }
    }
    std::printf(
        "min_discharge_score %.0f: FP %.2f/min, sensitivity 3x %.2f 4x %.2f 6x %.2f (of %d)\n",
        score, static_cast<double>(fp) / minutes, detected[0] / double(injected),
        detected[1] / double(injected), detected[2] / double(injected), injected);
  }
}

// The blinks of
// IedDetector.IgnoresEyeBlinks at eight placements (0-3.5 s later) in each untouched file, so
// that where a blink falls against the detector's spans and its neighbours' waves varies.
TEST(IedMeasure, DISABLED_PrintBlinkFalseDetections) {
  int called = 0;
  std::size_t blinks = 0;
  for (const auto& name : kNormalFiles) {
    const auto clean = test::read_scalp_eeg(test::eeg_path("normal/" + name));
    int in_file = 0;
    std::size_t of_file = 0;
    for (double offset = 0.0; offset < 4.0; offset += 0.5) {
      auto ref = clean;
      const auto times = inject_blinks(ref, 5.0 + offset, ref.duration_s() - 7.0);
      in_file += events_near(detect_all(test::derive(ref, io::MontageKind::Average)), times);
      of_file += times.size();
    }
    std::printf("%s: %d of %zu blinks called discharges\n", name.c_str(), in_file, of_file);
    called += in_file;
    blinks += of_file;
  }
  std::printf("all: %d of %zu blinks (%.1f %%)\n", called, blinks,
              100.0 * called / static_cast<double>(blinks));
}

}  // namespace
}  // namespace eegtrack::detect
