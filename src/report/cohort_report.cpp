#include "eegtrack/report/cohort_report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <numeric>
#include <optional>

#include "cohort_patterns.hpp"
#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/report/figure_cohort.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/html_page.hpp"
#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report {
namespace {

constexpr const char* kNone = "n/a";
// Keys and patient ids up to this long stay on one line ("rec-" or "pat-" + 16 hex digits).
constexpr std::size_t kOneLineIdentifier = 24;

// The slowing grades from the mildest, as the cohort table writes them.
constexpr std::array<const char*, 4> kGrades = {"none", "mild", "moderate", "severe"};

std::optional<double> number_of(const std::string& cell) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size())
    return std::nullopt;
  return v;
}

// Reads a row's cells by column name; "" for a column the table does not have.
class Cells {
 public:
  explicit Cells(const std::vector<CohortColumn>& columns) {
    for (std::size_t c = 0; c < columns.size(); ++c)
      index_[columns[c].name] = c;
  }
  [[nodiscard]] std::string text(const std::vector<std::string>& row,
                                 const std::string& name) const {
    const auto it = index_.find(name);
    return it != index_.end() && it->second < row.size() ? row[it->second] : std::string();
  }
  [[nodiscard]] std::optional<double> number(const std::vector<std::string>& row,
                                             const std::string& name) const {
    return number_of(text(row, name));
  }

 private:
  std::map<std::string, std::size_t> index_;
};

bool analysed(const Cells& cells, const std::vector<std::string>& row) {
  return cells.text(row, "status") == "ok";
}

// A cell of a column the report knows: its text and whether it lies beyond the adult limits
// (docs/normal-limits.md), the limits the recording report marks with the same red.
struct Shown {
  std::string html;
  bool numeric = false;
  bool beyond = false;
};

Shown known_cell(const std::string& column, const std::string& cell, bool ok) {
  const auto v = number_of(cell);
  if (column == "status")
    return {escape_html(cell), false, cell != "ok"};
  if (cell == kNone || !v) {
    // No PDR in an analysed recording is itself a finding (a coma EEG has none).
    if (column == "pdr_hz" && ok && cell == kNone)
      return {"absent", true, true};
    return {escape_html(cell), cell == kNone, false};
  }
  if (column == "duration_s")
    return {duration_text(*v), true, false};
  if (column == "clean_fraction")
    return {fixed(100.0 * *v, 0) + " %", true, *v < 0.5};
  if (column == "pdr_hz")
    return {fixed(*v, 1), true, *v < findings::kAdultMinPdrHz};
  if (column == "delta_relative")
    return {fixed(*v, 2), true, *v > findings::kAdultMaxRelativeDelta};
  if (column == "theta_relative" || column == "alpha_relative" || column == "beta_relative")
    return {fixed(*v, 2), true, false};
  if (column == "encephalopathy_index")
    return {fixed(*v, 2), true, *v > findings::kAdultMaxEncephalopathyIndex};
  if (column == "spike_rate_per_h")
    return {fixed(*v, 1), true, false};
  if (column == "spike_count" || column == "seizure_count")
    return {fixed(*v, 0), true, column == "seizure_count" && *v > 0.0};
  return {escape_html(cell), true, false};
}

Shown shown_cell(const std::string& column, const std::string& cell, bool ok) {
  if (column == "slowing_grade" || column == "slowing_distribution")
    return {escape_html(cell), false, ok && cell != "none" && cell != kNone};
  if (column == "error" || column == "key" || column == "input" || column == "patient_id")
    return {escape_html(cell), false, false};
  return known_cell(column, cell, ok);
}

