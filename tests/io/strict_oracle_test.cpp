// --strict against EDFlib, the oracle: for each reproducer of the hardening issue's defect 11
// (annotation signal range, a 1-ms onset jitter in EDF+C, no data records) EDFlib refuses the
// file and our strict validation reports a deviation at the right place; the unpatched file is
// accepted by both. The impossible date 31.02.23 is refused in every mode
// (HostileInput.ImpossibleCalendarDateIsRefused) and by EDFlib (checked here too).
#include <gtest/gtest.h>

#include <string>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/edflib_oracle.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

using test::PatchedRecording;

constexpr int kPhysMinField = 3;
constexpr int kPhysMaxField = 4;
constexpr int kDigMinField = 5;
constexpr int kDigMaxField = 6;

PatchedRecording chb01() {
  return PatchedRecording(test::eeg_path("seizure/chbmit_chb01_03_ictal.edf"));
}

std::string deviations_of(const EdfReader& reader) {
  std::string all;
  for (const auto& d : reader.deviations())
    all += d.location + ": " + d.message + "\n";
  return all;
}

// EDFlib refuses the file; our reader opens it (tolerant) and lists a deviation naming
// `location` whose message holds `words`.
void expect_strict_like_edflib(const std::filesystem::path& path, const std::string& location,
                               const std::string& words) {
  EXPECT_NE(test::edflib_open_code(path), 0) << "EDFlib accepts " << path;
  const EdfReader reader(path);
  const auto all = deviations_of(reader);
  bool found = false;
  for (const auto& d : reader.deviations())
    found = found || (d.location.find(location) != std::string::npos &&
                      d.message.find(words) != std::string::npos);
  EXPECT_TRUE(found) << "no deviation at " << location << " with '" << words << "' in:\n" << all;
}

// The recording has one deviation of its own (a duplicate label, which EDFlib does not check);
// each reproducer must add its own.
TEST(StrictOracle, UnpatchedFileIsAcceptedByBoth) {
  const auto path = chb01().write("plain.edf");
  EXPECT_EQ(test::edflib_open_code(path), 0);
  EXPECT_EQ(deviations_of(EdfReader(path)), "signal 22 (label): duplicate label 'T8-P8'\n");
}

TEST(StrictOracle, AnnotationSignalRangeIsChecked) {
  const int annotation = chb01().signal_count() - 1;
  {
    auto file = chb01();
    file.signal_field(annotation, kDigMinField, "-32767");
    expect_strict_like_edflib(file.write("digmin.edf"), "signal " + std::to_string(annotation),
                              "annotation signal");
  }
  {
    auto file = chb01();
    file.signal_field(annotation, kDigMaxField, "255");
    expect_strict_like_edflib(file.write("digmax.edf"), "signal " + std::to_string(annotation),
                              "annotation signal");
  }
  {
    auto file = chb01();
    file.signal_field(annotation, kPhysMinField, "1");
    file.signal_field(annotation, kPhysMaxField, "1");
    expect_strict_like_edflib(file.write("phys.edf"), "signal " + std::to_string(annotation),
                              "annotation signal");
  }
}

TEST(StrictOracle, OneMillisecondOnsetJitterInEdfPlusC) {
  const int annotation = chb01().signal_count() - 1;
  auto file = chb01();
  const std::size_t at = file.sample_offset(5, annotation);
  ASSERT_EQ(file.bytes().substr(at, 5), std::string("+5\x14\x14\0", 5));
  const std::string jittered("+5.001\x14\x14\0", 9);
  file.bytes().replace(at, jittered.size(), jittered);
  const auto path = file.write("jitter.edf");
  expect_strict_like_edflib(path, "record 5 TAL", "0.001");
  // Tolerant reading still keeps one segment: the jitter is far below a sample period.
  EXPECT_EQ(EdfReader(path).segments().size(), 1U);
}

TEST(StrictOracle, ZeroRecordsIsADeviation) {
  auto file = chb01();
  file.fixed(236, 8, "0");
  file.truncate(static_cast<std::size_t>(file.header_bytes()));
  const auto path = file.write("zero.edf");
  EXPECT_NE(test::edflib_open_code(path), 0);
  try {
    const EdfReader reader(path);
    EXPECT_NE(deviations_of(reader).find("number of records"), std::string::npos)
        << deviations_of(reader);
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find("no data records"), std::string::npos) << e.what();
  }
}

// Here EDFlib is no oracle: it checks only that the day is 1-31 and opens the file. We refuse
// it in every mode, since every time derived from a date that does not exist is wrong.
TEST(StrictOracle, ImpossibleDateIsRefusedThoughEdflibOpensIt) {
  auto file = chb01();
  file.fixed(168, 8, "31.02.23");
  file.fixed(88, 80, "Startdate 31-FEB-2023 X X X");
  const auto path = file.write("date.edf");
  EXPECT_EQ(test::edflib_open_code(path), 0);
  EXPECT_THROW(EdfReader{path}, EdfError);
}

}  // namespace
}  // namespace eegtrack::io
