// The events tables for other tools: the BIDS table and its sidecar in the one vocabulary of
// the outputs, and the SzCORE convention read back by the evaluation library.
#include "eegtrack/exports/events_tables.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "eegtrack/evaluation/bids_reference.hpp"
#include "eegtrack/evaluation/detection_table.hpp"
#include "events_test_support.hpp"

namespace eegtrack::exports {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '\t');)
    cells.push_back(cell);
  return cells;
}

const io::StartTime kStart{
    .year = 2024, .month = 3, .day = 9, .hour = 7, .minute = 5, .second = 3, .subsecond_s = 0.75};

TEST(BidsEventsTable, OneRowPerEventInTheVocabularyOfTheOutputs) {
  const auto table = bids_events_table(test::sample_events());
  const auto lines = lines_of(table.tsv);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0],
            "onset\tduration\ttype\tconfidence\tchannels\tside\tregion\tfocus\tfrequency_hz\t"
            "modifiers");
  EXPECT_EQ(lines[1], "3.500\t0.060\tspike\t0.400\tT7-avg\tleft\ttemporal\tT7\tn/a\tn/a");
  EXPECT_EQ(lines[2], "20.000\t12.000\tLPD\t0.600\tT7-avg,P7-avg\tleft\ttemporal\tT7\t1.50\t+F");
  EXPECT_EQ(lines[3],
            "60.000\t10.500\tGRDA\t0.500\tFp1-avg,Fp2-avg\tbilateral\tn/a\tn/a\t2.00\tn/a");
  // The hostile label's tab and line break become spaces: the row keeps its ten cells.
  EXPECT_EQ(
      lines[4],
      "100.250\t31.098\tseizure\t0.800\tF4-C4,bad label \tright\tfrontal\tF4\t2.80\tassembled");
  EXPECT_EQ(lines_of(bids_events_table({}).tsv), std::vector<std::string>{lines[0]});
}

TEST(BidsEventsTable, SidecarDescribesEveryColumnWithUnitsAndLevels) {
  const auto table = bids_events_table(test::sample_events());
  const auto header = cells_of(lines_of(table.tsv)[0]);
  ASSERT_EQ(table.sidecar.size(), header.size());
  std::size_t i = 0;
  for (const auto& [column, entry] : table.sidecar.items()) {
    EXPECT_EQ(column, header[i++]) << "sidecar keys follow the column order";
    EXPECT_FALSE(entry["Description"].get<std::string>().empty()) << column;
  }
  EXPECT_EQ(table.sidecar["onset"]["Units"], "s");
  EXPECT_EQ(table.sidecar["duration"]["Units"], "s");
  EXPECT_EQ(table.sidecar["frequency_hz"]["Units"], "Hz");
  EXPECT_EQ(table.sidecar["confidence"]["Units"], "1");
  using detect::EventType;
  for (auto type :
       {EventType::Spike, EventType::Sharp, EventType::GPD, EventType::LPD, EventType::BIPD,
        EventType::GRDA, EventType::LRDA, EventType::BIRD, EventType::Seizure})
    EXPECT_TRUE(table.sidecar["type"]["Levels"].contains(detect::to_string(type)))
        << detect::to_string(type);
  EXPECT_EQ(table.sidecar["type"]["Levels"].size(), 9u);
  using sites::Laterality;
  for (auto side : {Laterality::Left, Laterality::Right, Laterality::Bilateral, Laterality::Midline,
                    Laterality::Unknown})
    EXPECT_TRUE(table.sidecar["side"]["Levels"].contains(sites::to_string(side)));
  using sites::Region;
  for (auto region :
       {Region::Frontal, Region::Central, Region::Temporal, Region::Parietal, Region::Occipital})
    EXPECT_TRUE(table.sidecar["region"]["Levels"].contains(sites::to_string(region)));
}

