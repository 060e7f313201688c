// Reader behaviour on byte-exact synthetic files (tests/support/raw_edf): scaling, units, BDF
// 24-bit samples, EDF+D segments, windows and chunks. Expected values come from the spec
// formula applied to the digital values written, never from the reader.
#include "eegtrack/io/edf_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace {

using namespace eegtrack::io;
using eegtrack::test::RawEdfSpec;
using eegtrack::test::RawFormat;

std::vector<std::int32_t> ramp(std::size_t n, std::int32_t first = 0) {
  std::vector<std::int32_t> v(n);
  std::iota(v.begin(), v.end(), first);
  return v;
}

// EDF+ file with one 10-Hz ramp signal, 1-s records at the given TAL onsets.
RawEdfSpec ramp_file(RawFormat format, const std::vector<double>& onsets) {
  RawEdfSpec spec;
  spec.format = format;
  spec.n_records = static_cast<std::int64_t>(onsets.size());
  spec.record_onsets_s = onsets;
  spec.signals = {eegtrack::test::raw_data_signal("EEG Cz", 10, ramp(onsets.size() * 10)),
                  eegtrack::test::raw_annotation_signal()};
  return spec;
}

std::filesystem::path write(const RawEdfSpec& spec) {
  const auto path = eegtrack::test::scratch_dir() / "file.edf";
  eegtrack::test::write_raw_edf(path, spec);
  return path;
}

bool has_deviation(const EdfReader& r, const std::string& location_part) {
  for (const auto& d : r.deviations()) {
    if (d.location.find(location_part) != std::string::npos)
      return true;
  }
  return false;
}

TEST(EdfReader, ScalesBySpecFormulaWithNegativeGain) {
  RawEdfSpec spec;
  spec.format = RawFormat::Edf;
  spec.n_records = 2;
  auto s = eegtrack::test::raw_data_signal("EEG Fp1", 5,
                                           {-2048, -1, 0, 1, 2047, 7, -7, 100, -100, 1000});
  s.physical_min = "200";  // physical max below physical min: inverted polarity, legal
  s.physical_max = "-100";
  s.digital_min = "-2048";
  s.digital_max = "2047";
  spec.signals = {s};
  const EdfReader reader(write(spec));
  EXPECT_TRUE(reader.deviations().empty());
  std::vector<std::vector<double>> out;
  reader.read_records(0, 2, std::vector<int>{0}, out);
  ASSERT_EQ(out.at(0).size(), 10u);
  for (std::size_t k = 0; k < 10; ++k)
    EXPECT_NEAR(out[0][k], eegtrack::test::spec_physical(s.digital[k], 200, -100, -2048, 2047),
                1e-12);
  EXPECT_LT(reader.header().signals[0].gain, 0.0);
}

TEST(EdfReader, ConvertsVoltageUnitsToMicrovolts) {
  const std::pair<std::string, double> units[] = {
      {"nV", 1e-3}, {"uV", 1.0}, {"\xC2\xB5V", 1.0}, {"\xCE\xBCV", 1.0}, {"\xB5V", 1.0},
      {"mV", 1e3},  {"V", 1e6},  {"MV", 1.0},        {"DegC", 1.0}};
  RawEdfSpec spec;
  spec.format = RawFormat::Edf;
  for (std::size_t i = 0; i < std::size(units); ++i) {
    auto s = eegtrack::test::raw_data_signal("S" + std::to_string(i), 1, {1000});
    s.physical_dimension = units[i].first;
    spec.signals.push_back(s);
  }
  const EdfReader reader(write(spec));
  std::vector<int> all(std::size(units));
  std::iota(all.begin(), all.end(), 0);
  std::vector<std::vector<double>> out;
  reader.read_records(0, 1, all, out);
  const double physical = eegtrack::test::spec_physical(1000, -3276.8, 3276.7, -32768, 32767);
  for (std::size_t i = 0; i < std::size(units); ++i) {
    const auto& info = reader.header().signals[i];
    EXPECT_DOUBLE_EQ(info.unit_scale, units[i].second) << units[i].first;
    EXPECT_NEAR(out[i][0], physical * units[i].second, 1e-9 * units[i].second) << units[i].first;
    const bool voltage = units[i].first != "MV" && units[i].first != "DegC";
    EXPECT_EQ(info.unit, voltage ? "uV" : units[i].first);
  }
  EXPECT_TRUE(has_deviation(reader, "signal 4 (physical dimension)"));  // Latin-1 byte
}

