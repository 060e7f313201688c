#include "eegtrack/pipeline/cohort_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/clinical/two_helps2b.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/io/hdf5_writer.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/batch_record.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/tsv_text.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kNotApplicable = "n/a";

// A cell: text, a number, or nothing (n/a).
struct Cell {
  std::optional<std::string> text;
  std::optional<double> number;
};

Cell text(std::string s) {
  return {std::move(s), std::nullopt};
}
Cell number(std::optional<double> v) {
  if (v && !std::isfinite(*v))
    v.reset();
  return {std::nullopt, v};
}

struct Column {
  std::string name;
  bool numeric = false;
  std::string units;
  std::string description;
};

// The measures of one recording, in the order of measure_columns().
const std::vector<Column>& measure_columns() {
  static const std::vector<Column> columns = {
      {"status", false, "", "ok: analysed; error: failed (see the error column and errors.tsv)"},
      {"duration_s", true, "s", "Recording duration (summary.json recording.duration_s)"},
      {"clean_fraction", true, "1",
       "Share of epochs without artifact, 0-1 (summary.json quality.clean_fraction)"},
      {"pdr_hz", true, "Hz",
       "Posterior dominant rhythm; n/a when there is none (background.pdr_hz)"},
      {"delta_relative", true, "1",
       "Median relative delta power over clean epochs, 0-1 (background.rel_power.delta); n/a "
       "when no band is named delta"},
      {"theta_relative", true, "1",
       "Median relative theta power over clean epochs, 0-1 (background.rel_power.theta)"},
      {"alpha_relative", true, "1",
       "Median relative alpha power over clean epochs, 0-1 (background.rel_power.alpha)"},
      {"beta_relative", true, "1",
       "Median relative beta power over clean epochs, 0-1 (background.rel_power.beta)"},
      {"encephalopathy_index", true, "1",
       "Encephalopathy index, 0 (normal) to 1 (docs/qeeg-features.md); n/a when not graded"},
      {"slowing_grade", false, "",
       "Slowing grade (docs/clinical-background.md); n/a when not graded (no clean epoch)"},
      {"slowing_distribution", false, "", "Distribution of the slowing; n/a when not graded"},
      {"spike_count", true, "1",
       "Spikes and sharp waves after reconciliation; n/a when the detectors did not run "
       "(--no-detect)"},
      {"spike_rate_per_h", true, "1/h",
       "Spike rate; n/a when the recording is too short for rates "
       "(epileptiform.long_enough_for_rates) or the detectors did not run"},
      {"seizure_count", true, "1",
       "Electrographic seizures detected; n/a when the detectors did not run"},
      {"gpd_fraction", true, "1",
       "Share of the analysed time covered by generalized periodic discharges, 0-1 "
       "(epileptiform.patterns.GPD.fraction; ACNS prevalence); n/a when the detectors did not "
       "run"},
      {"lpd_fraction", true, "1",
       "Share of the analysed time covered by lateralized periodic discharges, 0-1 "
       "(epileptiform.patterns.LPD.fraction)"},
      {"bipd_fraction", true, "1",
       "Share of the analysed time covered by bilateral independent periodic discharges, 0-1 "
       "(epileptiform.patterns.BIPD.fraction)"},
      {"grda_fraction", true, "1",
       "Share of the analysed time covered by generalized rhythmic delta activity, 0-1 "
       "(epileptiform.patterns.GRDA.fraction)"},
      {"lrda_fraction", true, "1",
       "Share of the analysed time covered by lateralized rhythmic delta activity, 0-1 "
       "(epileptiform.patterns.LRDA.fraction)"},
      {"bird_count", true, "1",
       "Brief potentially ictal rhythmic discharges (epileptiform.bird_count); n/a when the "
       "detectors did not run"},
      {"two_helps2b_eeg_points", true, "1",
       "The EEG items of the 2HELPS2B seizure-risk score, 0-5 (epileptiform."
       "two_helps2b_eeg_points); the clinical item, a prior seizure, is not included; n/a when "
       "the detectors did not run"},
      {"error", false, "", "Why the recording failed; n/a when it did not"},
  };
  return columns;
}

std::optional<double> relative_power(const findings::RecordingFindings& f, const char* band) {
  if (const auto* b = findings::find_band(f.background.band_powers, band))
    return b->relative;
  return std::nullopt;
}

