// The cohort report from a hand-written cohort table: counts, the adult limits marked, failed
// rows, a manifest's own columns, and hostile cells kept inert.
#include "eegtrack/report/cohort_report.hpp"

#include <gtest/gtest.h>

#include "eegtrack/report/html_page.hpp"

namespace eegtrack::report {
namespace {

const std::string kHostile = "<script>alert('x')</script>\"&";

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The cell of `row` (1-based, in the body) and `column` (1-based) of the cohort table.
std::string cell(const std::string& html, std::size_t row, std::size_t column) {
  auto at = html.find("<table id=\"cohort-table\">");
  at = html.find("<tbody>", at);
  for (std::size_t r = 0; r < row; ++r)
    at = html.find("<tr", at + 1);
  for (std::size_t c = 0; c < column; ++c)
    at = html.find("<td", at + 1);
  return html.substr(at, html.find("</td>", at) - at);
}

CohortReportInput cohort() {
  CohortReportInput in;
  in.source = "out";
  in.eegtrack_version = "0.1.2";
  in.parameter_sets = 1;
  for (const char* name : {"key", "input", "status", "duration_s", "clean_fraction", "pdr_hz",
                           "delta_relative", "encephalopathy_index", "slowing_grade",
                           "slowing_distribution", "seizure_count", "error", "day"})
    in.columns.push_back({name, "", std::string("what ") + name + " means"});
  in.rows = {{"base", "ward/base.edf", "ok", "600", "0.98", "10.4", "0.2", "0.05", "none", "none",
              "0", "n/a", "0"},
             {"coma", "ward/coma.edf", "ok", "1200", "0.4", "n/a", "0.62", "0.55", "severe",
              "diffuse", "1", "n/a", "14"},
             {"broken", "ward/broken.edf", "error", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a",
              "n/a", "truncated: 3 of 10 records", "40"}};
  in.recording_links = {"base.report.html", "", ""};
  return in;
}

std::string summary_value(const std::string& html, const std::string& label) {
  const auto at = html.find("<div class=\"label\">" + label + "</div>");
  if (at == std::string::npos)
    return "no item " + label;
  const auto from = html.find("<div class=\"value", at);
  return html.substr(from, html.find("</div>", from) - from);
}

TEST(CohortReport, CountsTheRecordingsAndMarksWhatLiesBeyondTheAdultLimits) {
  const std::string html = render_cohort_report(cohort());
  EXPECT_NE(html.find("Cohort: 3 recording(s)"), std::string::npos);
  EXPECT_EQ(summary_value(html, "Analysed"), "<div class=\"value\">2 of 3");
  EXPECT_NE(html.find("1 failed: the error column says why"), std::string::npos);
  // Of the two analysed: one index above the adult limit, one without a PDR, one seizure.
  EXPECT_EQ(summary_value(html, "Encephalopathy index above 0.15"),
            "<div class=\"value abnormal\">1 of 2");
  EXPECT_EQ(summary_value(html, "PDR absent or below 8 Hz"),
            "<div class=\"value abnormal\">1 of 2");
  EXPECT_EQ(summary_value(html, "With seizures"), "<div class=\"value abnormal\">1 of 2");
  EXPECT_EQ(summary_value(html, "Slowing, diffuse or focal"),
            "<div class=\"value abnormal\">1 of 2");
  // The normal recording: nothing marked; its key opens its report.
  EXPECT_EQ(cell(html, 1, 1), "<td class=\"id\"><a href=\"base.report.html\">base</a>");
  EXPECT_EQ(cell(html, 1, 4), "<td class=\"num\">10 min 00 s");
  EXPECT_EQ(cell(html, 1, 5), "<td class=\"num\">98 %");
  EXPECT_EQ(cell(html, 1, 6), "<td class=\"num\">10.4");
  EXPECT_EQ(cell(html, 1, 8), "<td class=\"num\">0.05");
  EXPECT_EQ(cell(html, 1, 9), "<td>none");
  // The coma: no PDR is a finding; each value beyond its limit is red.
  EXPECT_EQ(cell(html, 2, 1), "<td class=\"id\">coma");  // no report to link
  EXPECT_EQ(cell(html, 2, 5), "<td class=\"num\"><span class=\"abnormal\">40 %</span>");
  EXPECT_EQ(cell(html, 2, 6), "<td class=\"num\"><span class=\"abnormal\">absent</span>");
  EXPECT_EQ(cell(html, 2, 7), "<td class=\"num\"><span class=\"abnormal\">0.62</span>");
  EXPECT_EQ(cell(html, 2, 8), "<td class=\"num\"><span class=\"abnormal\">0.55</span>");
  EXPECT_EQ(cell(html, 2, 9), "<td><span class=\"abnormal\">severe</span>");
  EXPECT_EQ(cell(html, 2, 11), "<td class=\"num\"><span class=\"abnormal\">1</span>");
  EXPECT_EQ(cell(html, 2, 13), "<td class=\"num\">14");  // the manifest's day
  // The failed recording: flagged, its reason shown, its missing values not called absent.
  EXPECT_EQ(cell(html, 3, 3), "<td><span class=\"abnormal\">error</span>");
  EXPECT_EQ(cell(html, 3, 6), "<td class=\"num\">n/a");
  EXPECT_EQ(cell(html, 3, 12), "<td>truncated: 3 of 10 records");
  EXPECT_EQ(count_of(html, "<tr class=\"flagged\">"), 1U);
  // One dot per analysed recording, the coma's red, on the lane of its grade.
  EXPECT_EQ(count_of(html, "<circle"), 2U);
  EXPECT_EQ(count_of(html, "fill=\"#b00020\""), 1U);
  EXPECT_NE(html.find("every recording analysed with one parameter set"), std::string::npos);
}

// A manifest's patient_id and day give each patient's course: one line per patient with two or
// more days, in day order whatever the table's order; a patient seen once draws no line.
TEST(CohortReport, CourseByPatientWhenTheManifestGivesPatientAndDay) {
  CohortReportInput in;
  for (const char* name : {"key", "patient_id", "status", "encephalopathy_index", "slowing_grade",
                           "slowing_distribution", "day"})
    in.columns.push_back({name, "", ""});
  in.rows = {{"d14", "P1", "ok", "0.6", "severe", "diffuse", "14"},
             {"d0", "P1", "ok", "0.05", "none", "none", "0"},
             {"d30", "P1", "ok", "0.1", "none", "none", "30"},
             {"once", "P2", "ok", "0.2", "mild", "diffuse", "3"},
             {"failed", "P2", "error", "n/a", "n/a", "n/a", "5"}};
  const std::string html = render_cohort_report(in);
  const auto from = html.find("id=\"cohort-course-figure\"");
  ASSERT_NE(from, std::string::npos);
  const std::string course = html.substr(from, html.find("</svg>", from) - from);
  EXPECT_EQ(count_of(course, "<polyline"), 1U);
  EXPECT_NE(course.find(">P1<"), std::string::npos);  // the legend
  EXPECT_EQ(course.find("P2"), std::string::npos);
  EXPECT_EQ(count_of(course, "<circle"), 3U);
  // The line runs through the days in order: 0, 14, 30.
  const auto points = course.find("points=\"");
  ASSERT_NE(points, std::string::npos);
  const std::string line = course.substr(points + 8, course.find('"', points + 8) - points - 8);
  std::vector<double> xs;
  for (std::size_t at = 0; at < line.size();) {
    xs.push_back(std::stod(line.substr(at)));
    at = line.find(' ', at);
    at = at == std::string::npos ? line.size() : at + 1;
  }
  ASSERT_EQ(xs.size(), 3U);
  EXPECT_LT(xs[0], xs[1]);
  EXPECT_LT(xs[1], xs[2]);
  EXPECT_NE(course.find("d14, patient P1, day 14.0: index 0.60, slowing severe"),
            std::string::npos);
  // Without patients (or without days) there is no course to draw.
  EXPECT_EQ(render_cohort_report(cohort()).find("cohort-course-figure"), std::string::npos);
}

// Serial recordings read in turn: with patients, the table goes patient by patient (in the
// order of each one's first row in key order), each patient's rows by day, rows without a day
// or a patient after the others; without patients it keeps the key order. An error or patient
// column of n/a alone is left out.
TEST(CohortReport, RowsByPatientThenDayAndColumnsOfNaLeftOut) {
  CohortReportInput in;
  for (const char* name : {"key", "patient_id", "status", "day", "error"})
    in.columns.push_back({name, "", ""});
  in.rows = {{"a", "P2", "ok", "30", "n/a"},  {"b", "P1", "ok", "14", "n/a"},
             {"c", "n/a", "ok", "1", "n/a"},  {"d", "P2", "ok", "7", "n/a"},
             {"e", "P1", "ok", "n/a", "n/a"}, {"f", "P1", "ok", "2", "n/a"},
             {"g", "P2", "ok", "7", "n/a"}};
  const auto keys_shown = [](const std::string& html, std::size_t rows) {
    std::string keys;
    for (std::size_t r = 1; r <= rows; ++r)
      keys += cell(html, r, 1).substr(std::string("<td class=\"id\">").size());
    return keys;
  };
  std::string html = render_cohort_report(in);
  EXPECT_EQ(keys_shown(html, 7), "dgafbec");
  EXPECT_NE(html.find("Rows by patient, each patient's by day"), std::string::npos);
  EXPECT_EQ(cell(html, 1, 2), "<td class=\"id\">P2");
  EXPECT_EQ(html.find(">error</th>"), std::string::npos);
  EXPECT_EQ(html.find(">status</th>"), std::string::npos);
  EXPECT_NE(html.find("No recording failed: the status and error columns are left out."),
            std::string::npos);

  in.rows[1] = {"b", "P1", "error", "14", "truncated"};
  html = render_cohort_report(in);
  EXPECT_NE(html.find(">error</th>"), std::string::npos);
  EXPECT_NE(html.find(">status</th>"), std::string::npos);
  EXPECT_EQ(cell(html, 5, 5), "<td>truncated");  // b: P1's day 14, after day 2
  EXPECT_EQ(html.find("No recording failed"), std::string::npos);

  EXPECT_NE(html.find(">patient</th>"), std::string::npos);
  EXPECT_EQ(html.find("the patient column is left out"), std::string::npos);

  // No patients: key order, and no column of n/a.
  for (auto& row : in.rows)
    row[1] = "n/a";
  html = render_cohort_report(in);
  EXPECT_EQ(keys_shown(html, 7), "abcdefg");
  EXPECT_EQ(html.find("Rows by patient"), std::string::npos);
  EXPECT_EQ(html.find(">patient</th>"), std::string::npos);
  EXPECT_NE(html.find("the patient column is left out"), std::string::npos);
  EXPECT_EQ(cell(html, 1, 2), "<td>ok");
}

// The 2HELPS2B EEG points have their column, with a heading that names them; like the other
// detector columns it is left out when the detectors ran on no recording.
TEST(CohortReport, TwoHelps2bPointsHaveTheirColumn) {
  CohortReportInput in;
  for (const char* name : {"key", "status", "seizure_count", "two_helps2b_eeg_points"})
    in.columns.push_back({name, "", ""});
  in.rows = {{"lpd", "ok", "0", "2"}, {"nodetect", "ok", "n/a", "n/a"}};
  std::string html = render_cohort_report(in);
  EXPECT_NE(html.find(">2HELPS2B EEG points</th>"), std::string::npos);
  EXPECT_EQ(cell(html, 1, 3), "<td class=\"num\">2");
  EXPECT_EQ(cell(html, 2, 3), "<td class=\"num\">n/a");
  in.rows = {in.rows[1]};
  html = render_cohort_report(in);
  EXPECT_EQ(html.find("2HELPS2B"), std::string::npos);
}

// The five pattern shares and the BIRD count of cohort.tsv make one cell, each found pattern
// with its share of the analysed time (whole percent, "<1 %" below one); the summary counts the
// recordings with any. Rows whose detectors did not run hold n/a, which is not "none": they
// count in no denominator, and a batch run with --no-detect says so instead of "0 of N".
TEST(CohortReport, PatternsInOneCellAndDetectionNotRunIsNotNone) {
  CohortReportInput in;
  for (const char* name :
       {"key", "status", "spike_count", "seizure_count", "gpd_fraction", "lpd_fraction",
        "bipd_fraction", "grda_fraction", "lrda_fraction", "bird_count"})
    in.columns.push_back({name, "", ""});
  in.rows = {{"lpd", "ok", "3", "0", "0", "0.42", "0", "0.004", "0", "2"},
             {"clean", "ok", "0", "0", "0", "0", "0", "0", "0", "0"},
             {"nodetect", "ok", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a"}};
  std::string html = render_cohort_report(in);
  const std::string nbsp = "\u00A0";
  EXPECT_EQ(cell(html, 1, 4), "<td><span class=\"abnormal\">LPD" + nbsp + "42" + nbsp + "%, GRDA" +
                                  nbsp + "&lt;1" + nbsp + "%, BIRD" + nbsp + "2</span>");
  EXPECT_EQ(cell(html, 2, 4), "<td>none");
  EXPECT_EQ(cell(html, 3, 4), "<td>n/a");
  EXPECT_EQ(count_of(html, "<th title="), 4U);  // recording, spikes, seizures, patterns
  EXPECT_NE(html.find(">patterns</th>"), std::string::npos);
  EXPECT_EQ(summary_value(html, "With periodic or rhythmic patterns"),
            "<div class=\"value abnormal\">1 of 2");
  EXPECT_EQ(summary_value(html, "With spikes or sharp waves"), "<div class=\"value\">1 of 2");
  EXPECT_NE(html.find("recordings with each: GPD 0, LPD 1, BIPD 0, GRDA 1, LRDA 0, BIRD 1"),
            std::string::npos);

  in.rows = {in.rows[2]};
  html = render_cohort_report(in);
  EXPECT_EQ(summary_value(html, "Epileptiform detection"), "<div class=\"value\">not run");
  EXPECT_EQ(summary_value(html, "With seizures"), "no item With seizures");
  EXPECT_EQ(count_of(html, "<th title="), 1U);  // recording: the detectors' columns left out
  EXPECT_NE(html.find("The detectors ran on no recording: their columns are left out."),
            std::string::npos);
}

TEST(CohortReport, InputColumnLeftOutWhenItRepeatsTheKey) {
  auto in = cohort();
  for (auto& row : in.rows)
    row[1] = row[0] + ".edf";
  const std::string html = render_cohort_report(in);
  EXPECT_EQ(html.find(">input</th>"), std::string::npos);
  EXPECT_NE(html.find("The input column is left out"), std::string::npos);
  EXPECT_EQ(cell(html, 1, 2), "<td>ok");
  EXPECT_NE(render_cohort_report(cohort()).find(">input</th>"), std::string::npos);
}

TEST(CohortReport, HostileCellsStayText) {
  auto in = cohort();
  in.source = kHostile;
  in.columns.push_back({kHostile, kHostile, kHostile});
  in.columns.push_back({"patient_id", "", ""});  // one hostile patient: the course's legend
  for (auto& row : in.rows) {
    row[0] = kHostile;
    row[11] = kHostile;
    row.push_back(kHostile);
    row.push_back(kHostile);
  }
  in.recording_links[0] = kHostile;
  const std::string html = render_cohort_report(in);
  EXPECT_NE(html.find("cohort-course-figure"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("alert('x')"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"),
            std::string::npos);
  EXPECT_NE(html.find(std::string(kContentSecurityPolicy)), std::string::npos);
}

TEST(CohortReport, ATableWithoutGradedRecordingsSaysSo) {
  auto in = cohort();
  in.rows = {in.rows[2]};
  const std::string html = render_cohort_report(in);
  EXPECT_EQ(summary_value(html, "Analysed"), "<div class=\"value\">0 of 1");
  EXPECT_NE(html.find("no graded recording in this table"), std::string::npos);
  EXPECT_EQ(count_of(html, "<circle"), 0U);
}

}  // namespace
}  // namespace eegtrack::report
