// The quirks of vendor exports, on files built byte by byte. The vendor clips that show them
// (Nihon Kohden, XLTEK, BioSemi, a BDF+ with many annotation signals, a BCI2000 export with
// overlapping annotations) have no clear licence and are not shipped: these built files give
// the suite the same coverage on every machine (real_quirks_test.cpp reads the clips where a
// development machine has them). Expected values are the bytes the tests write, and EDFlib
// reads the files that the specification allows as the independent oracle.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"
#include "support/edf_compare.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace {

using namespace std::string_literals;
using eegtrack::io::EdfReader;
using eegtrack::io::FileType;
using eegtrack::test::RawAnnotation;
using eegtrack::test::RawEdfSpec;
using eegtrack::test::RawFormat;
using eegtrack::test::RawSignal;

std::filesystem::path write(const RawEdfSpec& spec, const std::string& name = "file.edf") {
  const auto path = eegtrack::test::scratch_dir() / name;
  eegtrack::test::write_raw_edf(path, spec);
  return path;
}

std::vector<std::int32_t> counting(std::size_t n, std::int32_t step = 1) {
  std::vector<std::int32_t> v(n);
  for (std::size_t k = 0; k < n; ++k)
    v[k] = static_cast<std::int32_t>(k % 2000) * step - 1000;
  return v;
}

bool any_contains(const std::vector<std::string>& notes, const std::string& part) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const auto& n) { return n.find(part) != std::string::npos; });
}

std::vector<std::string> texts(const EdfReader& reader) {
  std::vector<std::string> out;
  for (const auto& a : reader.annotations())
    out.push_back(a.text);
  return out;
}

// Nihon Kohden EDF+D export: declared discontinuous but contiguous; in record 1 the time-keeping
// TAL runs into the next TAL with no NUL between them; DC channels in mV beside EEG in uV.
RawEdfSpec nihon_kohden_like() {
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusD;
  spec.n_records = 3;
  auto eeg = eegtrack::test::raw_data_signal("EEG Fp1-Ref", 20, counting(60));
  auto dc = eegtrack::test::raw_data_signal("DC01", 20, counting(60, 3));
  dc.physical_dimension = "mV";
  dc.physical_min = "-12002.9";
  dc.physical_max = "12002.56";
  spec.signals = {eeg, dc, eegtrack::test::raw_annotation_signal(60)};
  spec.annotations = {{0, 0, 0.0, -1.0, "Segment: REC START ALLE EEG"}};
  spec.raw_tals = {{1, 0,
                    "+1.000000\x14\x14+1.140000\x14"
                    "A1+A2 OFF\x14\0"s}};
  return spec;
}

TEST(VendorQuirks, TalsWithoutNulSeparatorGiveBothAnnotations) {
  const EdfReader reader(write(nihon_kohden_like()));
  ASSERT_EQ(reader.annotations().size(), 2u);
  EXPECT_EQ(reader.annotations()[0].text, "Segment: REC START ALLE EEG");
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 0.0);
  EXPECT_EQ(reader.annotations()[1].text, "A1+A2 OFF");
  EXPECT_DOUBLE_EQ(reader.annotations()[1].onset_s, 1.14);
  bool tal_deviation = false;
  for (const auto& d : reader.deviations())
    tal_deviation = tal_deviation || d.location == "record 1 signal 2 TAL";
  EXPECT_TRUE(tal_deviation);
  EXPECT_TRUE(any_contains(reader.warnings(), "0x00 separator"));
}

