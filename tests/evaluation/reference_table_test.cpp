// Reading reference tables in both layouts of the CHB-MIT windows, and the errors for bad input.
#include "eegtrack/evaluation/reference_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace eegtrack::evaluation {
namespace {

std::string error_of(const std::string& text) {
  try {
    (void)parse_reference_table(text, "events.csv");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(EvaluationReferenceTable, PatientColumnLayout) {
  const auto refs = parse_reference_table(
      "file,kind,patient,record,seizure_onset_in_file_s,seizure_offset_in_file_s,duration_s\n"
      "chbmit_chb01_03_ictal.edf,ictal,chb01,chb01_03,0.0,40.0,40.0\n"
      "chbmit_chb01_03_postictal_shift60.edf,postictal,chb01,chb01_03,,,40.0\n",
      "events.csv");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].file, "chbmit_chb01_03_ictal.edf");
  EXPECT_EQ(refs[0].patient, "chb01");
  EXPECT_EQ(refs[0].kind, RecordingKind::Ictal);
  ASSERT_EQ(refs[0].seizures.size(), 1u);
  EXPECT_DOUBLE_EQ(refs[0].seizures[0].offset_s, 40.0);
  EXPECT_EQ(refs[1].kind, RecordingKind::PostIctal);
  EXPECT_TRUE(refs[1].seizures.empty());
}

TEST(EvaluationReferenceTable, RecordColumnLayoutWithShiftedWindows) {
  const auto refs = parse_reference_table(
      "file,kind,chbmit_record,window_start_in_record_s,seizure_onset_in_file_s,"
      "seizure_offset_in_file_s\r\n"
      "a_ictal.edf,ictal,chb12_03.edf,2996,0.0,27.5\r\n"
      "a_post.edf,shifted60,chb12_03.edf,3056,,\r\n",
      "events.csv");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].patient, "chb12");
  EXPECT_DOUBLE_EQ(refs[0].seizures[0].offset_s, 27.5);
  EXPECT_EQ(refs[1].kind, RecordingKind::PostIctal);
}

TEST(EvaluationReferenceTable, TabSeparatedRowsOfOneFileAreOneRecording) {
  const auto refs = parse_reference_table(
      "file\tkind\tpatient\tseizure_onset_in_file_s\tseizure_offset_in_file_s\n"
      "long.edf\tictal\tp3\t100\t140\n"
      "long.edf\tictal\tp3\t900\t960\n",
      "events.tsv");
  ASSERT_EQ(refs.size(), 1u);
  ASSERT_EQ(refs[0].seizures.size(), 2u);
  EXPECT_EQ(parse_reference_table("file,kind,patient,seizure_onset_in_file_s,"
                                  "seizure_offset_in_file_s\nquiet.edf,interictal,p3,,\n",
                                  "events.csv")[0]
                .kind,
            RecordingKind::Interictal);
  EXPECT_DOUBLE_EQ(refs[0].seizures[1].onset_s, 900.0);
}

TEST(EvaluationReferenceTable, ErrorsNameTheFileLineAndField) {
  const std::string header = "file,kind,patient,seizure_onset_in_file_s,seizure_offset_in_file_s\n";
  EXPECT_EQ(error_of("file,patient,seizure_onset_in_file_s,seizure_offset_in_file_s\n"),
            "events.csv: no column 'kind' in the header");
  EXPECT_EQ(error_of("file,kind,seizure_onset_in_file_s,seizure_offset_in_file_s\n"),
            "events.csv: no column 'patient' (nor 'record' or 'chbmit_record' to take the "
            "patient from)");
  EXPECT_EQ(error_of(header + "a.edf,ictal,p1,zero,40\n"),
            "events.csv line 2, field 'seizure_onset_in_file_s': 'zero' is not a number of "
            "seconds");
  EXPECT_EQ(error_of(header + "a.edf,ictal,p1,,40\n"),
            "events.csv line 2, field 'seizure_onset_in_file_s': empty, expected seconds");
  EXPECT_EQ(error_of(header + "a.edf,ictal,p1,50,40\n"),
            "events.csv line 2, field 'seizure_offset_in_file_s': 40 is not after the onset 50");
  EXPECT_EQ(error_of(header + "a.edf,awake,p1,,\n"),
            "events.csv line 2, field 'kind': kind 'awake' is not one of ictal, postictal, "
            "shifted60, interictal");
  EXPECT_EQ(error_of(header + "a.edf,postictal,p1,0,10\n"),
            "events.csv line 2, field 'kind': a postictal row gives a seizure; mark it ictal or "
            "leave the times empty");
  EXPECT_EQ(error_of(header + "a.edf,ictal,p1,0,10,extra\n"),
            "events.csv line 2: 6 fields, the header has 5");
  EXPECT_EQ(error_of(""), "events.csv: empty, expected a header line");
}

}  // namespace
}  // namespace eegtrack::evaluation
