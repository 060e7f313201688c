// read_eeg_window on a recording built sample by sample: the double-banana derivations are
// differences of the written electrodes, a 10-Hz rhythm passes the display filters unchanged,
// 50-Hz mains is notched out, the window is placed where asked (moved inside at the end) and
// only the annotations overlapping it come with it.
#include "eegtrack/pipeline/eeg_window.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/io/edf_writer.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

constexpr double kFs = 256.0;
constexpr double kPi = std::numbers::pi;

const char* const kElectrodes[] = {"Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8", "T3", "C3", "Cz",
                                   "C4",  "T4",  "T5", "P3", "Pz", "P4", "T6", "O1", "O2"};

// 30 s: a 10-Hz, 50-µV rhythm at F7 only, 30 µV of 50-Hz mains at O1 only, the rest silent.
std::filesystem::path built_recording() {
  const auto path = test::scratch_dir() / "built.edf";
  std::vector<io::WriteSignal> signals;
  std::vector<std::vector<double>> samples;
  const auto n = static_cast<std::size_t>(30 * kFs);
  for (const char* e : kElectrodes) {
    io::WriteSignal s;
    s.label = std::string("EEG ") + e;
    s.samples_per_record = static_cast<int>(kFs);
    signals.push_back(s);
    std::vector<double> x(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / kFs;
      if (std::string(e) == "F7")
        x[i] = 50.0 * std::sin(2.0 * kPi * 10.0 * t);
      if (std::string(e) == "O1")
        x[i] = 30.0 * std::sin(2.0 * kPi * 50.0 * t);
    }
    samples.push_back(std::move(x));
  }
  const io::Annotation notes[] = {
      {3.0, 0.0, "early note"}, {12.0, 2.0, "in the window"}, {25.0, 0.0, "late note"}};
  io::write_edf(path, io::WriteParams{}, signals, samples, notes);
  return path;
}

double peak(const std::vector<double>& x) {
  double m = 0.0;
  for (const double v : x)
    m = std::max(m, std::abs(v));
  return m;
}

std::size_t trace(const EegWindow& w, const std::string& label) {
  const auto it = std::find(w.labels.begin(), w.labels.end(), label);
  EXPECT_NE(it, w.labels.end()) << label;
  return static_cast<std::size_t>(it - w.labels.begin());
}

TEST(EegWindow, DoubleBananaOfTheWrittenSignalsFilteredForDisplay) {
  const io::EdfReader reader(built_recording());
  const auto w = read_eeg_window(reader, 10.0, 10.0);
  EXPECT_EQ(w.montage, "longitudinal bipolar (double banana)");
  EXPECT_TRUE(w.notes.empty());
  ASSERT_EQ(w.labels.size(), 18u);
  EXPECT_DOUBLE_EQ(w.start_s, 10.0);
  EXPECT_DOUBLE_EQ(w.duration_s, 10.0);
  ASSERT_EQ(w.samples_uv.front().size(), 2560u);
  // Fp1-F7 = -F7, F7-T7 = +F7: the 10-Hz rhythm at full amplitude, opposite in phase.
  const auto& a = w.samples_uv[trace(w, "Fp1-F7")];
  const auto& b = w.samples_uv[trace(w, "F7-T7")];
  EXPECT_NEAR(peak(a), 50.0, 1.0);
  EXPECT_NEAR(peak(b), 50.0, 1.0);
  for (std::size_t i = 0; i < a.size(); ++i)
    ASSERT_NEAR(a[i], -b[i], 1e-6);
  // Zero-phase filters: the rhythm keeps its phase, sample for sample.
  for (std::size_t i = 0; i < b.size(); ++i)
    ASSERT_NEAR(b[i], 50.0 * std::sin(2.0 * kPi * 10.0 * (10.0 + static_cast<double>(i) / kFs)),
                1.0)
        << i;
  // The 50-Hz mains at O1 (in P3-O1 and P7-O1) is notched to under 5 % of its amplitude.
  EXPECT_LT(peak(w.samples_uv[trace(w, "P3-O1")]), 1.5);
  // A derivation of two silent electrodes stays silent.
  EXPECT_LT(peak(w.samples_uv[trace(w, "Fp2-F8")]), 1e-6);
  ASSERT_EQ(w.annotations.size(), 1u);
  EXPECT_EQ(w.annotations.front().text, "in the window");
}

TEST(EegWindow, AWindowRunningPastTheEndIsMovedInside) {
  const io::EdfReader reader(built_recording());
  const auto w = read_eeg_window(reader, 27.0, 10.0);
  EXPECT_DOUBLE_EQ(w.start_s, 20.0);
  EXPECT_DOUBLE_EQ(w.duration_s, 10.0);
  ASSERT_EQ(w.annotations.size(), 1u);
  EXPECT_EQ(w.annotations.front().text, "late note");
  EXPECT_THROW((void)read_eeg_window(reader, 0.0, 0.0), io::UsageError);
}

}  // namespace
}  // namespace eegtrack::pipeline
