// Files the reader must refuse with an EdfError that names the file and the problem.
#include <gtest/gtest.h>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace {

using eegtrack::io::EdfError;
using eegtrack::io::EdfReader;
using eegtrack::test::RawEdfSpec;

RawEdfSpec small_file() {
  RawEdfSpec spec;
  spec.n_records = 2;
  spec.signals = {eegtrack::test::raw_data_signal("EEG Cz", 4, {1, 2, 3, 4, 5, 6, 7, 8}),
                  eegtrack::test::raw_annotation_signal()};
  return spec;
}

// Message of the EdfError thrown when opening spec; fails the test when nothing is thrown.
std::string error_of(const RawEdfSpec& spec) {
  const auto path = eegtrack::test::scratch_dir() / "bad.edf";
  eegtrack::test::write_raw_edf(path, spec);
  try {
    EdfReader reader(path);
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos);
    return e.what();
  }
  ADD_FAILURE() << "no EdfError";
  return {};
}

TEST(ReaderErrors, NamesMissingFile) {
  EXPECT_THROW(EdfReader("/nonexistent/file.edf"), EdfError);
}

TEST(ReaderErrors, RejectsNonEdfBytes) {
  const auto path = eegtrack::test::scratch_dir() / "text.edf";
  eegtrack::test::write_bytes(path, std::string(300, 'x'));
  EXPECT_THROW(EdfReader{path}, EdfError);
  eegtrack::test::write_bytes(path, "0       short");
  EXPECT_THROW(EdfReader{path}, EdfError);
  EXPECT_THROW((void)eegtrack::io::read_header(path), EdfError);  // the header alone too
  EXPECT_THROW((void)eegtrack::io::read_header("/nonexistent/file.edf"), EdfError);
}

TEST(ReaderErrors, SaysHowManyRecordsATruncatedFileHolds) {
  auto spec = small_file();
  spec.truncate_bytes = 10;
  const auto message = error_of(spec);
  EXPECT_NE(message.find("declares 2"), std::string::npos) << message;
  EXPECT_NE(message.find("holds 1"), std::string::npos) << message;
}

TEST(ReaderErrors, NamesTheBrokenSignalField) {
  auto spec = small_file();
  spec.overrides = {{"digital_min", "40000", 0}};
  EXPECT_NE(error_of(spec).find("signal 0 (digital minimum)"), std::string::npos);
  spec.overrides = {{"physical_max", "-3276.8", 0}};
  EXPECT_NE(error_of(spec).find("signal 0 (physical minimum)"), std::string::npos);
  spec.overrides = {{"samples_per_record", "abc", 0}};
  EXPECT_NE(error_of(spec).find("signal 0 (samples per record)"), std::string::npos);
}

TEST(ReaderErrors, RejectsInconsistentHeaderSizeAndDuration) {
  auto spec = small_file();
  spec.overrides = {{"header_bytes", "512"}};
  EXPECT_NE(error_of(spec).find("header bytes"), std::string::npos);
  spec.overrides = {{"record_duration", "-1"}};
  EXPECT_NE(error_of(spec).find("record duration"), std::string::npos);
  spec.overrides = {{"record_duration", "0"}};
  EXPECT_NE(error_of(spec).find("record duration"), std::string::npos);
}

TEST(ReaderErrors, RequiresDataSignalsOnlyWhenAsked) {
  RawEdfSpec spec;
  spec.record_duration = "0";
  spec.signals = {eegtrack::test::raw_annotation_signal()};
  const auto path = eegtrack::test::scratch_dir() / "annotations.edf";
  eegtrack::test::write_raw_edf(path, spec);
  const EdfReader reader(path);
  EXPECT_TRUE(reader.segments().empty());
  EXPECT_THROW((void)eegtrack::io::require_data_signals(reader), EdfError);
}

}  // namespace