std::vector<Cell> measures(const findings::RecordingFindings& f) {
  std::optional<double> pdr;
  if (f.background.pdr)
    pdr = f.background.pdr->frequency_hz;
  const auto& e = f.epileptiform;
  // Without detection (--no-detect) the counts are not zero but unknown.
  const bool detected = findings::detectors_ran(e);
  const auto detection = [&](std::optional<double> v) { return detected ? number(v) : Cell{}; };
  std::optional<double> two_helps2b;  // null without detection
  if (const auto points = clinical::two_helps2b_eeg_points(f))
    two_helps2b = *points;
  const auto pattern_fraction = [&](detect::EventType type) -> Cell {
    for (const auto& p : e.patterns)
      if (p.type == type)
        return detection(p.fraction);
    return detection(0.0);
  };
  return {text("ok"),
          number(f.recording.duration_s),
          number(f.quality.clean_fraction),
          number(pdr),
          number(relative_power(f, "delta")),
          number(relative_power(f, "theta")),
          number(relative_power(f, "alpha")),
          number(relative_power(f, "beta")),
          number(f.background.encephalopathy_index),
          f.slowing ? text(features::to_string(f.slowing->grade)) : Cell{},
          f.slowing ? text(features::to_string(f.slowing->distribution)) : Cell{},
          detection(e.spike_count),
          detection(e.spike_rate_per_h),
          detection(e.seizures.seizure_count),
          pattern_fraction(detect::EventType::GPD),
          pattern_fraction(detect::EventType::LPD),
          pattern_fraction(detect::EventType::BIPD),
          pattern_fraction(detect::EventType::GRDA),
          pattern_fraction(detect::EventType::LRDA),
          detection(e.bird_count),
          number(two_helps2b),
          Cell{}};
}

std::vector<Cell> failure(const std::string& error) {
  std::vector<Cell> cells(measure_columns().size());
  cells.front() = text("error");
  cells.back() = text(error);
  return cells;
}

std::string exact(double v) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr};
}

std::string tsv(const Cell& c) {
  if (c.text)
    return tsv_cell(*c.text);
  if (c.number)
    return exact(*c.number);
  return kNotApplicable;
}

// A manifest column under a name no fixed column has; valid as an HDF5 link name.
std::string extra_column_name(const std::string& name, const std::set<std::string>& fixed) {
  std::string out = tsv_cell(name);
  std::replace(out.begin(), out.end(), '/', '_');
  if (fixed.count(out) != 0 || out == "." || out == "..")
    out = "manifest_" + out;
  return out;
}

void write_h5(const fs::path& path, const std::vector<Column>& columns,
              const std::vector<std::vector<Cell>>& rows, const json& sidecar) {
  io::Table table;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].numeric) {
      std::vector<double> values;
      for (const auto& row : rows)
        values.push_back(row[c].number.value_or(std::numeric_limits<double>::quiet_NaN()));
      table.columns.push_back({columns[c].name, std::move(values), columns[c].units});
    } else {
      std::vector<std::string> values;
      for (const auto& row : rows)
        values.push_back(row[c].text ? tsv_cell(*row[c].text) : std::string(kNotApplicable));
      table.columns.push_back({columns[c].name, std::move(values), ""});
    }
  }
  io::Hdf5Writer w(path);
  w.write_attribute("/", "eegtrack_version", std::string(kVersion));
  w.write_attribute("/", "cohort_json", dump_json(sidecar));
  if (rows.empty()) {
    w.create_group("/cohort");
    w.write_attribute("/cohort", "n_rows", std::int64_t{0});
  } else {
    w.write_table("/cohort", table);
  }
  w.commit();
}

}  // namespace

