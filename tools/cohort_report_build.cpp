#include "cohort_report_build.hpp"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/batch_keys.hpp"
#include "eegtrack/pipeline/tsv_text.hpp"
#include "eegtrack/report/cohort_report.hpp"
#include "report_build.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTable = "cohort.tsv";
constexpr const char* kSidecar = "cohort.json";

std::vector<std::string> split(const std::string& line, char at) {
  std::vector<std::string> out(1);
  for (const char c : line) {
    if (c == at)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// cohort.tsv as eegtrack writes it: one line per row, cells split at tabs and read back to the
// bytes they stand for (tsv_cell escapes every tab, line end and backslash in a value). A
// general reader would take a cell opening with a quote for a quoted field.
void read_table(const fs::path& path, report::CohortReportInput& in) {
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw io::EdfError(path, "cannot open");
  std::string line;
  if (!std::getline(file, line))
    throw io::EdfError(path, "empty: no header line");
  for (const auto& name : split(line, '\t'))
    in.columns.push_back({pipeline::tsv_cell_bytes(name), "", ""});
  for (std::size_t n = 2; std::getline(file, line); ++n) {
    if (line.empty())
      continue;
    auto cells = split(line, '\t');
    if (cells.size() != in.columns.size())
      throw io::EdfError(path, "line " + std::to_string(n) + " has " +
                                   std::to_string(cells.size()) + " cells, the header " +
                                   std::to_string(in.columns.size()));
    for (auto& c : cells)
      c = pipeline::tsv_cell_bytes(c);
    in.rows.push_back(std::move(cells));
  }
}

// Units, meanings, version and parameter sets from the sidecar; a missing field stays empty.
void read_sidecar(const fs::path& path, report::CohortReportInput& in) {
  std::ifstream file(path);
  if (!file)
    throw io::EdfError(path, "cannot open");
  const auto j = nlohmann::json::parse(file, nullptr, false);
  if (!j.is_object())
    throw io::EdfError(path, "not a JSON object");
  const auto text = [](const nlohmann::json& o, const char* key) {
    return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>()
                                                                  : std::string();
  };
  in.eegtrack_version = text(j, "eegtrack_version");
  if (j.contains("parameter_sets") && j["parameter_sets"].is_array())
    in.parameter_sets = j["parameter_sets"].size();
  if (j.contains("columns") && j["columns"].is_object()) {
    for (auto& c : in.columns) {
      if (!j["columns"].contains(c.name))
        continue;
      c.units = text(j["columns"][c.name], "Units");
      c.description = text(j["columns"][c.name], "Description");
    }
  }
}

}  // namespace

bool holds_cohort_table(const fs::path& dir) {
  return fs::is_regular_file(dir / kTable);
}

std::size_t write_cohort_report(const fs::path& outdir, const fs::path& html,
                                bool recording_reports,
                                const std::map<std::string, fs::path>& recordings) {
  report::CohortReportInput in;
  in.source = outdir.string();
  read_table(outdir / kTable, in);
  read_sidecar(outdir / kSidecar, in);
  std::size_t key_column = in.columns.size(), status_column = in.columns.size();
  for (std::size_t c = 0; c < in.columns.size(); ++c) {
    key_column = in.columns[c].name == "key" ? c : key_column;
    status_column = in.columns[c].name == "status" ? c : status_column;
  }
  if (key_column == in.columns.size())
    throw io::EdfError(outdir / kTable, "no 'key' column");
  const fs::path html_dir = fs::absolute(html).parent_path();
  std::size_t written = 0;
  for (const auto& row : in.rows) {
    const std::string& key = row[key_column];
    // The table is read from a file: its keys name paths only when they stay inside OUTDIR.
    const bool safe = pipeline::key_stays_inside(key);
    const fs::path in_folder = outdir / fs::path(key).parent_path();
    const std::string name = fs::path(key).filename().string();
    const fs::path summary = pipeline::analysis_output_paths_named(in_folder, name).summary_json;
    const fs::path report_path = in_folder / (name + ".report.html");
    const bool ok = status_column < row.size() && row[status_column] == "ok";
    if (recording_reports && safe && ok && fs::exists(summary)) {
      ReportRequest request;
      if (const auto edf = recordings.find(key); edf != recordings.end())
        request.recordings = {edf->second};
      // One report that cannot be made (an unreadable store, a recording changed since its
      // analysis) costs that report alone: the others and the cohort page are still written.
      try {
        write_recording_report(summary, report_path, request);
        ++written;
      } catch (const std::exception& e) {
        std::cerr << "eegtrack: warning: no report for " << printable(key) << ": "
                  << printable(e.what()) << '\n';
      }
    }
    in.recording_links.push_back(safe && fs::exists(report_path)
                                     ? fs::relative(fs::absolute(report_path), html_dir).string()
                                     : "");
  }
  if (html.has_parent_path())
    fs::create_directories(html.parent_path());
  pipeline::write_text_atomically(html, report::render_cohort_report(in));
  return written;
}

}  // namespace eegtrack::cli
