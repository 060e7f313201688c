#include "cohort_table_html.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <vector>

#include "cohort_patterns.hpp"
#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report::detail {
namespace {

// Keys and patient ids up to this long stay on one line ("rec-" or "pat-" + 16 hex digits).
constexpr std::size_t kOneLineIdentifier = 24;

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

// Short headings for the columns the report knows (the column table below gives each name
// and meaning); a manifest's own columns keep their names.
std::string heading(const CohortColumn& c) {
  static const std::map<std::string, std::string> known = {
      {"key", "recording"},
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
      {"seizure_count", "seizures"},
      {"two_helps2b_eeg_points", "2HELPS2B EEG points"}};
  if (const auto it = known.find(c.name); it != known.end())
    return it->second;
  return escape_html(c.name) +
         (c.units.empty() || c.units == "1" ? "" : " (" + escape_html(c.units) + ")");
}

// De-identified, the input column repeats the key ("rec-1a2b.edf" beside "rec-1a2b").
bool input_repeats_key(const CohortReportInput& in, const CohortCells& cells) {
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
std::vector<std::size_t> row_order(const CohortReportInput& in, const CohortCells& cells) {
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

// Columns that would say nothing on this page, left out with a note saying why.
class LeftOut {
 public:
  LeftOut(const CohortReportInput& in, const CohortCells& cells) {
    input_ = input_repeats_key(in, cells);
    const auto all = [&](const auto& test) {
      return std::all_of(in.rows.begin(), in.rows.end(), test);
    };
    // A status column of "ok" alone and an error column of n/a alone: shown once one failed.
    failures_ = all([&](const auto& row) { return analysed(cells, row); });
    // A patient column of n/a alone: a folder's recordings, which no manifest named.
    patient_ = all([&](const auto& row) {
      const std::string patient = cells.text(row, "patient_id");
      return patient.empty() || patient == kNone;
    });
    // The detectors' columns when they ran on no recording (--no-detect): n/a throughout.
    detection_ = all([&](const auto& row) { return !cells.number(row, "seizure_count"); });
    rows_ = !in.rows.empty();
  }

  [[nodiscard]] bool shows(const std::string& name) const {
    const bool detector = name == "spike_count" || name == "spike_rate_per_h" ||
                          name == "seizure_count" || name == "two_helps2b_eeg_points" ||
                          is_pattern_column(name);
    // The pattern columns are one cell, shown where the first of them stands.
    if (is_pattern_column(name) && name != kFirstPatternColumn)
      return false;
    return !(input_ && name == "input") && !(failures_ && (name == "status" || name == "error")) &&
           !(patient_ && name == "patient_id") && !(detection_ && detector);
  }

  [[nodiscard]] std::string notes() const {
    std::string out;
    if (input_)
      out += " The input column is left out: it repeats each recording's key.";
    if (failures_ && rows_)
      out += " No recording failed: the status and error columns are left out.";
    if (detection_ && rows_)
      out += " The detectors ran on no recording: their columns are left out.";
    if (patient_ && rows_)
      out +=
          " No recording names its patient (a manifest's patient_id column would): the "
          "patient column is left out.";
    return out;
  }

 private:
  bool input_ = false, failures_ = false, patient_ = false, detection_ = false, rows_ = false;
};

std::string header_html(const CohortReportInput& in, const LeftOut& left_out) {
  std::string out = "<thead><tr>";
  for (const auto& column : in.columns) {
    if (!left_out.shows(column.name))
      continue;
    if (column.name == kFirstPatternColumn)
      out +=
          "<th title=\"Periodic and rhythmic patterns, each with the share of the analysed "
          "time it covers, and the count of BIRDs (cohort.tsv: gpd_fraction to "
          "bird_count)\">patterns</th>";
    else
      out += "<th title=\"" + escape_html(column.description) + "\">" + heading(column) + "</th>";
  }
  return out + "</tr></thead>";
}

std::string row_html(const CohortReportInput& in, const CohortCells& cells, std::size_t r,
                     const LeftOut& left_out) {
  const auto& row = in.rows[r];
  const bool ok = analysed(cells, row);
  std::string out = std::string("<tr") + (ok ? "" : " class=\"flagged\"") + ">";
  for (std::size_t c = 0; c < in.columns.size(); ++c) {
    const std::string& name = in.columns[c].name;
    if (!left_out.shows(name))
      continue;
    if (name == kFirstPatternColumn) {
      const auto p = pattern_cell(
          [&](std::string_view column) { return cells.text(row, std::string(column)); });
      out += "<td>" +
             (p.present ? "<span class=\"abnormal\">" + escape_html(p.text) + "</span>"
                        : escape_html(p.text)) +
             "</td>";
      continue;
    }
    const std::string cell = c < row.size() ? row[c] : std::string(kNone);
    const Shown s = shown_cell(name, cell, ok);
    std::string html = s.html;
    const std::string link = r < in.recording_links.size() ? in.recording_links[r] : "";
    if (name == "key" && !link.empty())
      html = "<a href=\"" + escape_html(link) + "\">" + html + "</a>";
    if (s.beyond)
      html = "<span class=\"abnormal\">" + html + "</span>";
    // Short keys and pseudonyms break at their hyphen otherwise ("rec-" above its digits);
    // long file names must still wrap, or the table outgrows the page.
    const bool identifier =
        (name == "key" || name == "patient_id") && cell.size() <= kOneLineIdentifier;
    out += std::string("<td") +
           (s.numeric    ? " class=\"num\""
            : identifier ? " class=\"id\""
                         : "") +
           ">" + html + "</td>";
  }
  return out + "</tr>";
}

}  // namespace

std::string cohort_table_html(const CohortReportInput& in, const CohortCells& cells) {
  const LeftOut left_out(in, cells);
  std::string out = "<div class=\"table-scroll\"><table id=\"cohort-table\">" +
                    header_html(in, left_out) + "<tbody>";
  const auto order = row_order(in, cells);
  for (const std::size_t r : order)
    out += row_html(in, cells, r, left_out);
  std::string notes;
  if (order != row_order_of_keys(in.rows.size()))
    notes += " Rows by patient, each patient's by day (cohort.tsv is in key order).";
  notes += left_out.notes();
  return out + "</tbody></table></div>" +
         (notes.empty() ? "" : "<p class=\"note\">" + notes.substr(1) + "</p>");
}

}  // namespace eegtrack::report::detail
