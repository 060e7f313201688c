// Every real recording the project ships (sample_edf/, tests/data/eeg/) opens with the type,
// signal counts, rate, duration and annotation count listed in its folder's README (measured
// with an independent reader); so do the optional vendor clips where a machine has them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"

namespace {

using eegtrack::io::EdfReader;
using eegtrack::io::FileType;

struct Expected {
  const char* file;
  FileType type;
  int signals;
  int data_signals;
  double rate_hz;  // of the first data signal; 0 if none
  double duration_s;
  std::size_t annotations;
};

const Expected kFiles[] = {
    {"sample/chbmit_chb01_03_interictal_0-41s.edf", FileType::Edf, 23, 23, 256, 41, 0},
    {"sample/chbmit_chb01_03_seizure_2995-3036s.edf", FileType::Edf, 23, 23, 256, 41, 0},
    {"sample/eegmat_Subject00_1_rest_eyes_closed.edf", FileType::EdfPlusC, 22, 21, 500, 182, 1},
    {"sample/eegmmidb_S001R01_eyes_open.edf", FileType::EdfPlusC, 65, 64, 160, 61, 1},
    {"sample/sleepedf_SC4001E0_first5min.edf", FileType::Edf, 7, 7, 100, 300, 0},
    {"sample/sleepedf_SC4001EC-Hypnogram.edf", FileType::EdfPlusC, 1, 0, 0, 0, 154},
    {"normal/eegmat_Subject00_2_mental_arithmetic.edf", FileType::EdfPlusC, 22, 21, 500, 62, 1},
    {"normal/eegmat_Subject01_2_mental_arithmetic.edf", FileType::EdfPlusC, 22, 21, 500, 62, 1},
    {"normal/eegmat_Subject03_1_rest_eyes_closed.edf", FileType::EdfPlusC, 22, 21, 500, 182, 0},
    {"normal/eegmat_Subject05_1_rest_eyes_closed.edf", FileType::EdfPlusC, 22, 21, 500, 182, 0},
    {"normal/eegmat_Subject07_1_rest_eyes_closed.edf", FileType::EdfPlusC, 22, 21, 500, 182, 0},
    {"seizure/chbmit_chb01_03_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 40, 0},
    {"seizure/chbmit_chb01_03_postictal_shift60.edf", FileType::EdfPlusC, 24, 23, 256, 40, 0},
    {"seizure/chbmit_chb01_04_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 27, 0},
    {"seizure/chbmit_chb01_04_postictal_shift60.edf", FileType::EdfPlusC, 24, 23, 256, 27, 0},
    {"seizure/chbmit_chb01_15_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 40, 0},
    {"seizure/chbmit_chb01_15_postictal_shift60.edf", FileType::EdfPlusC, 24, 23, 256, 40, 0},
    {"seizure/chbmit_chb01_16_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 51, 0},
    {"seizure/chbmit_chb01_16_postictal_shift60.edf", FileType::EdfPlusC, 24, 23, 256, 51, 0},
    {"seizure/chbmit_chb01_18_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 90, 0},
    {"seizure/chbmit_chb01_21_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 93, 0},
    {"seizure/chbmit_chb01_26_ictal.edf", FileType::EdfPlusC, 24, 23, 256, 101, 0},
    {"format/mne_NihonKohden_MB0400FU_edfplusD.EDF", FileType::EdfPlusD, 26, 25, 200, 29, 2},
    {"format/mne_bdfplus_multiple_annotation_chans.bdf", FileType::BdfPlusC, 34, 19, 125, 247, 10},
    {"format/mne_biosemi_test_bdf_stim_channel.bdf", FileType::Bdf, 4, 4, 500, 10, 0},
    {"format/mne_eegmmidb_overlapping_annotations.edf", FileType::EdfPlusC, 65, 64, 128, 124, 38},
    {"format/mne_nihonkohden_chtypes_5s.edf", FileType::EdfPlusC, 43, 42, 200, 5, 5},
    {"format/mne_subsecond_starttime_xlspike_5s.edf", FileType::EdfPlusC, 4, 3, 512, 5, 2},
};

std::filesystem::path recording(const std::string& name) {
  return eegtrack::test::recording_path(name);
}

class RealFile : public ::testing::TestWithParam<Expected> {};

TEST_P(RealFile, MatchesTheReadmeTable) {
  const Expected& e = GetParam();
  const auto path = recording(e.file);
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  const auto& h = reader.header();
  EXPECT_EQ(h.file_type, e.type);
  EXPECT_EQ(static_cast<int>(h.signals.size()), e.signals);
  const auto data = h.data_signals();
  ASSERT_EQ(static_cast<int>(data.size()), e.data_signals);
  if (!data.empty()) {
    EXPECT_DOUBLE_EQ(h.signals[static_cast<std::size_t>(data[0])].sample_rate_hz, e.rate_hz);
  }
  EXPECT_NEAR(reader.duration_s(), e.duration_s, 1e-9);
  EXPECT_EQ(reader.annotations().size(), e.annotations);
  // The header alone (no TAL read) says the same of the file's type and signals.
  const auto alone = eegtrack::io::read_header(path);
  EXPECT_EQ(alone.file_type, h.file_type);
  EXPECT_EQ(alone.signals.size(), h.signals.size());
  EXPECT_EQ(alone.data_signals(), data);
  EXPECT_EQ(alone.n_records, h.n_records);
  EXPECT_TRUE(std::is_sorted(reader.annotations().begin(), reader.annotations().end(),
                             [](const auto& a, const auto& b) { return a.onset_s < b.onset_s; }));
  // Every data sample of the file decodes to a finite value, in one chunk per segment.
  if (data.empty())
    return;
  const auto chunks = reader.read_window(data, 0.0, reader.duration_s());
  EXPECT_EQ(chunks.size(), reader.segments().size());
  std::int64_t n = 0;
  for (const auto& chunk : chunks) {
    for (const auto& s : chunk.signals) {
      n += static_cast<std::int64_t>(s.samples.size());
      EXPECT_TRUE(std::all_of(s.samples.begin(), s.samples.end(),
                              [](double v) { return std::isfinite(v); }));
    }
  }
  std::int64_t expected = 0;
  for (int s : data)
    expected += h.n_records * h.signals[static_cast<std::size_t>(s)].samples_per_record;
  EXPECT_EQ(n, expected);
}

INSTANTIATE_TEST_SUITE_P(SharedEeg, RealFile, ::testing::ValuesIn(kFiles), [](const auto& test) {
  std::string name = test.param.file;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
});

}  // namespace