TEST(VendorQuirks, ContiguousEdfPlusDIsOneSegment) {
  const EdfReader reader(write(nihon_kohden_like()));
  EXPECT_EQ(reader.header().file_type, FileType::EdfPlusD);
  EXPECT_EQ(reader.segments().size(), 1u);
  EXPECT_EQ(reader.record_onsets_s(), (std::vector<double>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(reader.duration_s(), 3.0);
}

TEST(VendorQuirks, MillivoltDcChannelIsDeliveredInMicrovolts) {
  const auto spec = nihon_kohden_like();
  const EdfReader reader(write(spec));
  const auto& dc = reader.header().signals.at(1);
  EXPECT_EQ(dc.unit, "uV");
  EXPECT_DOUBLE_EQ(dc.unit_scale, 1e3);
  std::vector<std::vector<double>> out;
  reader.read_records(0, 3, std::vector<int>{0, 1}, out);
  ASSERT_EQ(out.at(1).size(), 60u);
  for (std::size_t k = 0; k < 60; ++k) {
    EXPECT_NEAR(
        out[0][k],
        eegtrack::test::spec_physical(spec.signals[0].digital[k], -3276.8, 3276.7, -32768, 32767),
        1e-9);
    EXPECT_NEAR(out[1][k],
                1e3 * eegtrack::test::spec_physical(spec.signals[1].digital[k], -12002.9, 12002.56,
                                                    -32768, 32767),
                1e-6);
  }
}

// Nihon Kohden also writes TALs whose text is only a repetition of the onset; such a TAL marks
// nothing and is not an annotation (MNE lists them as annotations named "+2.000000").
TEST(VendorQuirks, TextsThatAreOnlyAnOnsetAreNotAnnotations) {
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusC;
  spec.n_records = 4;
  spec.signals = {eegtrack::test::raw_data_signal("EEG C4-Ref", 10, counting(40)),
                  eegtrack::test::raw_annotation_signal(60)};
  spec.raw_tals = {{2, 0, "+2\x14\x14\0+2\x14+2.000000\x14\0+2.5\x14high amp RDA F4, C4\x14\0"s},
                   {3, 0, "+3\x14\x14\0+3\x14starts turning head\x14\0"s}};
  const EdfReader reader(write(spec));
  EXPECT_EQ(texts(reader),
            (std::vector<std::string>{"high amp RDA F4, C4", "starts turning head"}));
  EXPECT_DOUBLE_EQ(reader.annotations().at(0).onset_s, 2.5);
  EXPECT_FALSE(reader.deviations().empty());
}

// A BDF+ with 15 annotation signals (an EDF+ export of a polysomnography system): annotations
// are collected from every one of them, in onset order, and EDFlib agrees.
TEST(VendorQuirks, BdfPlusReadsAllFifteenAnnotationSignals) {
  RawEdfSpec spec;
  spec.format = RawFormat::BdfPlusC;
  spec.n_records = 6;
  auto eeg = eegtrack::test::raw_data_signal("Fp1", 25, counting(150, 100));
  eeg.physical_min = "-262144";
  eeg.physical_max = "262144";
  eeg.digital_min = "-8388608";
  eeg.digital_max = "8388607";
  spec.signals = {eeg};
  for (int a = 0; a < 15; ++a) {
    auto annotation = eegtrack::test::raw_annotation_signal(30);
    annotation.digital_min = "-8388608";  // BDF+ asks the 24-bit range of annotation signals
    annotation.digital_max = "8388607";
    spec.signals.push_back(annotation);
  }
  std::vector<double> onsets;
  for (int a = 0; a < 15; ++a) {
    const int record = a % 6;
    const double onset = record + 0.1 * (a / 6) + 0.01;  // file order = onset order (EDFlib)
    spec.annotations.push_back({record, a, onset, -1.0, "mark " + std::to_string(a)});
    onsets.push_back(onset);
  }
  std::sort(onsets.begin(), onsets.end());
  const auto path = write(spec, "many_annotation_signals.bdf");
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().annotation_signals().size(), 15u);
  EXPECT_EQ(reader.header().data_signals().size(), 1u);
  ASSERT_EQ(reader.annotations().size(), 15u);
  for (std::size_t k = 0; k < onsets.size(); ++k)
    EXPECT_NEAR(reader.annotations()[k].onset_s, onsets[k], 1e-9);
  EXPECT_TRUE(reader.deviations().empty());
  eegtrack::test::expect_reader_matches_oracle(path);
}

// BioSemi's Status channel: trigger bits in a 24-bit signal whose physical range equals its
// digital range ("Boolean"). It is an ordinary signal: every value comes back exactly.
TEST(VendorQuirks, BiosemiStatusChannelIsAnOrdinary24BitSignal) {
  RawEdfSpec spec;
  spec.format = RawFormat::Bdf;
  spec.n_records = 2;
  spec.patient = "";
  spec.recording = "";
  std::vector<std::int32_t> status(1000);
  for (std::size_t k = 0; k < status.size(); ++k)
    status[k] = static_cast<std::int32_t>(0x00FF00 | ((k / 100) % 2 ? 0x01 : 0x00)) -
                (k % 7 == 0 ? 8388608 : 0);
  RawSignal s = eegtrack::test::raw_data_signal("Status", 500, status);
  s.physical_dimension = "Boolean";
  s.physical_min = "-8388608";
  s.physical_max = "8388607";
  s.digital_min = "-8388608";
  s.digital_max = "8388607";
  s.transducer = "Triggers and Status";
  auto eeg = eegtrack::test::raw_data_signal("A1", 500, counting(1000, 50));
  eeg.physical_min = "-262144";
  eeg.physical_max = "262143";
  eeg.digital_min = "-8388608";
  eeg.digital_max = "8388607";
  spec.signals = {eeg, s};
  const EdfReader reader(write(spec, "biosemi.bdf"));
  EXPECT_EQ(reader.header().file_type, FileType::Bdf);
  EXPECT_EQ(reader.header().bytes_per_sample, 3);
  EXPECT_EQ(reader.header().signals.at(1).label, "Status");
  EXPECT_EQ(reader.header().signals.at(1).unit, "Boolean");
  const auto chunks = reader.read_window(std::vector<int>{1}, 0.0, 2.0);
  ASSERT_EQ(chunks.size(), 1u);
  ASSERT_EQ(chunks[0].signals[0].samples.size(), status.size());
  for (std::size_t k = 0; k < status.size(); ++k)
    ASSERT_DOUBLE_EQ(chunks[0].signals[0].samples[k], static_cast<double>(status[k])) << k;
}

// XLTEK clip: a sub-second start (0.3945312 s in the first time-keeping TAL) at 512 Hz with an
// automatic spike mark; onsets are reported from the true start, as MNE does.
TEST(VendorQuirks, SubsecondStartAndSpikeMark) {
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusC;
  spec.n_records = 5;
  spec.start_offset_s = 0.3945312;
  spec.signals = {eegtrack::test::raw_data_signal("C3", 512, counting(5 * 512)),
                  eegtrack::test::raw_annotation_signal(60)};
  spec.annotations = {{2, 0, 0.3945312 + 1.9511719, -1.0, "XLSpike"},
                      {3, 0, 0.3945312 + 3.4921875, -1.0, "Clip Note"}};
  const auto path = write(spec);
  const EdfReader reader(path);
  EXPECT_NEAR(reader.header().start.subsecond_s, 0.3945312, 1e-9);
  ASSERT_EQ(reader.annotations().size(), 2u);
  EXPECT_NEAR(reader.annotations()[0].onset_s, 1.9511719, 1e-9);
  EXPECT_EQ(reader.annotations()[0].text, "XLSpike");
  EXPECT_NEAR(reader.annotations()[1].onset_s, 3.4921875, 1e-9);
  EXPECT_DOUBLE_EQ(reader.record_onsets_s().at(1), 1.0);
  EXPECT_TRUE(reader.deviations().empty());
}

// BCI2000 export: task annotations whose durations overlap the next ones. All are kept with
// their durations, in onset order; EDFlib agrees.
TEST(VendorQuirks, OverlappingAnnotationsAreAllKept) {
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusC;
  spec.n_records = 8;
  spec.signals = {eegtrack::test::raw_data_signal("Fc5.", 16, counting(8 * 16)),
                  eegtrack::test::raw_annotation_signal(80)};
  spec.annotations = {{0, 0, 0.0, 4.2, "T0"},
                      {0, 0, 3.9, 2.5, "T1"},
                      {1, 0, 4.2, 4.1, "T2"},
                      {5, 0, 6.0, 2.0, "T0"},
                      {7, 0, 7.5, 0.0, "T1"}};
  const auto path = write(spec);
  const EdfReader reader(path);
  const auto& a = reader.annotations();
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(texts(reader), (std::vector<std::string>{"T0", "T1", "T2", "T0", "T1"}));
  EXPECT_DOUBLE_EQ(a[1].onset_s, 3.9);
  EXPECT_DOUBLE_EQ(a[1].duration_s, 2.5);
  EXPECT_GT(a[0].onset_s + a[0].duration_s, a[1].onset_s);  // they do overlap
  EXPECT_DOUBLE_EQ(a[4].duration_s, 0.0);
  eegtrack::test::expect_reader_matches_oracle(path);
}

// Annotations written in records out of onset order (EDFlib lists them in file order) are
// delivered sorted by onset, ties in file order.
TEST(VendorQuirks, AnnotationsOutOfFileOrderAreSortedByOnset) {
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusC;
  spec.n_records = 4;
  spec.signals = {eegtrack::test::raw_data_signal("Cz..", 16, counting(4 * 16)),
                  eegtrack::test::raw_annotation_signal(80)};
  spec.annotations = {{0, 0, 2.5, 1.0, "late"},
                      {1, 0, 0.5, 3.0, "early"},
                      {3, 0, 2.5, -1.0, "tie"},
                      {2, 0, 1.0, 0.5, "middle"}};
  const EdfReader reader(write(spec));
  EXPECT_EQ(texts(reader), (std::vector<std::string>{"early", "middle", "late", "tie"}));
}

}  // namespace