TEST(EdfReader, DecodesBdf24BitTwosComplement) {
  RawEdfSpec spec;
  spec.format = RawFormat::BdfPlusC;
  auto s = eegtrack::test::raw_data_signal("C3", 4, {-8388608, -1, 1, 8388607});
  s.physical_min = "-262144";
  s.physical_max = "262144";  // 8-character field
  s.digital_min = "-8388608";
  s.digital_max = "8388607";
  spec.signals = {s, eegtrack::test::raw_annotation_signal(20)};
  const EdfReader reader(write(spec));
  EXPECT_EQ(reader.header().file_type, FileType::BdfPlusC);
  EXPECT_EQ(reader.header().bytes_per_sample, 3);
  EXPECT_TRUE(reader.deviations().empty());
  std::vector<std::vector<double>> out;
  reader.read_records(0, 1, std::vector<int>{0}, out);
  for (std::size_t k = 0; k < 4; ++k)
    EXPECT_NEAR(out[0][k],
                eegtrack::test::spec_physical(s.digital[k], -262144, 262144, -8388608, 8388607),
                1e-9);
}

TEST(EdfReader, SplitsEdfPlusDAtGapsAndNeverConcatenates) {
  const EdfReader reader(write(ramp_file(RawFormat::EdfPlusD, {0, 1, 2, 5.5, 6.5})));
  ASSERT_EQ(reader.segments().size(), 2u);
  EXPECT_DOUBLE_EQ(reader.segments()[0].onset_s, 0.0);
  EXPECT_EQ(reader.segments()[0].n_records, 3);
  EXPECT_DOUBLE_EQ(reader.segments()[1].onset_s, 5.5);
  EXPECT_EQ(reader.segments()[1].first_record, 3);
  EXPECT_DOUBLE_EQ(reader.duration_s(), 7.5);
  EXPECT_EQ(reader.record_onsets_s(), (std::vector<double>{0, 1, 2, 5.5, 6.5}));
  EXPECT_TRUE(reader.deviations().empty());
  // [2.5, 6) touches the end of segment 0 and the start of segment 1.
  const auto chunks = reader.read_window(std::vector<int>{0}, 2.5, 6.0);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].segment, 0u);
  EXPECT_DOUBLE_EQ(chunks[0].signals[0].start_s, 2.5);
  ASSERT_EQ(chunks[0].signals[0].samples.size(), 5u);
  EXPECT_NEAR(chunks[0].signals[0].samples[0], 25 * 0.1, 1e-9);  // digital 25, 0.1 uV/bit
  EXPECT_EQ(chunks[1].segment, 1u);
  EXPECT_DOUBLE_EQ(chunks[1].signals[0].start_s, 5.5);
  ASSERT_EQ(chunks[1].signals[0].samples.size(), 5u);
  EXPECT_NEAR(chunks[1].signals[0].samples[0], 30 * 0.1, 1e-9);  // first sample of record 3
}

TEST(EdfReader, ReportsGapInContinuousFileAndReadsItAsSegments) {
  const EdfReader reader(write(ramp_file(RawFormat::EdfPlusC, {0, 1, 3})));
  EXPECT_EQ(reader.segments().size(), 2u);
  EXPECT_TRUE(has_deviation(reader, "record 2 TAL"));
  EXPECT_FALSE(reader.warnings().empty());
}

TEST(EdfReader, WindowIncludesSampleAtStartAndExcludesSampleAtEnd) {
  const EdfReader reader(write(ramp_file(RawFormat::EdfPlusC, {0, 1, 2})));
  const auto chunks = reader.read_window(std::vector<int>{0}, 0.3, 1.7);
  ASSERT_EQ(chunks.size(), 1u);
  const auto& s = chunks[0].signals[0];
  EXPECT_DOUBLE_EQ(s.start_s, 0.3);
  ASSERT_EQ(s.samples.size(), 14u);  // samples 3 .. 16 (t = 0.3 .. 1.6), 1.7 excluded
  EXPECT_NEAR(s.samples.front(), 0.3, 1e-9);
  EXPECT_NEAR(s.samples.back(), 1.6, 1e-9);
  EXPECT_TRUE(reader.read_window(std::vector<int>{0}, 0.31, 0.39).empty());
  EXPECT_TRUE(reader.read_window(std::vector<int>{0}, 3.0, 4.0).empty());
  EXPECT_THROW((void)reader.read_window(std::vector<int>{0}, 2.0, 1.0), UsageError);
  EXPECT_THROW((void)reader.read_window(std::vector<int>{1}, 0.0, 1.0), UsageError);
}

