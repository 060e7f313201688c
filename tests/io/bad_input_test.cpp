// The bad-input corpus: each broken file is built byte by byte and must be refused with an
// EdfError that names the file and the problem (or, where the spec allows repair, read with a
// deviation in the strict report).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/lower_case.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::io {
namespace {

using test::lower;

using test::FieldOverride;
using test::RawEdfSpec;

// A valid EDF+C file: 2 one-second records, one 4-Hz signal and an annotation signal.
RawEdfSpec valid() {
  RawEdfSpec spec;
  spec.n_records = 2;
  spec.signals = {test::raw_data_signal("Cz", 4, {1, -2, 3, -4, 5, -6, 7, -8}),
                  test::raw_annotation_signal(30)};
  return spec;
}

// Opening path must throw EdfError whose message names the path and contains word.
void expect_refused(const std::filesystem::path& path, const std::string& word) {
  try {
    const EdfReader reader(path);
    ADD_FAILURE() << "no EdfError for " << path;
  } catch (const EdfError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path.string()), std::string::npos) << what;
    EXPECT_NE(lower(what).find(lower(word)), std::string::npos) << what;
    EXPECT_EQ(e.path(), path);
  }
}

std::filesystem::path build(const RawEdfSpec& spec, const char* name = "bad.edf") {
  auto path = test::scratch_dir() / name;
  test::write_raw_edf(path, spec);
  return path;
}

RawEdfSpec with(FieldOverride o, RawEdfSpec spec = valid()) {
  spec.overrides.push_back(std::move(o));
  return spec;
}

TEST(BadInput, ValidBaselineOpens) {
  const EdfReader reader(build(valid()));
  EXPECT_EQ(reader.header().n_records, 2);
  EXPECT_TRUE(reader.deviations().empty());
}

TEST(BadInput, RandomTextIsNotAnEdf) {
  const auto path = test::scratch_dir() / "notes.edf";
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "The quick brown fox jumps over the lazy dog. ";
  test::write_bytes(path, text);
  expect_refused(path, "not an EDF");
}

TEST(BadInput, PngIsNotAnEdf) {
  const auto path = test::scratch_dir() / "image.edf";
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\rIHDR", 8) + std::string(1000, '\0');
  test::write_bytes(path, png);
  expect_refused(path, "not an EDF");
}

TEST(BadInput, FileShorterThanFixedHeader) {
  auto spec = valid();
  const std::string bytes = test::build_raw_edf(spec).substr(0, 100);
  const auto path = test::scratch_dir() / "short.edf";
  test::write_bytes(path, bytes);
  expect_refused(path, "256-byte header");
}

TEST(BadInput, FileShorterThanSignalHeaders) {
  const std::string bytes = test::build_raw_edf(valid()).substr(0, 400);
  const auto path = test::scratch_dir() / "short.edf";
  test::write_bytes(path, bytes);
  expect_refused(path, "truncated header");
}

TEST(BadInput, TruncatedData) {
  auto spec = valid();
  spec.truncate_bytes = 3;  // the second record loses its last bytes
  expect_refused(build(spec), "truncated");
}

TEST(BadInput, RecordCountMinusOneWithPartialRecord) {
  auto spec = with({.field = "n_records", .text = "-1"});
  spec.truncate_bytes = 5;
  expect_refused(build(spec), "-1");
}

TEST(BadInput, RecordCountMinusOneWithWholeRecordsIsRead) {
  auto spec = with({.field = "n_records", .text = "-1"});
  const EdfReader reader(build(spec));
  EXPECT_EQ(reader.header().n_records, 2);
  EXPECT_FALSE(reader.warnings().empty());
  ASSERT_FALSE(reader.deviations().empty());
  EXPECT_NE(reader.deviations()[0].location.find("number of records"), std::string::npos);
}

TEST(BadInput, NumberOfSignalsNotANumber) {
  expect_refused(build(with({.field = "n_signals", .text = "abc"})), "number of signals");
}

TEST(BadInput, PhysicalMinimumNotANumber) {
  expect_refused(build(with({.field = "physical_min", .text = "1.2.3", .signal = 0})),
                 "physical minimum");
}

TEST(BadInput, RecordDurationNotANumber) {
  expect_refused(build(with({.field = "record_duration", .text = "one"})), "record duration");
}

TEST(BadInput, ZeroSamplesPerRecord) {
  expect_refused(build(with({.field = "samples_per_record", .text = "0", .signal = 0})),
                 "samples per record");
}

TEST(BadInput, NegativeSamplesPerRecord) {
  expect_refused(build(with({.field = "samples_per_record", .text = "-4", .signal = 0})),
                 "samples per record");
}

TEST(BadInput, DigitalMinimumNotBelowMaximum) {
  auto spec = valid();
  spec.signals[0].digital_min = "100";
  spec.signals[0].digital_max = "100";
  expect_refused(build(spec), "digital minimum");
}

