#include "eegtrack/report/cohort_report.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "cohort_cells.hpp"
#include "cohort_patterns.hpp"
#include "cohort_table_html.hpp"
#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/report/figure_cohort.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/html_page.hpp"
#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report {
namespace {

using detail::analysed;
using detail::kNone;

// The slowing grades from the mildest, as the cohort table writes them.
constexpr std::array<const char*, 4> kGrades = {"none", "mild", "moderate", "severe"};

// The analysed, graded recordings, for the figures.
std::vector<CohortPoint> points_of(const CohortReportInput& in, const detail::CohortCells& cells) {
  std::vector<CohortPoint> out;
  for (const auto& row : in.rows) {
    const auto index = cells.number(row, "encephalopathy_index");
    const std::string grade = cells.text(row, "slowing_grade");
    if (!analysed(cells, row) || !index ||
        std::find(kGrades.begin(), kGrades.end(), grade) == kGrades.end())
      continue;
    const std::string patient = cells.text(row, "patient_id");
    out.push_back({cells.text(row, "key"), patient == kNone ? "" : patient,
                   cells.number(row, "day"), *index, grade,
                   cells.text(row, "slowing_distribution")});
  }
  return out;
}

std::string count_item(const std::string& label, std::size_t n, std::size_t of,
                       const std::string& detail, bool alarm) {
  return "<div class=\"summary-item\"><div class=\"label\">" + escape_html(label) +
         "</div><div class=\"value" + (alarm && n > 0 ? " abnormal" : "") + "\">" +
         std::to_string(n) + " of " + std::to_string(of) + "</div><div class=\"detail\">" + detail +
         "</div></div>";
}

std::string summary_html(const CohortReportInput& in, const detail::CohortCells& cells) {
  std::size_t ok = 0, failed = 0, graded = 0, slowed = 0, beyond_index = 0, no_pdr = 0,
              detected = 0, with_seizures = 0, with_spikes = 0, with_patterns = 0;
  std::array<std::size_t, 6> with_type{};  // recordings with each pattern type
  std::map<std::string, std::size_t> grades;
  for (const auto& row : in.rows) {
    if (!analysed(cells, row)) {
      ++failed;
      continue;
    }
    ++ok;
    const std::string grade = cells.text(row, "slowing_grade");
    if (grade != kNone && !grade.empty()) {
      ++graded;
      ++grades[grade];
      slowed += grade != "none" || cells.text(row, "slowing_distribution") == "focal";
    }
    const auto index = cells.number(row, "encephalopathy_index");
    beyond_index += index && *index > findings::kAdultMaxEncephalopathyIndex;
    const auto pdr = cells.number(row, "pdr_hz");
    no_pdr += !pdr || *pdr < findings::kAdultMinPdrHz;
    // Rows whose detectors did not run (--no-detect) hold n/a: they count in no denominator.
    if (!cells.number(row, "seizure_count"))
      continue;
    ++detected;
    with_seizures += cells.number(row, "seizure_count").value_or(0.0) > 0.0;
    with_spikes += cells.number(row, "spike_count").value_or(0.0) > 0.0;
    const auto patterns = detail::pattern_cell(
        [&](std::string_view column) { return cells.text(row, std::string(column)); });
    with_patterns += patterns.present;
    for (std::size_t k = 0; k < with_type.size(); ++k)
      with_type[k] += patterns.found[k];
  }
  std::string by_type;
  for (std::size_t k = 0; k < with_type.size(); ++k)
    by_type += (by_type.empty() ? "" : ", ") + std::string(detail::kPatternNames[k]) + " " +
               std::to_string(with_type[k]);
  std::string by_grade;
  for (const char* g : kGrades)
    by_grade += (by_grade.empty() ? "" : ", ") + std::string(g) + " " +
                std::to_string(grades.count(g) ? grades.at(g) : 0);
  const std::size_t all = in.rows.size();
  return "<div class=\"summary-grid\">" +
         count_item("Analysed", ok, all,
                    failed == 0 ? "none failed"
                                : std::to_string(failed) +
                                      " failed: the error column says why (also errors.tsv)",
                    false) +
         count_item("Slowing, diffuse or focal", slowed, graded,
                    "of the graded recordings; by grade: " + by_grade, true) +
         count_item(
             "Encephalopathy index above " + fixed(findings::kAdultMaxEncephalopathyIndex, 2),
             beyond_index, ok, "the adult limit (docs/normal-limits.md)", true) +
         count_item("PDR absent or below " + fixed(findings::kAdultMinPdrHz, 0) + " Hz", no_pdr, ok,
                    "no posterior rhythm is a finding: a coma EEG has none", true) +
         (detected == 0 && ok > 0
              ? std::string("<div class=\"summary-item\"><div class=\"label\">Epileptiform "
                            "detection</div><div class=\"value\">not run</div><div "
                            "class=\"detail\">the batch ran with --no-detect: no seizure, "
                            "spike or pattern count</div></div>")
              : count_item("With seizures", with_seizures, detected,
                           "electrographic seizures detected", true) +
                    count_item("With spikes or sharp waves", with_spikes, detected,
                               "after reconciliation; the rate needs a long enough recording",
                               false) +
                    count_item("With periodic or rhythmic patterns", with_patterns, detected,
                               "recordings with each: " + by_type, true)) +
         "</div>";
}

std::string columns_html(const CohortReportInput& in) {
  std::string out =
      "<table id=\"column-table\"><thead><tr><th>column</th><th>units</th>"
      "<th>meaning</th></tr></thead><tbody>";
  for (const auto& c : in.columns)
    out += "<tr><td><code>" + escape_html(c.name) + "</code></td><td>" + escape_html(c.units) +
           "</td><td>" + escape_html(c.description) + "</td></tr>";
  return out + "</tbody></table>";
}

}  // namespace