TEST(SzcoreEventsTable, SeizuresOnlyAsEpilepsy2bidsWritesThem) {
  const auto table = szcore_events_table(test::sample_events(), kStart, 600.0);
  const auto lines = lines_of(table.tsv);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration");
  EXPECT_EQ(lines[1], "100.25\t31.10\tsz\t0.80\tF4-C4,bad label \t2024-03-09 07:05:03\t600.00");
  const auto header = cells_of(lines[0]);
  ASSERT_EQ(table.sidecar.size(), header.size());
  for (const auto& column : header)
    EXPECT_TRUE(table.sidecar.contains(column)) << column;
  EXPECT_TRUE(table.sidecar["eventType"]["Levels"].contains("sz"));
  EXPECT_TRUE(table.sidecar["eventType"]["Levels"].contains("bckg"));
}

TEST(SzcoreEventsTable, NoSeizureGivesOneBackgroundRowSpanningTheRecording) {
  auto events = test::sample_events();
  events.pop_back();  // the seizure
  const auto lines = lines_of(szcore_events_table(events, kStart, 3599.996).tsv);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "0.00\t3600.00\tbckg\tn/a\tn/a\t2024-03-09 07:05:03\t3600.00");
  EXPECT_EQ(lines_of(szcore_events_table({}, kStart, 60.0).tsv)[1],
            "0.00\t60.00\tbckg\tn/a\tn/a\t2024-03-09 07:05:03\t60.00");
}

// The evaluation library (score-seizures, BIDS reference datasets) reads what was written.
TEST(SzcoreEventsTable, RoundTripsThroughTheEvaluationLibrary) {
  auto events = test::sample_events();
  auto second = events.back();
  second.onset_s = 400.004;
  second.duration_s = 12.5;
  events.push_back(second);
  const auto table = szcore_events_table(events, kStart, 600.0);
  const auto read = evaluation::parse_events_tsv(table.tsv, "szcore.tsv");
  ASSERT_EQ(read.seizures.size(), 2u);
  EXPECT_NEAR(read.seizures[0].onset_s, 100.25, 0.005);
  EXPECT_NEAR(read.seizures[0].offset_s, 100.25 + 31.0977, 0.01);
  EXPECT_NEAR(read.seizures[1].onset_s, 400.004, 0.005);
  EXPECT_NEAR(read.seizures[1].offset_s, 412.504, 0.01);
  ASSERT_TRUE(read.recording_duration_s.has_value());
  EXPECT_DOUBLE_EQ(*read.recording_duration_s, 600.0);

  const auto ictal = evaluation::reference_from_bids_events(
      table.tsv, "sub-01_ses-01_task-szMonitoring_run-03_events.tsv", "szcore.tsv");
  EXPECT_EQ(ictal.patient, "sub-01");
  EXPECT_EQ(ictal.kind, evaluation::RecordingKind::Ictal);
  EXPECT_EQ(ictal.seizures.size(), 2u);
  const auto background = evaluation::reference_from_bids_events(
      szcore_events_table({}, kStart, 600.0).tsv, "sub-01_run-04_events.tsv", "bckg.tsv");
  EXPECT_EQ(background.kind, evaluation::RecordingKind::Interictal);
  EXPECT_TRUE(background.seizures.empty());
  EXPECT_DOUBLE_EQ(
      *evaluation::parse_events_tsv(szcore_events_table({}, kStart, 600.0).tsv, "b.tsv")
           .recording_duration_s,
      600.0);
}

// score-seizures reads the default (BIDS) table too: its seizures by the `type` column.
TEST(BidsEventsTable, SeizuresAreReadBackByTheEvaluationLibrary) {
  const auto read =
      evaluation::parse_events_tsv(bids_events_table(test::sample_events()).tsv, "bids.tsv");
  ASSERT_EQ(read.seizures.size(), 1u);
  EXPECT_NEAR(read.seizures[0].onset_s, 100.25, 5e-4);
  EXPECT_NEAR(read.seizures[0].offset_s, 131.3477, 1e-3);
}

TEST(EventsFormat, NamesReadBack) {
  EXPECT_EQ(parse_events_format("bids"), EventsFormat::Bids);
  EXPECT_EQ(parse_events_format("szcore"), EventsFormat::Szcore);
  EXPECT_FALSE(parse_events_format("SzCORE").has_value());
  EXPECT_EQ(to_string(EventsFormat::Szcore), std::string("szcore"));
}

}  // namespace
}  // namespace eegtrack::exports