// The analysed, graded recordings, for the figures.
std::vector<CohortPoint> points_of(const CohortReportInput& in, const Cells& cells) {
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

std::string summary_html(const CohortReportInput& in, const Cells& cells) {
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

// Short headings for the columns the report knows (the column table below gives each name
// and meaning); a manifest's own columns keep their names.
std::string heading(const CohortColumn& c) {
  static const std::map<std::string, std::string> known = {{"key", "recording"},
                                                           {"patient_id", "patient"},
                                                           {"duration_s", "duration"},
                                                           {"clean_fraction", "clean"},
                                                           {"pdr_hz", "PDR (Hz)"},
                                                           {"delta_relative", "rel. delta"},
                                                           {"theta_relative", "rel. theta"},
                                                           {"alpha_relative", "rel. alpha"},
                                                           {"beta_relative", "rel. beta"},
                                                           {"encephalopathy_index", "index"},
                                                           {"slowing_grade", "slowing"},
                                                           {"slowing_distribution", "distribution"},
                                                           {"spike_count", "spikes"},
                                                           {"spike_rate_per_h", "spikes /h"},
                                                           {"seizure_count", "seizures"}};
  if (const auto it = known.find(c.name); it != known.end())
    return it->second;
  return escape_html(c.name) +
         (c.units.empty() || c.units == "1" ? "" : " (" + escape_html(c.units) + ")");
}

// De-identified, the input column repeats the key ("rec-1a2b.edf" beside "rec-1a2b").
bool input_repeats_key(const CohortReportInput& in, const Cells& cells) {
  return std::all_of(in.rows.begin(), in.rows.end(), [&](const std::vector<std::string>& row) {
    const std::string key = cells.text(row, "key");
    const std::string input = cells.text(row, "input");
    return input.size() == key.size() + 4 && input.compare(0, key.size(), key) == 0 &&
           input[key.size()] == '.';
  });
}

std::vector<std::size_t> row_order_of_keys(std::size_t rows) {
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  return order;
}

// The order rows are shown in: cohort.tsv's key order, unless rows name their patient: then
// patient by patient (in the order of their first row), each patient's rows by day (rows
// without a day after those with one, in key order), so that serial recordings read in turn.
std::vector<std::size_t> row_order(const CohortReportInput& in, const Cells& cells) {
  auto order = row_order_of_keys(in.rows.size());
  std::map<std::string, std::size_t> first_row;  // patient -> its first row in key order
  for (std::size_t r = 0; r < in.rows.size(); ++r) {
    const std::string patient = cells.text(in.rows[r], "patient_id");
    if (!patient.empty() && patient != kNone)
      first_row.emplace(patient, r);
  }
  if (first_row.empty())
    return order;
  const auto group = [&](std::size_t r) {
    const auto it = first_row.find(cells.text(in.rows[r], "patient_id"));
    return it == first_row.end() ? in.rows.size() : it->second;  // no patient: last
  };
  const auto day = [&](std::size_t r) {
    const auto d = cells.number(in.rows[r], "day");
    return d ? std::pair(0, *d) : std::pair(1, 0.0);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (group(a) != group(b))
      return group(a) < group(b);
    return day(a) < day(b);
  });
  return order;
}

std::string table_html(const CohortReportInput& in, const Cells& cells) {
  const bool skip_input = input_repeats_key(in, cells);
  // An error column of n/a alone, or a status column of "ok" alone, says nothing: both are
  // shown when a recording failed.
  const bool skip_error = std::all_of(in.rows.begin(), in.rows.end(),
                                      [&](const auto& row) { return analysed(cells, row); });
  // Likewise a patient column of n/a alone (a folder's recordings: no manifest named them).
  const bool skip_patient = std::all_of(in.rows.begin(), in.rows.end(), [&](const auto& row) {
    const std::string patient = cells.text(row, "patient_id");
    return patient.empty() || patient == kNone;
  });
  const auto shown = [&](std::size_t c) {
    const std::string& name = in.columns[c].name;
    return !(skip_input && name == "input") &&
           !(skip_error && (name == "error" || name == "status")) &&
           !(skip_patient && name == "patient_id") &&
           (!detail::is_pattern_column(name) || name == detail::kFirstPatternColumn);
  };
  std::string out = "<div class=\"table-scroll\"><table id=\"cohort-table\"><thead><tr>";
  for (std::size_t c = 0; c < in.columns.size(); ++c) {
    if (!shown(c))
      continue;
    if (in.columns[c].name == detail::kFirstPatternColumn)
      out +=
          "<th title=\"Periodic and rhythmic patterns, each with the share of the analysed "
          "time it covers, and the count of BIRDs (cohort.tsv: gpd_fraction to "
          "bird_count)\">patterns</th>";
    else
      out += "<th title=\"" + escape_html(in.columns[c].description) + "\">" +
             heading(in.columns[c]) + "</th>";
  }
  out += "</tr></thead><tbody>";
  const auto order = row_order(in, cells);
  for (const std::size_t r : order) {
    const auto& row = in.rows[r];
    const bool ok = analysed(cells, row);
    out += std::string("<tr") + (ok ? "" : " class=\"flagged\"") + ">";
    for (std::size_t c = 0; c < in.columns.size(); ++c) {
      if (!shown(c))
        continue;
      if (in.columns[c].name == detail::kFirstPatternColumn) {
        const auto p = detail::pattern_cell(
            [&](std::string_view column) { return cells.text(row, std::string(column)); });
        out += "<td>" +
               (p.present ? "<span class=\"abnormal\">" + escape_html(p.text) + "</span>"
                          : escape_html(p.text)) +
               "</td>";
        continue;
      }
      const std::string cell = c < row.size() ? row[c] : std::string(kNone);
      const Shown s = shown_cell(in.columns[c].name, cell, ok);
      std::string html = s.html;
      const std::string link = r < in.recording_links.size() ? in.recording_links[r] : "";
      if (in.columns[c].name == "key" && !link.empty())
        html = "<a href=\"" + escape_html(link) + "\">" + html + "</a>";
      if (s.beyond)
        html = "<span class=\"abnormal\">" + html + "</span>";
      // Short keys and pseudonyms break at their hyphen otherwise ("rec-" above its digits);
      // long file names must still wrap, or the table outgrows the page.
      const bool identifier = (in.columns[c].name == "key" || in.columns[c].name == "patient_id") &&
                              cell.size() <= kOneLineIdentifier;
      out += std::string("<td") +
             (s.numeric    ? " class=\"num\""
              : identifier ? " class=\"id\""
                           : "") +
             ">" + html + "</td>";
    }
    out += "</tr>";
  }
  std::string notes;
  if (order != row_order_of_keys(in.rows.size()))
    notes += " Rows by patient, each patient's by day (cohort.tsv is in key order).";
  if (skip_input)
    notes += " The input column is left out: it repeats each recording's key.";
  if (skip_error && !in.rows.empty())
    notes += " No recording failed: the status and error columns are left out.";
  if (skip_patient && !in.rows.empty())
    notes +=
        " No recording names its patient (a manifest's patient_id column would): the "
        "patient column is left out.";
  return out + "</tbody></table></div>" +
         (notes.empty() ? "" : "<p class=\"note\">" + notes.substr(1) + "</p>");
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
  const Cells cells(in.columns);
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
      (any_link ? " A recording's key opens its report." : "") + "</p>" + table_html(in, cells) +
      "</section>";
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
