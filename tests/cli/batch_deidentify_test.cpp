// eegtrack batch's de-identified outputs: a manifest's patient named by a pseudonym, dates on
// the patient's own time line, and the records of an earlier identifying run kept out of a
// de-identified cohort.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "batch_folder_input.hpp"
#include "eegtrack/pipeline/deidentify.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/tsv_table.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// Every file below `dir` whose bytes hold `text`.
std::vector<std::string> files_holding(const fs::path& dir, const std::string& text) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && read_text(e.path().string()).find(text) != std::string::npos)
      found.push_back(e.path().filename().string());
  return found;
}

// A manifest's patient_id may be a hospital number: de-identified outputs name the patient by
// the pseudonym `followup --deidentify` gives the same patient with the same key, and hold the
// id nowhere; --show-identifiers keeps it as given.
TEST(BatchCli, ManifestColumnsReachTheCohort) {
  const fs::path root = scratch_dir();
  std::ofstream(root / "list.csv")
      << "path,patient_id,day\n"
      << (folder_input() / "ward1" / "rec.edf").string() << ",MRN-0042417,14\n";
  const fs::path out = root / "out";
  const auto r = run_cli({"batch", (root / "list.csv").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto rows = tsv_rows(out / "cohort.tsv");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 5),
            (std::vector<std::string>{"key", "input", "patient_id", "day", "status"}));
  const auto key = pipeline::load_or_create_key(out / "deidentify.key");
  EXPECT_EQ(rows[1][2], pipeline::patient_pseudonym(key, "MRN-0042417"));
  EXPECT_EQ(rows[1][3], "14");
  EXPECT_EQ(files_holding(out, "0042417"), std::vector<std::string>{});

  const fs::path named = root / "named";
  ASSERT_EQ(run_cli({"batch", (root / "list.csv").string(), "-o", named.string(), "--no-detect",
                     "--show-identifiers"})
                .exit_status,
            0);
  const auto named_rows = tsv_rows(named / "cohort.tsv");
  EXPECT_EQ(named_rows.at(1).at(2), "MRN-0042417");
  // Without detection the counts and shares are unknown, not zero.
  const std::set<std::string> detection_columns = {
      "spike_count",  "spike_rate_per_h",      "seizure_count", "gpd_fraction",
      "lpd_fraction", "bipd_fraction",         "grda_fraction", "lrda_fraction",
      "bird_count",   "two_helps2b_eeg_points"};
  std::size_t checked = 0;
  for (std::size_t c = 0; c < named_rows.at(0).size(); ++c) {
    if (detection_columns.count(named_rows[0][c]) != 0) {
      EXPECT_EQ(named_rows.at(1).at(c), "n/a") << named_rows[0][c];
      ++checked;
    }
  }
  EXPECT_EQ(checked, detection_columns.size());

  // A refused input leaves no key behind (nor a pseudonym that a later key would not repeat).
  std::ofstream(root / "up.csv") << "path\n../x.edf\n";
  const fs::path refused_out = root / "refused";
  const auto refused = run_cli({"batch", (root / "up.csv").string(), "-o", refused_out.string()});
  EXPECT_EQ(refused.exit_status, 2);
  EXPECT_NE(refused.err.find("'..'"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(refused_out / "deidentify.key"));
}

// The start time of the only summary.json in `out`.
std::string summary_start(const fs::path& out) {
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().string().ends_with(".summary.json"))
      return nlohmann::json::parse(read_text(e.path().string()))["recording"]["start"];
  return "<no summary>";
}