std::string render_cohort_report(const CohortReportInput& in) {
  const detail::CohortCells cells(in.columns);
  const bool any_link = std::any_of(in.recording_links.begin(), in.recording_links.end(),
                                    [](const std::string& l) { return !l.empty(); });
  std::string body =
      "<header><h1>Cohort: " + std::to_string(in.rows.size()) +
      " recording(s)</h1><p class=\"subtitle\">" + escape_html(in.source) +
      " — the batch's cohort table (cohort.tsv) as the batch wrote it: recordings and a "
      "manifest's patients by pseudonym unless it ran with --show-identifiers</p></header>";
  body += "<section id=\"summary\"><h2>Summary</h2>" + summary_html(in, cells) + "</section>";
  const auto points = points_of(in, cells);
  body +=
      "<section id=\"index-by-grade\"><h2>Encephalopathy index by slowing grade</h2><figure>"
      "<figcaption>One dot per analysed recording, on the lane of its slowing grade; red beyond "
      "the adult limit of the index (dashed). Hover a dot for its key.</figcaption>" +
      cohort_index_figure(points, "cohort-index-figure") + "</figure></section>";
  // Serial recordings: the manifest's patient_id and day give each patient's course.
  if (const auto course = cohort_course_figure(points, "cohort-course-figure"); !course.empty())
    body +=
        "<section id=\"course-by-patient\"><h2>Encephalopathy index over the days, by "
        "patient</h2><figure><figcaption>One line per patient with two or more recordings "
        "that the manifest gives a day; the adult limit dashed. Hover a dot for the "
        "recording.</figcaption>" +
        course + "</figure></section>";
  body +=
      "<section id=\"recordings\"><h2>Recordings</h2><p class=\"note\">Red: beyond the adult "
      "limits (PDR below " +
      fixed(findings::kAdultMinPdrHz, 0) + " Hz or absent, relative delta above " +
      fixed(findings::kAdultMaxRelativeDelta, 2) + ", index above " +
      fixed(findings::kAdultMaxEncephalopathyIndex, 2) +
      "), slowing, a seizure, less than half the epochs clean, or a failed analysis." +
      (any_link ? " A recording's key opens its report." : "") + "</p>" +
      detail::cohort_table_html(in, cells) + "</section>";
  body += "<footer id=\"provenance\"><h2>How these numbers were made</h2><p>eegtrack " +
          escape_html(in.eegtrack_version) + "; " +
          (in.parameter_sets == 1 ? std::string("every recording analysed with one parameter set")
                                  : std::to_string(in.parameter_sets) +
                                        " parameter sets: cohort.json lists which recording "
                                        "used which") +
          ". Limits: docs/normal-limits.md; the table: docs/batch.md.</p><h3>Columns</h3>" +
          columns_html(in) + "</footer>";
  return html_document("Cohort " + in.source, body);
}

}  // namespace eegtrack::report
