// eegtrack report on a batch's OUTDIR: the cohort report from cohort.tsv and cohort.json, each
// analysed recording's report beside its outputs and linked, the failed one listed with its
// reason; options that need a single recording refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/tsv_table.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// A batch over two recordings and a truncated copy, de-identified as by default.
fs::path batch_output() {
  static const fs::path out = [] {
    const fs::path in = program_scratch_dir() / "cohort_in";
    fs::create_directories(in);
    fs::copy_file(sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", in / "rest.edf");
    fs::copy_file(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", in / "seizure.edf");
    const std::string whole = read_text((sample_dir() / "eegmmidb_S001R01_eyes_open.edf").string());
    std::ofstream(in / "truncated.edf", std::ios::binary) << whole.substr(0, whole.size() / 2);
    const fs::path o = program_scratch_dir() / "cohort_out";
    const auto r = run_cli({"batch", in.string(), "-o", o.string(), "--jobs", "2"});
    EXPECT_EQ(r.exit_status, 1) << r.out << r.err;  // the truncated copy failed
    return o;
  }();
  return out;
}

TEST(CohortReportCli, EveryRecordingOnOnePageLinkedToItsReport) {
  const fs::path out = batch_output();
  const fs::path html = out / "cohort.html";
  const auto r = run_cli({"report", out.string(), "--recording-reports", "-o", html.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("wrote 2 recording report(s)"), std::string::npos) << r.out;
  const std::string page = read_text(html.string());
  EXPECT_NE(page.find("Cohort: 3 recording(s)"), std::string::npos);
  // Each analysed row links its report, which exists; the failed row gives its reason.
  const auto rows = tsv_rows(out / "cohort.tsv");
  ASSERT_EQ(rows.size(), 4U);
  std::size_t linked = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string& key = rows[i][0];
    const bool ok = rows[i][3] == "ok";
    const std::string link = "<a href=\"" + key + ".report.html\">" + key + "</a>";
    EXPECT_EQ(page.find(link) != std::string::npos, ok) << key;
    EXPECT_EQ(fs::exists(out / (key + ".report.html")), ok) << key;
    linked += ok;
    if (!ok) {
      EXPECT_NE(page.find("truncated"), std::string::npos);
    }
  }
  EXPECT_EQ(linked, 2U);
  // The table's file names are pseudonyms: no input file name reaches the page.
  for (const char* name : {"rest.edf", "seizure.edf", "truncated.edf"})
    EXPECT_EQ(page.find(name), std::string::npos) << name;
  // cohort.tsv itself names the same report; without --recording-reports the links stay.
  const fs::path again = program_scratch_dir() / "elsewhere" / "cohort.html";
  ASSERT_EQ(run_cli({"report", (out / "cohort.tsv").string(), "-o", again.string()}).exit_status,
            0);
  const std::string moved = read_text(again.string());
  EXPECT_NE(moved.find("Cohort: 3 recording(s)"), std::string::npos);
  // The links lead from the new place to the reports.
  const auto href = moved.find("<a href=\"");
  ASSERT_NE(href, std::string::npos);
  const auto from = href + 9;
  const std::string target = moved.substr(from, moved.find('"', from) - from);
  EXPECT_TRUE(target.ends_with(".report.html")) << target;
  EXPECT_TRUE(fs::exists(again.parent_path() / target)) << target;
}

// batch --report: the batch knows where each recording is, so the reports have their EEG pages;
// merge --report writes the same page again.
TEST(CohortReportCli, BatchAndMergeWriteTheReportsWithTheirEegPages) {
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in);
  fs::copy_file(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", in / "seizure.edf");
  const fs::path out = scratch_dir() / "out";
  const auto r = run_cli({"batch", in.string(), "-o", out.string(), "--report"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("(the cohort report) and 1 recording report(s)"), std::string::npos)
      << r.out;
  const auto rows = tsv_rows(out / "cohort.tsv");
  ASSERT_EQ(rows.size(), 2U);
  const std::string report = read_text((out / (rows[1][0] + ".report.html")).string());
  EXPECT_NE(report.find("id=\"page-1\""), std::string::npos);  // the seizure's EEG page
  EXPECT_EQ(report.find("seizure.edf"), std::string::npos);    // named by its pseudonym
  const std::string cohort = read_text((out / "cohort.html").string());
  EXPECT_NE(cohort.find("<a href=\"" + rows[1][0] + ".report.html\">"), std::string::npos);
  fs::remove(out / "cohort.html");
  const auto merged = run_cli({"merge", out.string(), "--report"});
  ASSERT_EQ(merged.exit_status, 0) << merged.err;
  EXPECT_EQ(read_text((out / "cohort.html").string()), cohort);
}

// A recording report that cannot be made costs that report alone, with a warning naming it.
TEST(CohortReportCli, AReportThatCannotBeMadeIsNamedAndTheOthersStay) {
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in);
  fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf", in / "a.edf");
  fs::copy_file(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", in / "b.edf");
  const fs::path out = scratch_dir() / "out";
  ASSERT_EQ(run_cli({"batch", in.string(), "-o", out.string(), "--no-detect"}).exit_status, 0);
  const auto rows = tsv_rows(out / "cohort.tsv");
  ASSERT_EQ(rows.size(), 3U);
  const std::string broken = rows[1][0], intact = rows[2][0];
  std::ofstream(out / (broken + ".summary.json")) << "{ not JSON";
  const fs::path html = out / "cohort.html";
  const auto r = run_cli({"report", out.string(), "--recording-reports", "-o", html.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("warning: no report for " + broken + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("wrote 1 recording report(s)"), std::string::npos) << r.out;
  const std::string page = read_text(html.string());
  EXPECT_NE(page.find("<a href=\"" + intact + ".report.html\">"), std::string::npos);
  EXPECT_EQ(page.find(broken + ".report.html"), std::string::npos);
  EXPECT_FALSE(fs::exists(out / (broken + ".report.html")));
}

TEST(CohortReportCli, RefusesOptionsOfASingleRecording) {
  const fs::path out = batch_output();
  const auto with_edf = run_cli({"report", out.string(), "--edf",
                                 (sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf").string(),
                                 "-o", (out / "x.html").string()});
  EXPECT_EQ(with_edf.exit_status, 2);
  EXPECT_NE(with_edf.err.find("de-identified cohort table"), std::string::npos) << with_edf.err;
  // An analysed recording's summary (the pseudonyms, and so the rows' order, are random).
  const auto rows = tsv_rows(out / "cohort.tsv");
  const auto analysed = std::find_if(
      rows.begin() + 1, rows.end(), [](const std::vector<std::string>& r) { return r[3] == "ok"; });
  ASSERT_NE(analysed, rows.end());
  const fs::path summary = out / ((*analysed)[0] + ".summary.json");
  const auto one =
      run_cli({"report", summary.string(), "--recording-reports", "-o", (out / "y.html").string()});
  EXPECT_EQ(one.exit_status, 2);
  EXPECT_NE(one.err.find("only for a batch folder"), std::string::npos) << one.err;
  EXPECT_FALSE(fs::exists(out / "x.html"));
  EXPECT_FALSE(fs::exists(out / "y.html"));
}

}  // namespace
}  // namespace eegtrack::test
