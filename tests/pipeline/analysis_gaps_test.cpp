// analyze_recording on an EDF+D file: epochs restart at each segment, continuity and the
// spectrogram never bridge the gap, and the gap costs no data on either side.
#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::pipeline {
namespace {

// 30 s of a real recording, a 70-s gap, then the next 30 s (records at 0..29 and 100..129 s).
std::filesystem::path gapped_real_file(const std::filesystem::path& source) {
  const auto r = test::load_eeg(source, 60.0);
  const auto spr = static_cast<int>(std::lround(r.sample_rate_hz));
  test::RawEdfSpec spec;
  spec.format = test::RawFormat::EdfPlusD;
  spec.n_records = 60;
  for (int k = 0; k < 60; ++k)
    spec.record_onsets_s.push_back(k < 30 ? k : 70 + k);
  for (std::size_t c = 0; c < r.labels.size(); ++c) {
    std::vector<std::int32_t> digital;  // physical = 0.1 * digital with the default ranges
    for (std::size_t i = 0; i < static_cast<std::size_t>(60 * spr); ++i)
      digital.push_back(static_cast<std::int32_t>(std::lround(r.x[c][i] * 10.0)));
    spec.signals.push_back(test::raw_data_signal(r.labels[c], spr, std::move(digital)));
  }
  spec.signals.push_back(test::raw_annotation_signal(30));
  const auto path = test::scratch_dir() / "gapped_real.edf";
  test::write_raw_edf(path, spec);
  return path;
}

TEST(AnalysisGaps, EpochsContinuityAndSpectrogramRespectSegments) {
  const auto source = test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf");
  const io::EdfReader reader(gapped_real_file(source));
  ASSERT_EQ(reader.segments().size(), 2u);
  const auto a = analyze_recording(reader, AnalyzeParams{});
  // 30 s per segment holds seven 4-s epochs; the last 2 s of each are dropped.
  ASSERT_EQ(a.epochs.size(), 14u);
  for (std::size_t i = 0; i < 14; ++i) {
    const double expected =
        i < 7 ? 4.0 * static_cast<double>(i) : 100.0 + 4.0 * (static_cast<double>(i) - 7.0);
    EXPECT_NEAR(a.epochs.onset_s[i], expected, 1e-9) << i;
    EXPECT_EQ(a.epochs.segment[i], i < 7 ? 0 : 1) << i;
  }
  // Continuity covers exactly the epochs' data; no period crosses the gap.
  EXPECT_NEAR(a.continuity.analyzed_s, 56.0, 1e-6);
  for (const auto& period : a.continuity.periods) {
    const double end = period.start_s + period.duration_s;
    EXPECT_TRUE(end <= 28.0 + 1e-6 || period.start_s >= 100.0 - 1e-6)
        << period.start_s << " + " << period.duration_s;
  }
  // One spectrogram column per segment (30-s columns), centred on its own epochs.
  ASSERT_EQ(a.spectrogram.time_s.size(), 2u);
  EXPECT_NEAR(a.spectrogram.time_s[0], 14.0, 1e-9);
  EXPECT_NEAR(a.spectrogram.time_s[1], 114.0, 1e-9);
  ASSERT_TRUE(a.pdr.present);
  EXPECT_NEAR(a.pdr.frequency_hz, 10.5, 0.5);
}

}  // namespace
}  // namespace eegtrack::pipeline
