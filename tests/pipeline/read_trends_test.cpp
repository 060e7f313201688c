// read_recording_trends on a store written by the pipeline: per-epoch band trends that add up
// to the whole 1-30 Hz power, the rejected share from the mask against the analysis's kept
// fraction, the clean flags and /trends as computed, region maps of the spectrogram, and a
// clear error for a file that is no store.
#include "eegtrack/pipeline/read_trends.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/pipeline/hdf5_store.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

struct Stored {
  RecordingAnalysis analysis;
  std::filesystem::path store;
};

Stored analyse_into_store(const std::filesystem::path& edf) {
  const io::EdfReader reader(edf);
  const AnalyzeParams params;
  Stored out;
  out.store = test::scratch_dir() / "rec.h5";
  Hdf5Store store(out.store);
  out.analysis = analyze_recording(reader, params, &store);
  const auto provenance = recording_provenance(reader);
  store.finish(out.analysis, params, provenance, summary_json(out.analysis, params, provenance));
  return out;
}

TEST(ReadTrends, StoreReadsBackAsPerEpochTrends) {
  const auto s =
      analyse_into_store(test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"));
  const auto& a = s.analysis;
  const auto t = read_recording_trends(s.store);
  ASSERT_EQ(t.size(), a.epochs.size());
  EXPECT_EQ(t.layout_version, "2.0");
  EXPECT_DOUBLE_EQ(t.epoch_s, 4.0);
  EXPECT_EQ(t.clean, a.epochs.clean);
  for (std::size_t e = 0; e < t.size(); ++e)
    EXPECT_NEAR(t.rejected_fraction[e], 1.0 - a.epochs.kept_fraction[e], 1e-12) << e;
  // delta, theta, alpha and beta tile 1-30 Hz: each channel's relative powers add up to 1, and
  // so do their channel means.
  ASSERT_EQ(t.bands.size(), 4u);
  for (std::size_t e = 0; e < t.size(); ++e) {
    double sum = 0.0;
    for (const auto& b : t.bands)
      sum += b.relative[e];
    if (a.epochs.kept_fraction[e] > 0.0) {
      EXPECT_NEAR(sum, 1.0, 1e-9) << "epoch " << e;
    }
  }
  ASSERT_EQ(t.regions.size(), 5u);  // 19 channels of the 10-20 system: every region
  EXPECT_EQ(t.regions.front().region, sites::Region::Frontal);
  EXPECT_EQ(t.regions.back().region, sites::Region::Occipital);
  EXPECT_EQ(t.bsr, a.trends.bsr);
  EXPECT_EQ(t.bsi, a.trends.bsi);
  EXPECT_EQ(t.slow_asymmetry, a.trends.slow_asymmetry);
  ASSERT_EQ(t.region_asymmetry.size(), a.trends.regions.size());
  EXPECT_DOUBLE_EQ(t.bsr_window_s, 63.0);
  // Spectrogram: all channels, then the five regions; eyes closed, the occipital map holds
  // more alpha (8-13 Hz) than the frontal one.
  ASSERT_EQ(t.spectrograms.size(), 6u);
  EXPECT_FALSE(t.spectrograms.front().region.has_value());
  EXPECT_EQ(t.spectrograms.front().n_channels, 19u);
  const std::size_t nf = t.spectrogram_frequencies_hz.size();
  ASSERT_GT(nf, 0u);
  const auto alpha_of = [&](const findings::SpectrogramMap& m) {
    double sum = 0.0;
    for (std::size_t w = 0; w < t.spectrogram_time_s.size(); ++w)
      for (std::size_t k = 0; k < nf; ++k)
        if (t.spectrogram_frequencies_hz[k] >= 8.0 && t.spectrogram_frequencies_hz[k] <= 13.0)
          sum += m.power_uv2_per_hz[w * nf + k];
    return sum;
  };
  EXPECT_GT(alpha_of(t.spectrograms.back()), 2.0 * alpha_of(t.spectrograms[1]));
  ASSERT_EQ(t.channel_relative_delta.size(), 19u);
  EXPECT_TRUE(t.channel_relative_delta.front().value.has_value());
}

TEST(ReadTrends, NotAStoreIsAFileErrorNamingTheFile) {
  const auto path = test::scratch_dir() / "not.h5";
  std::ofstream(path) << "plain text";
  try {
    (void)read_recording_trends(path);
    FAIL() << "no error";
  } catch (const FindingsFileError& e) {
    EXPECT_NE(std::string(e.what()).find("not.h5"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
