// The spike detector's concurrent windows (IedDetector::set_concurrent_windows, used by every
// analysis on more than one core): windows analysed on helper threads share the detector's
// buffer, filters and field model read-only. Built alone under ThreadSanitizer in CI, where a
// write to shared state from a window's analysis is reported as a race; here the events must
// also be those of one thread, in the same order.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

#include "eegtrack/detect/spikes/ied_detector.hpp"
#include "eegtrack/sites/position.hpp"

namespace eegtrack::detect {
namespace {

constexpr double kRate = 256.0;

// 19 electrodes of the 10-20 system, average reference: red noise (independent per electrode,
// plus a shared part) and a surface-negative spike-and-wave every 3.7 s, focused on T7 with a
// Gaussian field of 30 degrees.
struct Synthetic {
  std::vector<std::string> labels;
  std::vector<std::vector<double>> samples;
};

Synthetic synthetic_recording(double seconds) {
  const std::vector<std::string> electrodes = {"Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8",
                                               "T7",  "C3",  "Cz", "C4", "T8", "P7", "P3",
                                               "Pz",  "P4",  "P8", "O1", "O2"};
  const auto n = static_cast<std::size_t>(seconds * kRate);
  std::uint64_t state = 2026;
  const auto noise = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5;
  };
  std::vector<std::vector<double>> referential(electrodes.size(), std::vector<double>(n));
  std::vector<double> shared(n);
  double s = 0.0;
  for (auto& v : shared)
    v = s = 0.97 * s + 6.0 * noise();
  for (auto& x : referential) {
    double r = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      x[i] = shared[i] + (r = 0.95 * r + 8.0 * noise());
  }
  const auto focus = sites::electrode_position("T7");
  const auto spike = static_cast<std::size_t>(0.06 * kRate);
  const auto wave = static_cast<std::size_t>(0.2 * kRate);
  for (double t = 2.0; t + 1.0 < seconds; t += 3.7) {
    const auto at = static_cast<std::size_t>(t * kRate);
    for (std::size_t c = 0; c < electrodes.size(); ++c) {
      const double angle =
          sites::electrode_angle_deg(*focus, *sites::electrode_position(electrodes[c]));
      const double w = 150.0 * std::exp(-0.5 * (angle / 30.0) * (angle / 30.0));
      for (std::size_t i = 0; i < spike; ++i)
        referential[c][at + i] -=
            w * std::sin(std::numbers::pi * static_cast<double>(i) / static_cast<double>(spike));
      for (std::size_t i = 0; i < wave; ++i)
        referential[c][at + spike + i] +=
            0.5 * w *
            std::sin(std::numbers::pi * static_cast<double>(i) / static_cast<double>(wave));
    }
  }
  Synthetic out;
  out.samples = referential;
  for (std::size_t i = 0; i < n; ++i) {
    double mean = 0.0;
    for (const auto& x : referential)
      mean += x[i];
    mean /= static_cast<double>(referential.size());
    for (auto& x : out.samples)
      x[i] -= mean;
  }
  for (const auto& e : electrodes)
    out.labels.push_back(e + "-avg");
  return out;
}

// Pushed in blocks of 7.3 s, so that windows complete in the middle of blocks, and finished.
std::vector<Event> detect(const Synthetic& rec, std::size_t concurrent_windows) {
  IedDetector detector(detection_channels(rec.labels), kRate);
  detector.set_concurrent_windows(concurrent_windows);
  const auto block = static_cast<std::size_t>(7.3 * kRate);
  const std::size_t n = rec.samples[0].size();
  std::vector<Event> out;
  for (std::size_t begin = 0; begin < n; begin += block) {
    const std::size_t end = std::min(n, begin + block);
    std::vector<std::vector<double>> part;
    for (const auto& x : rec.samples)
      part.emplace_back(x.begin() + static_cast<std::ptrdiff_t>(begin),
                        x.begin() + static_cast<std::ptrdiff_t>(end));
    detector.push({static_cast<double>(begin) / kRate, kRate, begin > 0, part});
    for (auto& e : detector.take_events())
      out.push_back(std::move(e));
  }
  for (auto& e : detector.finish())
    out.push_back(std::move(e));
  return out;
}

TEST(IedConcurrentWindows, GiveTheEventsOfOneThread) {
  const Synthetic rec = synthetic_recording(75.0);
  const auto one = detect(rec, 1);
  // Events are found (25 for the 20 discharges when this was written): the comparison is not
  // between empty lists.
  ASSERT_GE(one.size(), 10U);
  for (const std::size_t windows : {2U, 3U}) {
    const auto many = detect(rec, windows);
    ASSERT_EQ(many.size(), one.size()) << windows << " windows";
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].onset_s, one[i].onset_s) << windows << " windows, event " << i;
      EXPECT_EQ(many[i].duration_s, one[i].duration_s) << windows << " windows, event " << i;
      EXPECT_EQ(many[i].channels, one[i].channels) << windows << " windows, event " << i;
      EXPECT_EQ(many[i].confidence, one[i].confidence) << windows << " windows, event " << i;
    }
  }
}

}  // namespace
}  // namespace eegtrack::detect
