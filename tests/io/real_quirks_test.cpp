// Quirks of real recordings: the shipped ones (sample_edf, tests/data/eeg) and, where a
// development machine has them, the vendor clips of EEGTRACK_VENDOR_CLIP_DIR (vendor TAL faults,
// sub-second starts, BDF+ with many annotation signals, labels), which are not redistributable;
// vendor_quirks_test.cpp covers each of their quirks on built files. Reference values come from
// MNE-Python 1.3 (mne.read_annotations) and from the data READMEs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"

namespace {

using eegtrack::io::EdfReader;

// "format/..." are optional vendor clips, the others are shipped (see support/paths.hpp).
std::filesystem::path recording(const std::string& name) {
  return eegtrack::test::recording_path(name);
}

bool any_contains(const std::vector<std::string>& notes, const std::string& part) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const auto& n) { return n.find(part) != std::string::npos; });
}

int signal_index(const EdfReader& reader, const std::string& label) {
  const auto& signals = reader.header().signals;
  for (std::size_t i = 0; i < signals.size(); ++i) {
    if (signals[i].label == label)
      return static_cast<int>(i);
  }
  ADD_FAILURE() << "no signal " << label;
  return 0;
}

TEST(RealQuirks, NihonKohdenTalsWithoutNulGiveTwoAnnotations) {
  const auto path = recording("format/mne_NihonKohden_MB0400FU_edfplusD.EDF");
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  ASSERT_EQ(reader.annotations().size(), 2u);
  EXPECT_EQ(reader.annotations()[0].text, "Segment: REC START ALLE EEG");
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 0.0);
  EXPECT_EQ(reader.annotations()[1].text, "A1+A2 OFF");
  EXPECT_DOUBLE_EQ(reader.annotations()[1].onset_s, 1.14);
  bool tal_deviation = false;
  for (const auto& d : reader.deviations())
    tal_deviation = tal_deviation || d.location == "record 0 signal 25 TAL";
  EXPECT_TRUE(tal_deviation);
  EXPECT_TRUE(any_contains(reader.warnings(), "0x00 separator"));
  // Declared EDF+D, but its 29 records are contiguous: one segment.
  EXPECT_EQ(reader.segments().size(), 1u);
  EXPECT_EQ(reader.record_onsets_s().at(28), 28.0);
}

TEST(RealQuirks, NihonKohdenOnsetTextsAreNotAnnotations) {
  const auto path = recording("format/mne_nihonkohden_chtypes_5s.edf");
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  std::vector<std::string> texts;
  for (const auto& a : reader.annotations())
    texts.push_back(a.text);
  const std::vector<std::string> expected = {"Segment: REC START LTM+6 EEG", "A1+A2 OFF", "onset",
                                             "high amp RDA F4, C4", "starts turning head"};
  EXPECT_EQ(texts, expected);
}

TEST(RealQuirks, SubsecondStartMakesOnsetsRelativeToTrueStart) {
  const auto path = recording("format/mne_subsecond_starttime_xlspike_5s.edf");
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  EXPECT_NEAR(reader.header().start.subsecond_s, 0.3945312, 1e-9);
  EXPECT_EQ(reader.header().start.year, 2020);  // header "24.01.20"
  ASSERT_EQ(reader.annotations().size(), 2u);
  EXPECT_NEAR(reader.annotations()[0].onset_s, 1.9511719, 1e-9);  // MNE 1.3
  EXPECT_EQ(reader.annotations()[0].text, "XLSpike");
  EXPECT_NEAR(reader.annotations()[1].onset_s, 3.4921875, 1e-9);
  EXPECT_EQ(reader.annotations()[1].text, "Clip Note");
  EXPECT_DOUBLE_EQ(reader.record_onsets_s().at(1), 1.0);
}

TEST(RealQuirks, BdfPlusReadsAllAnnotationSignals) {
  const auto path = recording("format/mne_bdfplus_multiple_annotation_chans.bdf");
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().annotation_signals().size(), 15u);
  const std::vector<double> mne_onsets = {0.0,     22.488,  140.264, 142.672, 145.736,
                                          152.104, 152.296, 152.648, 158.36,  194.792};
  ASSERT_EQ(reader.annotations().size(), mne_onsets.size());
  for (std::size_t a = 0; a < mne_onsets.size(); ++a)
    EXPECT_NEAR(reader.annotations()[a].onset_s, mne_onsets[a], 1e-9);
  EXPECT_EQ(reader.annotations()[0].text, "signal_start");
  EXPECT_EQ(reader.annotations()[9].text, "Ligths-Off#1");
}

TEST(RealQuirks, BiosemiStatusChannelIsAnOrdinary24BitSignal) {
  const auto path = recording("format/mne_biosemi_test_bdf_stim_channel.bdf");
  EEGTRACK_REQUIRE_VENDOR_CLIP(path);
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().file_type, eegtrack::io::FileType::Bdf);
  EXPECT_EQ(reader.header().bytes_per_sample, 3);
  const int status = signal_index(reader, "Status");
  EXPECT_EQ(status, 3);
  const auto chunks = reader.read_window(std::vector<int>{status}, 0.0, 10.0);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].signals[0].samples.size(), 5000u);
}

