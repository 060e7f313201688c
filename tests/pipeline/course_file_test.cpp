// The course file of `eegtrack followup`: a complete file reads into the expected course, and
// every validation error names the file, the line and the field.
#include "eegtrack/pipeline/course_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

class CourseFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("eegtrack_course_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "eeg");
    fs::copy_file(test::eeg_path("seizure/chbmit_chb01_04_ictal.edf"), dir_ / "eeg" / "d14.edf");
  }
  void TearDown() override {
    if (!HasFailure())
      fs::remove_all(dir_);
  }
  fs::path write(const std::string& text) {
    const auto path = dir_ / "course.yaml";
    std::ofstream(path) << text;
    return path;
  }
  // The error message of reading `text`, or "" when it reads.
  std::string error_of(const std::string& text) {
    try {
      (void)read_course_file(write(text));
    } catch (const CourseFileError& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

constexpr const char* kHead =
    "patient: P-017\n"
    "infusion: 2026-01-05T10:00\n";

TEST_F(CourseFile, ACompleteFileReadsIntoTheCourse) {
  const auto path = write(std::string(kHead) +
                          "product: axi-cel\n"
                          "eeg:\n"
                          "  - {file: eeg/d14.edf, at: 2026-01-19T15:30, sedation: propofol}\n"
                          "assessments:\n"
                          "  - at: 2026-01-19T08:00\n"
                          "    ice: 0\n"
                          "    consciousness: unarousable\n"
                          "    sedated: false\n"
                          "    seizure: none\n"
                          "    motor_weakness: false\n"
                          "    edema: none\n"
                          "    temperature_c: 37.2\n"
                          "    hypotension: none\n"
                          "    oxygen: none\n"
                          "    note: coma\n"
                          "  - at: 2026-01-08\n"
                          "    ice_items: {orientation: 3, naming: 3, commands: 1, writing: 0, "
                          "attention: 1}\n"
                          "    temperature_c: 38.9\n"
                          "    hypotension: no_vasopressor\n"
                          "treatments:\n"
                          "  - {drug: Anakinra, dose: 100, unit: mg, route: sc, every_h: 6, "
                          "start: 2026-01-19, stop: 2026-01-22}\n"
                          "  - {drug: tocilizumab, dose: 8, unit: mg/kg, start: 2026-01-08T12:00}\n"
                          "labs:\n"
                          "  - {at: 2026-01-19T06:00, ldh: [612, U/L], creatinine: [88, umol/L], "
                          "platelets: [74, 10^9/L], crp: [96, mg/L], ferritin: [2100, ug/L]}\n"
                          "car_t:\n"
                          "  - {at: 2026-02-14, value: 310, unit: cells/uL}\n");
  const auto c = read_course_file(path);
  EXPECT_EQ(c.patient, "P-017");
  EXPECT_EQ(c.product, "axi-cel");
  EXPECT_EQ(clinical::format_local_time(c.infusion), "2026-01-05T10:00:00");
  ASSERT_EQ(c.recordings.size(), 1U);
  EXPECT_EQ(fs::path(c.recordings[0].file), dir_ / "eeg" / "d14.edf");
  EXPECT_EQ(c.recordings[0].label, "d14.edf");
  EXPECT_EQ(c.recordings[0].sedation, "propofol");
  EXPECT_EQ(clinical::format_local_time(*c.recordings[0].at), "2026-01-19T15:30:00");
  ASSERT_EQ(c.assessments.size(), 2U);  // sorted by time: day 3 first
  EXPECT_EQ(*c.assessments[0].ice, 8);  // from the items
  EXPECT_EQ(c.assessments[0].hypotension, clinical::Hypotension::NoVasopressor);
  EXPECT_EQ(*c.assessments[1].ice, 0);
  EXPECT_EQ(*c.assessments[1].consciousness, clinical::Consciousness::Unarousable);
  EXPECT_EQ(c.assessments[1].note, "coma");
  ASSERT_EQ(c.treatments.size(), 2U);
  EXPECT_EQ(c.treatments[0].drug, "anakinra");
  EXPECT_EQ(clinical::format_local_time(c.treatments[0].stop), "2026-01-23T00:00:00");
  EXPECT_EQ(c.treatments[1].start, c.treatments[1].stop);  // one dose
  ASSERT_EQ(c.labs.size(), 1U);
  EXPECT_EQ(c.labs[0].values.size(), 5U);
  EXPECT_EQ(c.labs[0].values[3].unit, "mg/L");
  ASSERT_EQ(c.car_t.size(), 1U);
  EXPECT_DOUBLE_EQ(c.car_t[0].value, 310.0);
}

TEST_F(CourseFile, EveryProblemNamesTheFileTheLineAndTheField) {
  const std::string file = (dir_ / "course.yaml").string() + ": ";
  const std::string assess = std::string(kHead) + "assessments:\n  - at: 2026-01-19T08:00\n";
  const std::pair<std::string, std::string> cases[] = {
      {std::string(kHead) + "mrn: 123\n", "line 3: mrn: unknown key 'mrn'"},
      {"infusion: 2026-01-05\n", "line 1: patient: required"},
      {"patient: P\ninfusion: 5 Jan 2026\n",
       "line 2: infusion: '5 Jan 2026' is not an ISO 8601 date (YYYY-MM-DD) or date-time "
       "(YYYY-MM-DDTHH:MM[:SS])"},
      {assess + "    ice: 11\n", "line 5: assessments[0].ice: 11 is out of range 0-10"},
      {assess + "    ice: 7.5\n", "line 5: assessments[0].ice: expected a whole number, got 7.5"},
      {assess + "    ice: 9\n    ice_items: {orientation: 4, naming: 3, commands: 1, writing: "
                "0, attention: 0}\n",
       "line 5: assessments[0].ice: total 9 disagrees with the items, which sum to 8"},
      {assess + "    ice_items: {orientation: 5, naming: 3, commands: 1, writing: 0, "
                "attention: 0}\n",
       "line 5: assessments[0].ice_items.orientation: 5 is out of range 0-4"},
      {assess + "    consciousness: drowsy\n",
       "line 5: assessments[0].consciousness: 'drowsy' is not one of awake, voice, tactile, "
       "unarousable"},
      {assess + "    temperature_c: 98.6\n",
       "line 5: assessments[0].temperature_c: 98.6 is out of range 25-45"},
      {assess + "    sedated: maybe\n", "line 5: assessments[0].sedated: expected true or false"},
      {assess + "    gcs: 7\n", "line 5: assessments[0].gcs: unknown key 'gcs'"},
      {std::string(kHead) + "labs:\n  - {at: 2026-01-19, crp: [96, mmol/L]}\n",
       "line 4: labs[0].crp: unit 'mmol/L' is not accepted (crp in mg/dL or a unit "
       "docs/course-file.md lists)"},
      {std::string(kHead) + "labs:\n  - {at: 2026-01-19, crp: 96}\n",
       "line 4: labs[0].crp: expected [value, unit], e.g. [96, mg/L]"},
      {std::string(kHead) + "labs:\n  - {at: 2026-01-19, platelets: [-4, 10^9/L]}\n",
       "line 4: labs[0].platelets: -4 is out of range 0-1e+09"},
      {std::string(kHead) + "labs:\n  - {at: 2026-01-19, troponin: [4, ng/L]}\n",
       "line 4: labs[0].troponin: unknown key 'troponin' (analytes: ldh, creatinine, platelets, "
       "crp, ferritin, il6)"},
      {std::string(kHead) + "car_t:\n  - {at: 2026-01-01, value: 3, unit: cells/uL}\n",
       "line 4: car_t[0].at: a CAR-T count before the infusion"},
      {std::string(kHead) + "treatments:\n  - {drug: anakinra, dose: 100, start: 2026-01-19}\n",
       "line 4: treatments[0].unit: required"},
      {std::string(kHead) +
           "treatments:\n  - {drug: anakinra, start: 2026-01-19, stop: 2026-01-18}\n",
       "line 4: treatments[0].stop: stops before it starts (2026-01-19)"},
      {std::string(kHead) + "eeg:\n  - {file: eeg/missing.edf}\n",
       "line 4: eeg[0].file: EEG file '" + (dir_ / "eeg/missing.edf").string() +
           "' does not exist"},
      {std::string(kHead) + "eeg: {file: x.edf}\n", "line 3: eeg: expected a list"},
      {"patient: [unclosed\n", "line 2: not valid YAML: end of sequence flow not found"},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), file + expected) << text;
}

// Found by fuzzing (fuzz/course_file_fuzzer.cpp): a brace lost in a flow mapping turns "[612,
// U/L]" into a key; yaml-cpp's conversion of that key to text threw its own exception, which
// escaped read_course_file without the file, the line or the field.
TEST_F(CourseFile, AKeyThatIsNotAWordIsNamed) {
  const std::string file = (dir_ / "course.yaml").string() + ": ";
  const std::string problem = "a key must be a word (this one is a list, a mapping or empty)";
  const std::pair<std::string, std::string> cases[] = {
      // The fuzzer's reproducer, with the recording of this fixture.
      {std::string(kHead) +
           "eeg:\n  - {file: eeg/d14.edf,  [612, U/L], creatinine: [88, umol/L]}\n",
       "line 4: eeg[0]: " + problem},
      {std::string(kHead) + "labs:\n  - {at: 2026-01-19, [612, U/L]: 3}\n",
       "line 4: labs[0]: " + problem},
      {std::string(kHead) + "{a: 1}: x\n", "line 3: " + problem},
      {std::string(kHead) + "~: x\n", "line 3: " + problem},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), file + expected) << text;
}