CohortCounts write_cohort(const fs::path& outdir, bool show_identifiers) {
  CohortCounts counts;
  std::vector<BatchRecord> records;
  for (auto& r : read_batch_records(outdir)) {
    if (r.deidentified || show_identifiers)
      records.push_back(std::move(r));
    else
      counts.identified_left_out.push_back(batch_record_path(outdir, r.key));
  }
  std::vector<Column> columns = {
      {"key", false, "", "Output key: the recording's outputs are <key>.summary.json, .h5, ..."},
      {"input", false, "", "Input path relative to the batch INPUT (as written in a manifest)"},
      {"patient_id", false, "",
       "Manifest patient_id (its pat- pseudonym when de-identified) or BIDS participant label; "
       "n/a when unknown"}};
  std::set<std::string> fixed;
  for (const auto& c : columns)
    fixed.insert(c.name);
  for (const auto& c : measure_columns())
    fixed.insert(c.name);
  // Manifest columns, in order of first appearance over the records sorted by key.
  std::vector<std::string> extras;
  for (const auto& r : records)
    for (const auto& [name, value] : r.extras)
      if (std::find(extras.begin(), extras.end(), name) == extras.end())
        extras.push_back(name);
  for (const auto& name : extras)
    columns.push_back({extra_column_name(name, fixed), false, "",
                       "Manifest column '" + name + "', carried as written"});
  columns.insert(columns.end(), measure_columns().begin(), measure_columns().end());

  std::vector<std::vector<Cell>> rows;
  json parameter_sets = json::array();
  for (const auto& r : records) {
    std::vector<Cell> row = {text(r.key), text(r.input),
                             r.patient_id ? text(*r.patient_id) : Cell{}};
    for (const auto& name : extras) {
      const auto it = std::find_if(r.extras.begin(), r.extras.end(),
                                   [&](const auto& pair) { return pair.first == name; });
      row.push_back(it == r.extras.end() ? Cell{} : text(it->second));
    }
    std::vector<Cell> values;
    if (!r.ok) {
      values = failure(r.error);
    } else {
      const fs::path key(r.key);
      const auto paths =
          analysis_output_paths_named(outdir / key.parent_path(), key.filename().string());
      try {
        // Only a complete output set, as its run wrote it, is tabulated: a summary left beside
        // another run's store, or edited since, is an error row, never a silent mix.
        if (std::string why; !verify_output_set(paths, &why))
          throw std::runtime_error(paths.summary_json.string() + ": outputs incomplete (" + why +
                                   "); run the batch again");
        const auto f = read_findings(paths.summary_json);
        values = measures(f);
        auto set = std::find_if(parameter_sets.begin(), parameter_sets.end(),
                                [&](const json& s) { return s["parameters"] == f.parameters; });
        if (set == parameter_sets.end()) {
          parameter_sets.push_back({{"parameters", f.parameters}, {"keys", json::array()}});
          set = parameter_sets.end() - 1;
        }
        (*set)["keys"].push_back(r.key);
      } catch (const std::exception& e) {
        values = failure(e.what());
      }
    }
    if (values.front().text == "error")
      ++counts.errors;
    row.insert(row.end(), values.begin(), values.end());
    rows.push_back(std::move(row));
  }
  counts.rows = rows.size();

  json described = json::object();
  for (const auto& c : columns) {
    json d = {{"Description", c.description}};
    if (!c.units.empty())
      d["Units"] = c.units;
    described[c.name] = d;
  }
  const json sidecar = {{"eegtrack_version", kVersion},
                        {"columns", described},
                        {"column_order",
                         [&] {
                           json names = json::array();
                           for (const auto& c : columns)
                             names.push_back(c.name);
                           return names;
                         }()},
                        {"n_rows", rows.size()},
                        {"missing_value", kNotApplicable},
                        {"parameter_sets", parameter_sets}};

  std::string table;
  for (std::size_t c = 0; c < columns.size(); ++c)
    table += (c == 0 ? "" : "\t") + columns[c].name;
  table += '\n';
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      table += (c == 0 ? "" : "\t") + tsv(row[c]);
    table += '\n';
  }
  std::string errors = "path\terror\tkey\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i][columns.size() - measure_columns().size()].text == "error")
      errors += tsv(rows[i][1]) + "\t" + tsv(rows[i].back()) + "\t" + tsv(rows[i][0]) + "\n";

  write_text_atomically(outdir / "cohort.json", dump_json(sidecar) + "\n");
  write_text_atomically(outdir / "cohort.tsv", table);
  write_h5(outdir / "cohort.h5", columns, rows, sidecar);
  write_text_atomically(outdir / "errors.tsv", errors);
  return counts;
}

}  // namespace eegtrack::pipeline
