// eegtrack score-seizures on recordings shipped in the repository: analyze two CHB-MIT chb01
// seizures and one post-ictal window, score them against the rows of tests/data/eeg/seizure/
// events.csv, and check every count of the table against what the events tables say. The
// error cases use hand-written analyze outputs, so they run without an analysis.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

using Row = std::map<std::string, std::string>;

std::vector<Row> tsv_records(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::vector<std::string> header;
  std::vector<Row> rows;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, '\t'))
      cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    Row row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
      row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

const Row& group_row(const std::vector<Row>& rows, const std::string& group) {
  for (const auto& row : rows)
    if (row.at("group") == group)
      return row;
  throw std::runtime_error("no row for group " + group);
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Seizure events [onset, onset + duration] that `analyze` wrote for one recording.
std::vector<std::pair<double, double>> detected_seizures(const fs::path& events_tsv) {
  std::vector<std::pair<double, double>> out;
  for (const auto& row : tsv_records(read_text(events_tsv.string())))
    if (row.at("type") == "seizure")
      out.emplace_back(std::stod(row.at("onset")),
                       std::stod(row.at("onset")) + std::stod(row.at("duration")));
  return out;
}

TEST(CliScoreSeizures, TableCountsAgreeWithTheEventsOfEachRecording) {
  const std::vector<std::string> files = {"chbmit_chb01_03_ictal.edf", "chbmit_chb01_04_ictal.edf",
                                          "chbmit_chb01_03_postictal_shift60.edf"};
  const fs::path dir = scratch_dir();
  const fs::path analyzed = dir / "analyzed";
  std::vector<std::string> analyze_args = {"analyze"};
  for (const auto& file : files)
    analyze_args.push_back(eeg_path("seizure/" + file).string());
  analyze_args.insert(analyze_args.end(), {"-o", analyzed.string()});
  const auto analysis = run_cli(analyze_args);
  ASSERT_EQ(analysis.exit_status, 0) << analysis.err;

  // The reference: the header and the rows of these three files from the shipped table.
  std::istringstream events(read_text(eeg_path("seizure/events.csv").string()));
  std::string line, reference;
  std::getline(events, line);
  reference = line + '\n';
  while (std::getline(events, line))
    for (const auto& file : files)
      if (line.rfind(file + ",", 0) == 0)
        reference += line + '\n';
  write_text(dir / "reference.csv", reference);

  const auto r = run_cli({"score-seizures", "--reference", (dir / "reference.csv").string(),
                          "--detections", analyzed.string(), "-o", (dir / "table").string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("summary.tsv"), std::string::npos) << r.out;

  // What the events tables tell: a seizure (40 s and 27 s, whole file) is found when a seizure
  // event overlaps it; every seizure event of the post-ictal window is false.
  int found = 0;
  for (const auto& [stem, duration] :
       {std::pair{"chbmit_chb01_03_ictal", 40.0}, std::pair{"chbmit_chb01_04_ictal", 27.0}}) {
    bool hit = false;
    for (const auto& [on, off] : detected_seizures(analyzed / (std::string(stem) + ".events.tsv")))
      hit = hit || (on < duration && off > 0.0);
    found += hit ? 1 : 0;
  }
  const auto false_postictal =
      detected_seizures(analyzed / "chbmit_chb01_03_postictal_shift60.events.tsv").size();

  const auto rows = tsv_records(read_text((dir / "table" / "summary.tsv").string()));
  ASSERT_EQ(rows.size(), 3u);  // chb01, the odd half, all
  const Row& all = group_row(rows, "all");
  EXPECT_EQ(group_row(rows, "odd").at("found"), all.at("found"));
  EXPECT_EQ(all.at("recordings"), "3");
  EXPECT_EQ(all.at("seizures"), "2");
  EXPECT_EQ(all.at("short_seizures"), "0");
  EXPECT_EQ(all.at("found"), std::to_string(found));
  EXPECT_EQ(all.at("postictal_windows"), "1");
  EXPECT_EQ(all.at("postictal_false"), std::to_string(false_postictal));
  EXPECT_EQ(all.at("postictal_hours"), "0.0111");  // 40 s
  EXPECT_EQ(all.at("sz_reference_events"), "2");
  EXPECT_EQ(all.at("sz_true_positives"), std::to_string(found));
  EXPECT_EQ(all.at("sz_false_positives"), std::to_string(false_postictal));

  const auto seizures = tsv_records(read_text((dir / "table" / "seizures.tsv").string()));
  ASSERT_EQ(seizures.size(), 2u);
  EXPECT_EQ(seizures[0].at("recording"), "chbmit_chb01_03_ictal");
  EXPECT_EQ(seizures[0].at("patient"), "chb01");
  EXPECT_EQ(seizures[0].at("half"), "odd");
  EXPECT_EQ(seizures[0].at("duration_s"), "40.000");
  EXPECT_EQ(seizures[1].at("duration_s"), "27.000");
  EXPECT_EQ(tsv_records(read_text((dir / "table" / "recordings.tsv").string())).size(), 3u);
}

// A folder of hand-written analyze outputs: one 60-s recording with a seizure at 10-30 s.
fs::path fake_analysis(const fs::path& dir) {
  const fs::path analyzed = dir / "analyzed";
  fs::create_directories(analyzed);
  write_text(analyzed / "rec.events.tsv",
             "onset\tduration\teventType\trecordingDuration\n10.000\t20.000\tseizure\t60.000\n");
  write_text(analyzed / "rec.summary.json", R"({"recording": {"duration_s": 60.0}})");
  return analyzed;
}

TEST(CliScoreSeizures, HealthyFolderCountsEverySeizureAsFalse) {
  const fs::path dir = scratch_dir();
  const auto analyzed = fake_analysis(dir);
  write_text(dir / "reference.csv",
             "file,kind,patient,seizure_onset_in_file_s,seizure_offset_in_file_s\n"
             "rec.edf,ictal,p2,0,40\n");
  const auto r =
      run_cli({"score-seizures", "--reference", (dir / "reference.csv").string(), "--detections",
               analyzed.string(), "--healthy", analyzed.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto rows = tsv_records(read_text((dir / "summary.tsv").string()));
  const Row& even = group_row(rows, "even");
  EXPECT_EQ(even.at("found"), "1");
  EXPECT_EQ(even.at("median_coverage"), "0.500");
  EXPECT_EQ(even.at("median_latency_s"), "10.0");
  const Row& healthy = group_row(rows, "healthy");
  EXPECT_EQ(healthy.at("healthy_false"), "1");
  EXPECT_EQ(healthy.at("healthy_false_per_h"), "60.00");
}

TEST(CliScoreSeizures, BidsFolderIsAReference) {
  // SzCORE annotations of the recording sub-01_run-00_eeg.edf: a seizure at 0-40 s. Its
  // analysis (fake_analysis, named after the EEG file) has a seizure at 10-30 s.
  const fs::path dir = scratch_dir();
  const auto analyzed = fake_analysis(dir);
  fs::rename(analyzed / "rec.events.tsv", analyzed / "sub-01_run-00_eeg.events.tsv");
  fs::rename(analyzed / "rec.summary.json", analyzed / "sub-01_run-00_eeg.summary.json");
  const fs::path bids = dir / "bids" / "sub-01" / "eeg";
  fs::create_directories(bids);
  write_text(bids / "sub-01_run-00_events.tsv",
             "onset\tduration\teventType\trecordingDuration\n0\t40\tsz\t60\n40\t20\tbckg\t60\n");
  const auto r = run_cli({"score-seizures", "--reference", (dir / "bids").string(), "--detections",
                          analyzed.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto rows = tsv_records(read_text((dir / "summary.tsv").string()));
  const Row& patient = group_row(rows, "sub-01");
  EXPECT_EQ(patient.at("found"), "1");
  EXPECT_EQ(patient.at("median_coverage"), "0.500");
  EXPECT_EQ(group_row(rows, "odd").at("sz_true_positives"), "1");
}

TEST(CliScoreSeizures, MissingAnalysisNamesTheFile) {
  const fs::path dir = scratch_dir();
  const auto analyzed = fake_analysis(dir);
  write_text(dir / "reference.csv",
             "file,kind,patient,seizure_onset_in_file_s,seizure_offset_in_file_s\n"
             "other.edf,ictal,p1,0,40\n");
  const auto r = run_cli({"score-seizures", "--reference", (dir / "reference.csv").string(),
                          "--detections", analyzed.string()});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find((analyzed / "other.events.tsv").string() + ": missing"), std::string::npos)
      << r.err;
}

TEST(CliScoreSeizures, BadReferenceFieldIsNamed) {
  const fs::path dir = scratch_dir();
  const auto analyzed = fake_analysis(dir);
  const auto reference = (dir / "reference.csv").string();
  write_text(reference,
             "file,kind,patient,seizure_onset_in_file_s,seizure_offset_in_file_s\n"
             "rec.edf,ictal,p1,0,forty\n");
  const auto r =
      run_cli({"score-seizures", "--reference", reference, "--detections", analyzed.string()});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find(reference + " line 2, field 'seizure_offset_in_file_s': 'forty' is not a "
                                   "number of seconds"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(run_cli({"score-seizures", "--detections", analyzed.string()}).exit_status, 2);
}

}  // namespace
}  // namespace eegtrack::test
