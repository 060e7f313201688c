// Reading the seizure events of an analyze events table: eegtrack's BIDS table (`type`), the
// SzCORE convention (`eventType`) and the table written before the two were told apart.
#include "eegtrack/evaluation/detection_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace eegtrack::evaluation {
namespace {

// The events table eegtrack analyze wrote before it was split into BIDS and SzCORE tables.
const char* const kHeader =
    "onset\tduration\teventType\tconfidence\tchannels\tside\tregion\tfocus\tfrequency\t"
    "modifiers\tdateTime\trecordingDuration\n";

TEST(EvaluationDetectionTable, ReadsTheBidsTableByItsTypeColumn) {
  const auto table = parse_events_tsv(
      "onset\tduration\ttype\tconfidence\tchannels\tside\tregion\tfocus\tfrequency_hz\t"
      "modifiers\n"
      "3.500\t0.060\tspike\t0.400\tT7-avg\tleft\ttemporal\tT7\tn/a\tn/a\n"
      "12.000\t31.098\tseizure\t0.800\tF4-C4\tright\tfrontal\tF4\t2.80\tassembled\n",
      "b.events.tsv");
  ASSERT_EQ(table.seizures.size(), 1u);
  EXPECT_DOUBLE_EQ(table.seizures[0].onset_s, 12.0);
  EXPECT_DOUBLE_EQ(table.seizures[0].offset_s, 43.098);
  EXPECT_FALSE(table.recording_duration_s.has_value());
}

TEST(EvaluationDetectionTable, KeepsSeizuresAndTheRecordingDuration) {
  const auto table = parse_events_tsv(
      std::string(kHeader) +
          "0.000\t29.000\tseizure\t0.800\tF4-C4\tright\ttemporal\tT8\t2.82\tn/a\tn/a\t40.000\n"
          "22.926\t7.172\tGPD\t0.500\tF8-T8\tbilateral\tfrontal\tF8\t1.67\tn/a\tn/a\t40.000\n",
      "x.events.tsv");
  ASSERT_EQ(table.seizures.size(), 1u);
  EXPECT_DOUBLE_EQ(table.seizures[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(table.seizures[0].offset_s, 29.0);
  ASSERT_TRUE(table.recording_duration_s.has_value());
  EXPECT_DOUBLE_EQ(*table.recording_duration_s, 40.0);
}

TEST(EvaluationDetectionTable, SzcoreLabelsAreSeizuresAndAnEmptyTableHasNoDuration) {
  EXPECT_TRUE(is_seizure_event_type("sz_foc_ia"));
  EXPECT_TRUE(is_seizure_event_type("seizure"));
  EXPECT_FALSE(is_seizure_event_type("bckg"));
  EXPECT_FALSE(is_seizure_event_type("GRDA"));
  const auto empty = parse_events_tsv(kHeader, "x.events.tsv");
  EXPECT_TRUE(empty.seizures.empty());
  EXPECT_FALSE(empty.recording_duration_s.has_value());
  const auto minimal = parse_events_tsv("onset\tduration\teventType\n10\t5\tsz\n", "y.tsv");
  ASSERT_EQ(minimal.seizures.size(), 1u);
  EXPECT_DOUBLE_EQ(minimal.seizures[0].offset_s, 15.0);
}

TEST(EvaluationDetectionTable, ErrorsNameTheFileLineAndField) {
  try {
    (void)parse_events_tsv("onset\tduration\n1\t2\n", "x.events.tsv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "x.events.tsv: no column 'eventType' or 'type' in the header");
  }
  try {
    (void)parse_events_tsv("onset\tduration\teventType\n1\tlong\tseizure\n", "x.events.tsv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "x.events.tsv line 2, field 'duration': 'long' is not a number of seconds");
  }
}

}  // namespace
}  // namespace eegtrack::evaluation