// De-identified outputs are dated on their patient's time line: when a manifest's patient id is
// corrected, a rerun analyses the recording again with the new patient's date shift instead of
// keeping the old patient's (the file and parameters alone would call the outputs up to date).
TEST(BatchCli, CorrectedPatientIdGetsItsOwnDateShift) {
  const fs::path root = scratch_dir();
  const fs::path out = root / "out";
  const auto manifest_for = [&](const std::string& patient) {
    std::ofstream(root / "list.csv", std::ios::trunc)
        << "path,patient_id\n"
        << (folder_input() / "ward1" / "rec.edf").string() << ',' << patient << "\n";
    return run_cli({"batch", (root / "list.csv").string(), "-o", out.string(), "--no-detect"});
  };
  ASSERT_EQ(manifest_for("P-7").exit_status, 0);
  const std::string p7_start = summary_start(out);
  const auto again = manifest_for("P-7");
  EXPECT_NE(again.out.find("0 analysed, 1 skipped"), std::string::npos) << again.out;

  const auto corrected = manifest_for("P-8");
  ASSERT_EQ(corrected.exit_status, 0) << corrected.err;
  EXPECT_NE(corrected.out.find("1 analysed, 0 skipped"), std::string::npos) << corrected.out;
  EXPECT_NE(corrected.err.find("earlier output dated for another patient id or key"),
            std::string::npos)
      << corrected.err;
  const std::string p8_start = summary_start(out);
  EXPECT_NE(p8_start, p7_start);
  // The same as a first run for P-8 with the same key.
  const fs::path fresh = root / "fresh";
  ASSERT_EQ(run_cli({"batch", (root / "list.csv").string(), "-o", fresh.string(), "--no-detect",
                     "--deidentify-key", (out / "deidentify.key").string()})
                .exit_status,
            0);
  EXPECT_EQ(p8_start, summary_start(fresh));
  const auto settled = manifest_for("P-8");
  EXPECT_NE(settled.out.find("0 analysed, 1 skipped"), std::string::npos) << settled.out;
}

// The cohort tables travel. A de-identified run into an OUTDIR that still holds an earlier
// --show-identifiers run's outputs leaves those recordings out of its tables (their keys and
// inputs are the file names) and says so; merge tabulates them only when asked to.
TEST(BatchCli, IdentifiedRecordsOfAnEarlierRunStayOutOfADeidentifiedCohort) {
  const fs::path root = scratch_dir();
  const fs::path in = root / "in";
  const fs::path out = root / "out";
  fs::create_directories(in);
  fs::copy_file(folder_input() / "ward1" / "rec.edf", in / "Smith_Jane.edf");
  const auto named =
      run_cli({"batch", in.string(), "-o", out.string(), "--no-detect", "--show-identifiers"});
  ASSERT_EQ(named.exit_status, 0) << named.err;
  EXPECT_EQ(tsv_rows_by_key(out / "cohort.tsv").count("Smith_Jane"), 1U);

  const auto deidentified = run_cli({"batch", in.string(), "-o", out.string(), "--no-detect"});
  ASSERT_EQ(deidentified.exit_status, 0) << deidentified.err;
  EXPECT_NE(deidentified.err.find("Smith_Jane.batch.json is the record of a run with "
                                  "--show-identifiers: left out of the cohort tables"),
            std::string::npos)
      << deidentified.err;
  const auto rows = tsv_rows_by_key(out / "cohort.tsv");
  ASSERT_EQ(rows.size(), 1U) << read_text((out / "cohort.tsv").string());
  EXPECT_EQ(rows.count("Smith_Jane"), 0U);
  for (const char* f : {"cohort.tsv", "cohort.json", "cohort.h5", "errors.tsv"})
    EXPECT_EQ(read_text((out / f).string()).find("Smith"), std::string::npos) << f;

  const auto merged = run_cli({"merge", out.string()});
  EXPECT_EQ(merged.exit_status, 0) << merged.err;
  EXPECT_NE(merged.err.find("left out of the cohort tables"), std::string::npos) << merged.err;
  EXPECT_EQ(tsv_rows_by_key(out / "cohort.tsv").size(), 1U);
  const auto shown = run_cli({"merge", out.string(), "--show-identifiers"});
  EXPECT_EQ(shown.exit_status, 0) << shown.err;
  EXPECT_EQ(shown.err.find("left out"), std::string::npos) << shown.err;
  const auto all = tsv_rows_by_key(out / "cohort.tsv");
  EXPECT_EQ(all.size(), 2U);
  EXPECT_EQ(all.count("Smith_Jane"), 1U);
}

}  // namespace
}  // namespace eegtrack::test
