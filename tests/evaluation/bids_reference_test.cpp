// Reference annotations of a BIDS dataset in the SzCORE convention, one events table per
// recording.
#include "eegtrack/evaluation/bids_reference.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace eegtrack::evaluation {
namespace {

const char* const kName = "sub-07_ses-01_task-szMonitoring_run-03_events.tsv";

TEST(EvaluationBidsReference, SeizuresPatientAndEegFileFromTheEventsTable) {
  const auto r = reference_from_bids_events(
      "onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration\n"
      "0.00\t2996.00\tbckg\tn/a\tn/a\t2076-11-06 11:43:04\t3600.00\n"
      "2996.00\t40.00\tsz_foc_ia\tn/a\tn/a\t2076-11-06 11:43:04\t3600.00\n",
      kName, kName);
  EXPECT_EQ(r.file, "sub-07_ses-01_task-szMonitoring_run-03_eeg.edf");
  EXPECT_EQ(r.patient, "sub-07");
  EXPECT_EQ(r.kind, RecordingKind::Ictal);
  ASSERT_EQ(r.seizures.size(), 1u);
  EXPECT_DOUBLE_EQ(r.seizures[0].onset_s, 2996.0);
  EXPECT_DOUBLE_EQ(r.seizures[0].offset_s, 3036.0);
}

TEST(EvaluationBidsReference, BackgroundOnlyIsInterictalAndOtherNamesAreRefused) {
  const auto r = reference_from_bids_events("onset\tduration\teventType\n0\t3600\tbckg\n",
                                            "sub-02_run-00_events.tsv", "x");
  EXPECT_EQ(r.kind, RecordingKind::Interictal);
  EXPECT_EQ(r.patient, "sub-02");
  EXPECT_TRUE(r.seizures.empty());
  EXPECT_THROW((void)reference_from_bids_events("", "events.tsv", "x"), std::runtime_error);
  EXPECT_THROW((void)reference_from_bids_events("", "sub-02_run-00_eeg.tsv", "x"),
               std::runtime_error);
}

}  // namespace
}  // namespace eegtrack::evaluation