TEST(BadInput, PhysicalMinimumEqualsMaximum) {
  auto spec = valid();
  spec.signals[0].physical_min = "50";
  spec.signals[0].physical_max = "50";
  expect_refused(build(spec), "physical minimum");
}

TEST(BadInput, NegativeRecordDuration) {
  expect_refused(build(with({.field = "record_duration", .text = "-1"})), "record duration");
}

TEST(BadInput, HeaderSizeDisagreesWithSignals) {
  expect_refused(build(with({.field = "header_bytes", .text = "512"})), "header");
}

TEST(BadInput, AnnotationOnlyFileHasNoDataSignals) {
  RawEdfSpec spec;
  spec.n_records = 3;
  spec.signals = {test::raw_annotation_signal(30)};
  spec.annotations = {{.record = 1, .onset_s = 1.5, .text = "note"}};
  const auto path = build(spec);
  const EdfReader reader(path);
  EXPECT_EQ(reader.annotations().size(), 1u);
  try {
    (void)require_data_signals(reader);
    ADD_FAILURE() << "no EdfError";
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_NE(lower(e.what()).find("signal"), std::string::npos) << e.what();
  }
}

TEST(BadInput, DirectoryIsRefused) {
  const auto dir = test::scratch_dir();
  expect_refused(dir, "");
}

TEST(BadInput, MissingFileIsRefused) {
  expect_refused(test::scratch_dir() / "does-not-exist.edf", "");
}

TEST(BadInput, HostileLabelsDoNotCrash) {
  auto spec = valid();
  // Control characters in the label, a UTF-8 sequence cut by the 16-byte field, escape codes
  // in the patient field, and a very long UTF-8 annotation.
  spec.signals[0].label = std::string("C\x01z\x1b[2J\x7f", 8) + "\xe2\x82\xac\xe2\x82\xac\xe2";
  spec.patient = "\x1b]0;pwn\x07 X X X";
  spec.signals[1].samples_per_record = 1200;
  std::string long_text;
  for (int i = 0; i < 500; ++i)
    long_text += "\xce\xbc";  // µ, 1000 bytes
  spec.annotations = {{.record = 0, .onset_s = 0.25, .text = long_text}};
  const EdfReader reader(build(spec));
  ASSERT_EQ(reader.header().signals.size(), 2u);
  const auto& d = reader.deviations();
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const Deviation& x) {
    return x.location.find("label") != std::string::npos;
  }));
  ASSERT_EQ(reader.annotations().size(), 1u);
  EXPECT_EQ(reader.annotations()[0].text, long_text);
}

TEST(StrictReport, EdflibWrittenFileHasNoDeviations) {
  const auto path = test::scratch_dir() / "clean.edf";
  const std::vector<std::vector<double>> x = {std::vector<double>(256 * 3, 1.0),
                                              std::vector<double>(64 * 3, 2.0)};
  write_edf(path,
            {.start = {.year = 2022, .month = 12, .day = 31},
             .patient_code = "MCH-0234567",
             .patient_name = "Haagse_Harry",
             .technician = "tech"},
            {{.label = "EEG Fp1", .samples_per_record = 256},
             {.label = "Resp", .physical_dimension = "mV", .samples_per_record = 64}},
            x, std::vector<Annotation>{{1.0, 0.0, "event"}});
  const EdfReader reader(path);
  for (const auto& d : reader.deviations())
    ADD_FAILURE() << d.location << ": " << d.message;
  EXPECT_TRUE(reader.warnings().empty());
}

TEST(StrictReport, NonAsciiHeaderByteHasLocation) {
  auto spec = valid();
  spec.patient = "X X X M\xfcller";
  const EdfReader reader(build(spec));
  const auto& d = reader.deviations();
  EXPECT_TRUE(std::any_of(
      d.begin(), d.end(),
      [](const Deviation& x) { return x.location.find("patient") != std::string::npos; }))
      << "deviations: " << d.size();
}

TEST(StrictReport, LowercaseStartdateSubfieldHasLocation) {
  auto spec = valid();
  spec.recording = "Startdate 01-jan-2024 X X X";
  const EdfReader reader(build(spec));
  const auto& d = reader.deviations();
  EXPECT_TRUE(std::any_of(
      d.begin(), d.end(),
      [](const Deviation& x) { return x.location.find("recording") != std::string::npos; }))
      << "deviations: " << d.size();
}

TEST(StrictReport, TrailingDotLabelIsReportedWithDeviation) {
  auto spec = valid();
  spec.signals[0].label = "Cz..";
  const EdfReader reader(build(spec));
  EXPECT_EQ(reader.header().signals[0].label, "Cz..");
  const auto& d = reader.deviations();
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const Deviation& x) {
    return x.location.find("signal 0") != std::string::npos &&
           x.location.find("label") != std::string::npos;
  }));
}

}  // namespace
}  // namespace eegtrack::io