TEST(EdfReader, ChunksEqualTheWholeWindow) {
  const EdfReader reader(write(ramp_file(RawFormat::EdfPlusD, {0, 1, 2, 3, 4, 10, 11, 12})));
  ChunkReader chunks(reader, {0}, 2.0);
  Chunk chunk;
  std::vector<std::pair<std::size_t, double>> starts;
  std::vector<double> streamed;
  while (chunks.next(chunk)) {
    starts.emplace_back(chunk.segment, chunk.signals[0].start_s);
    streamed.insert(streamed.end(), chunk.signals[0].samples.begin(),
                    chunk.signals[0].samples.end());
  }
  const std::vector<std::pair<std::size_t, double>> expected_starts = {
      {0, 0.0}, {0, 2.0}, {0, 4.0}, {1, 10.0}, {1, 12.0}};
  EXPECT_EQ(starts, expected_starts);
  std::vector<double> whole;
  for (const auto& c : reader.read_window(std::vector<int>{0}, 0.0, 13.0))
    whole.insert(whole.end(), c.signals[0].samples.begin(), c.signals[0].samples.end());
  EXPECT_EQ(streamed, whole);
  EXPECT_EQ(whole.size(), 80u);
  EXPECT_THROW(ChunkReader(reader, {0}, 0.0), UsageError);
}

TEST(EdfReader, SubsecondStartShiftsAnnotationsAndRecords) {
  auto spec = ramp_file(RawFormat::EdfPlusC, {0.25, 1.25, 2.25});
  spec.annotations = {{1, 0, 1.75, 0.5, "Spike"}};
  const EdfReader reader(write(spec));
  EXPECT_DOUBLE_EQ(reader.header().start.subsecond_s, 0.25);
  EXPECT_EQ(to_iso8601(reader.header().start), "2024-01-01T10:00:00.250000");
  EXPECT_EQ(reader.record_onsets_s(), (std::vector<double>{0, 1, 2}));
  ASSERT_EQ(reader.annotations().size(), 1u);
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 1.5);
  EXPECT_DOUBLE_EQ(reader.annotations()[0].duration_s, 0.5);
  EXPECT_EQ(reader.annotations()[0].text, "Spike");
}

TEST(EdfReader, PivotsTwoDigitYearsAt1985AndPrefersRecordingYear) {
  auto spec = ramp_file(RawFormat::Edf, {0});
  spec.startdate = "31.12.84";
  EXPECT_EQ(EdfReader(write(spec)).header().start.year, 2084);
  spec.startdate = "31.12.85";
  EXPECT_EQ(EdfReader(write(spec)).header().start.year, 1985);
  spec = ramp_file(RawFormat::EdfPlusC, {0});
  spec.startdate = "02.03.89";
  spec.recording = "Startdate 02-MAR-2089 X X X";
  const EdfReader reader(write(spec));
  EXPECT_EQ(reader.header().start.year, 2089);
  EXPECT_TRUE(reader.deviations().empty());
}

TEST(EdfReader, CountsRecordsWhenHeaderSaysMinusOne) {
  auto spec = ramp_file(RawFormat::EdfPlusC, {0, 1, 2});
  spec.overrides = {{"n_records", "-1"}};
  const EdfReader reader(write(spec));
  EXPECT_EQ(reader.header().n_records, 3);
  EXPECT_TRUE(has_deviation(reader, "number of records"));
  EXPECT_FALSE(reader.warnings().empty());
  spec.truncate_bytes = 7;
  EXPECT_THROW(EdfReader(write(spec)), EdfError);
}

TEST(EdfReader, KeepsDottedAndDuplicateLabelsAsWritten) {
  RawEdfSpec spec;
  spec.format = RawFormat::Edf;
  spec.signals = {eegtrack::test::raw_data_signal("Fc5.", 1, {0}),
                  eegtrack::test::raw_data_signal("T8-P8", 1, {0}),
                  eegtrack::test::raw_data_signal("T8-P8", 1, {0})};
  const EdfReader reader(write(spec));
  EXPECT_EQ(reader.header().signals[0].label, "Fc5.");
  EXPECT_EQ(reader.header().signals[2].label, "T8-P8");
  EXPECT_TRUE(has_deviation(reader, "signal 0 (label)"));
  EXPECT_TRUE(has_deviation(reader, "signal 2 (label)"));
  // Only the duplicate is worth a warning: the dotted label is read as written.
  EXPECT_EQ(reader.warnings().size(), 1u);
}

TEST(EdfReader, ReportsHeaderDeviationsWithLocation) {
  auto spec = ramp_file(RawFormat::EdfPlusC, {0});
  spec.overrides = {{"startdate", "01/01/24"}, {"label", " EEG Cz", 0}, {"reserved", "EDF+Cx"}};
  const EdfReader reader(write(spec));
  EXPECT_TRUE(has_deviation(reader, "header byte 168 (startdate)"));
  EXPECT_TRUE(has_deviation(reader, "signal 0 (label)"));
  EXPECT_TRUE(has_deviation(reader, "header byte 192 (reserved)"));
  EXPECT_EQ(reader.header().signals[0].label, "EEG Cz");
}

}  // namespace