TEST(RealQuirks, SleepEdfKeepsMixedRatesWithoutResampling) {
  const auto path = recording("sample/sleepedf_SC4001E0_first5min.edf");
  const EdfReader reader(path);
  EXPECT_DOUBLE_EQ(reader.header().record_duration_s, 30.0);
  const int eeg = signal_index(reader, "EEG Fpz-Cz");
  const int temp = signal_index(reader, "Temp rectal");
  EXPECT_DOUBLE_EQ(reader.header().signals[static_cast<std::size_t>(temp)].sample_rate_hz, 1.0);
  EXPECT_EQ(reader.header().signals[static_cast<std::size_t>(temp)].unit, "DegC");
  const auto chunks = reader.read_window(std::vector<int>{eeg, temp}, 10.0, 40.0);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].signals[0].samples.size(), 3000u);
  EXPECT_EQ(chunks[0].signals[1].samples.size(), 30u);
  EXPECT_DOUBLE_EQ(chunks[0].signals[1].start_s, 10.0);
  // Streaming in 60-s chunks gives the same samples as one window.
  eegtrack::io::ChunkReader stream(reader, {eeg, temp}, 60.0);
  eegtrack::io::Chunk chunk;
  std::vector<double> streamed_temp;
  int n_chunks = 0;
  while (stream.next(chunk)) {
    ++n_chunks;
    streamed_temp.insert(streamed_temp.end(), chunk.signals[1].samples.begin(),
                         chunk.signals[1].samples.end());
  }
  EXPECT_EQ(n_chunks, 5);
  const auto whole = reader.read_window(std::vector<int>{temp}, 0.0, 300.0);
  EXPECT_EQ(streamed_temp, whole.at(0).signals[0].samples);
}

TEST(RealQuirks, HypnogramIsAnnotationOnly) {
  const auto path = recording("sample/sleepedf_SC4001EC-Hypnogram.edf");
  const EdfReader reader(path);
  EXPECT_TRUE(reader.header().data_signals().empty());
  EXPECT_DOUBLE_EQ(reader.header().record_duration_s, 0.0);
  EXPECT_EQ(reader.header().start.year, 1989);
  ASSERT_EQ(reader.annotations().size(), 154u);
  EXPECT_EQ(reader.annotations()[0].text, "Sleep stage W");
  EXPECT_DOUBLE_EQ(reader.annotations()[0].duration_s, 30630.0);  // MNE 1.3
  EXPECT_DOUBLE_EQ(reader.annotations()[1].onset_s, 30630.0);
  EXPECT_THROW((void)eegtrack::io::require_data_signals(reader), eegtrack::io::EdfError);
}

TEST(RealQuirks, ChbMitDuplicateLabelIsKeptAndReported) {
  const auto path = recording("sample/chbmit_chb01_03_seizure_2995-3036s.edf");
  const EdfReader reader(path);
  const auto& s = reader.header().signals;
  EXPECT_EQ(std::count_if(s.begin(), s.end(), [](const auto& x) { return x.label == "T8-P8"; }), 2);
  EXPECT_TRUE(any_contains(reader.warnings(), "duplicate label 'T8-P8'"));
}

TEST(RealQuirks, EegmmidbTrailingDotsAreKeptAndReported) {
  const auto path = recording("sample/eegmmidb_S001R01_eyes_open.edf");
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().signals[0].label, "Fc5.");
  EXPECT_GE(signal_index(reader, "Cz.."), 0);
  bool found = false;
  for (const auto& d : reader.deviations())
    found = found || (d.location == "signal 0 (label)" && d.message.find("Fc5.") != d.message.npos);
  EXPECT_TRUE(found);
}

// First 64 samples of a few channels, read by MNE 1.3 (tools/reference/generate_reader_golden.py).
TEST(RealQuirks, SamplesMatchMne) {
  std::ifstream csv(eegtrack::test::test_data_dir() / "reader_mne_samples.csv");
  ASSERT_TRUE(csv.good());
  std::map<std::pair<std::string, std::string>, std::vector<double>> golden;
  std::string line;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::stringstream row(line);
    std::string file, channel, index, value;
    std::getline(row, file, ',');
    std::getline(row, channel, ',');
    std::getline(row, index, ',');
    std::getline(row, value, ',');
    golden[{file, channel}].push_back(std::stod(value));
  }
  ASSERT_EQ(golden.size(), 10u);
  for (const auto& [key, expected] : golden) {
    const auto path = recording(key.first);
    if (!std::filesystem::exists(path)) {
      std::printf("optional vendor clip absent, not compared: %s\n", key.first.c_str());
      continue;
    }
    const EdfReader reader(path);
    std::vector<std::vector<double>> out;
    reader.read_records(0, 1, std::vector<int>{signal_index(reader, key.second)}, out);
    ASSERT_GE(out[0].size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k)
      ASSERT_NEAR(out[0][k], expected[k], 1e-9 * std::max(1.0, std::fabs(expected[k])))
          << key.first << " " << key.second << " sample " << k;
  }
}

}  // namespace