TEST_F(CourseFile, AnUnreadableEegFileIsNamed) {
  std::ofstream(dir_ / "eeg" / "broken.edf") << "not an EDF header";
  const auto message = error_of(std::string(kHead) + "eeg:\n  - {file: eeg/broken.edf}\n");
  EXPECT_NE(message.find("line 4: eeg[0].file: EEG file cannot be read: "), std::string::npos)
      << message;
  EXPECT_NE(message.find("broken.edf"), std::string::npos);
}

TEST_F(CourseFile, AnEegNameTooLongToLookUpIsNamed) {
  // A component longer than NAME_MAX makes the file system refuse the lookup itself (a fuzzing
  // finding: the std::filesystem error escaped the reader).
  const std::string name(300, 'x');
  const auto message = error_of(std::string(kHead) + "eeg:\n  - {file: eeg/" + name + ".edf}\n");
  EXPECT_NE(message.find("line 4: eeg[0].file: EEG file '"), std::string::npos) << message;
  EXPECT_NE(message.find("' cannot be looked up: File name too long"), std::string::npos)
      << message;
}

TEST_F(CourseFile, AMissingCourseFileIsNamed) {
  try {
    (void)read_course_file(dir_ / "nope.yaml");
    FAIL();
  } catch (const CourseFileError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir_ / "nope.yaml").string() + ": cannot open the course file");
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
