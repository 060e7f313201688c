// The per-epoch trends of analyze_recording (docs/hdf5-layout.md, /trends): the running
// burst-suppression ratio follows a suppression made by scaling a real recording down, and the
// slow asymmetry turns to the side where delta was added, in those epochs only.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/sites/site.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

constexpr double kPi = std::numbers::pi;

std::filesystem::path subject05() {
  return test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf");
}

RecordingAnalysis analyze(const std::filesystem::path& path, const AnalyzeParams& p = {}) {
  const io::EdfReader reader(path);
  return analyze_recording(reader, p);
}

// From 40 s on, every channel is scaled to 1 %: a few tenths of a µV, far below the 10-µV
// suppression threshold. The running BSR at an epoch's end e is then the suppressed share of
// the trailing window: (e - 40) / min(e, 63 s) (the window is shorter near the start).
TEST(EpochTrends, RunningBsrFollowsASuppression) {
  auto r = test::load_eeg(subject05(), 120.0);
  const auto from = static_cast<std::size_t>(40.0 * r.sample_rate_hz);
  for (auto& x : r.x)
    for (std::size_t i = from; i < x.size(); ++i)
      x[i] *= 0.01;
  const auto path = test::scratch_dir() / "suppressed.edf";
  test::write_recording(path, r);
  const auto a = analyze(path);
  const auto& t = a.trends;
  ASSERT_EQ(t.bsr.size(), a.epochs.size());
  EXPECT_DOUBLE_EQ(t.bsr_window_s, 63.0);
  for (std::size_t i = 0; i < a.epochs.size(); ++i) {
    const double end = a.epochs.onset_s[i] + a.epochs.epoch_s;
    const double expected = std::max(0.0, end - 40.0) / std::min(end, 63.0);
    EXPECT_NEAR(t.bsr[i], std::min(1.0, expected), 0.02) << "epoch ending at " << end << " s";
  }
}

// 100-µV 2-Hz waves added to every left channel in epochs 5 to 9 (20-40 s), referential montage:
// left delta power ~5000 µV² against tens on the right, so (R - L) / (R + L) is close to -1
// there; every other epoch is untouched and keeps the values of the unmodified recording.
TEST(EpochTrends, SlowAsymmetryTurnsToTheSideOfAddedDelta) {
  const auto original = test::load_eeg(subject05(), 60.0);
  auto r = original;
  const double fs = r.sample_rate_hz;
  for (std::size_t c = 0; c < r.labels.size(); ++c) {
    const auto site = sites::electrode_site(io::normalize_channel(r.labels[c]).normalized);
    if (!site || site->side != sites::Side::Left)
      continue;
    for (auto i = static_cast<std::size_t>(20.0 * fs); i < static_cast<std::size_t>(40.0 * fs); ++i)
      r.x[c][i] += 100.0 * std::sin(2.0 * kPi * 2.0 * static_cast<double>(i) / fs);
  }
  const auto dir = test::scratch_dir();
  test::write_recording(dir / "left_delta.edf", r);
  test::write_recording(dir / "original.edf", original);
  AnalyzeParams p;
  p.montage = io::MontageKind::Referential;
  const auto a = analyze(dir / "left_delta.edf", p);
  const auto b = analyze(dir / "original.edf", p);
  ASSERT_EQ(a.trends.slow_asymmetry.size(), a.epochs.size());
  ASSERT_FALSE(a.trends.regions.empty());
  const auto temporal =
      std::find(a.trends.regions.begin(), a.trends.regions.end(), sites::Region::Temporal);
  ASSERT_NE(temporal, a.trends.regions.end());
  const auto& temporal_index =
      a.trends.region_slow_asymmetry[static_cast<std::size_t>(temporal - a.trends.regions.begin())];
  for (std::size_t i = 0; i < a.epochs.size(); ++i) {
    const double onset = a.epochs.onset_s[i];
    if (onset >= 20.0 && onset < 40.0) {
      EXPECT_LT(a.trends.slow_asymmetry[i], -0.9) << "epoch at " << onset << " s";
      EXPECT_LT(temporal_index[i], -0.9) << "epoch at " << onset << " s";
      EXPECT_GT(a.trends.bsi[i], b.trends.bsi[i]) << "epoch at " << onset << " s";
    } else {
      EXPECT_DOUBLE_EQ(a.trends.slow_asymmetry[i], b.trends.slow_asymmetry[i]) << onset;
      EXPECT_DOUBLE_EQ(a.trends.bsi[i], b.trends.bsi[i]) << onset;
    }
    EXPECT_GE(a.trends.bsi[i], 0.0);
    EXPECT_LE(a.trends.bsi[i], 1.0);
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
