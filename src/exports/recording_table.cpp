#include "eegtrack/exports/recording_table.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "table_cells.hpp"

namespace eegtrack::exports {
namespace {

using namespace detail;

// One column: the path of its field in summary.json; element 0 or 1 of an interval [low, high].
struct Field {
  std::vector<std::string> path;
  int element = -1;
  std::string units;
  std::string description;
  ColumnLevels levels{};

  [[nodiscard]] std::string name() const {
    std::string out;
    for (const auto& step : path)
      out += (out.empty() ? "" : ".") + step;
    return element < 0 ? out : out + (element == 0 ? ".low" : ".high");
  }
};

std::string cell(const nlohmann::json& summary, const Field& field) {
  nlohmann::json::json_pointer pointer;
  for (const auto& step : field.path)
    pointer.push_back(step);
  if (field.element >= 0)
    pointer.push_back(std::to_string(field.element));
  if (!summary.contains(pointer))
    return kNotApplicable;
  const auto& v = summary.at(pointer);
  if (v.is_boolean())
    return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer())
    return std::to_string(v.get<long long>());
  if (v.is_number())
    return exact_cell(v.get<double>());
  if (v.is_string())
    return text_cell(v.get<std::string>());
  if (v.is_array()) {
    std::string words;
    for (const auto& item : v)
      if (item.is_string())
        words += (words.empty() ? "" : "; ") + item.get<std::string>();
    return text_cell(words);
  }
  return kNotApplicable;  // null
}

// A field the detectors produced (a count, a rate, a pattern's share, the 2HELPS2B points):
// without detection (epileptiform.analysed_s 0, --no-detect) summary.json holds null for the
// counts, but still 0 or empty for some (the burden window, the pattern shares, per-electrode
// rates), which the table must not pass on as "none found".
bool detector_result(const Field& field) {
  return field.path.size() > 1 && field.path[0] == "epileptiform" &&
         field.path[1] != "analysed_s" && field.path[1] != "main_montage";
}

bool detectors_ran(const nlohmann::json& summary) {
  const nlohmann::json::json_pointer analysed("/epileptiform/analysed_s");
  return summary.contains(analysed) && summary.at(analysed).is_number() &&
         summary.at(analysed).get<double>() > 0.0;
}

class FieldList {
 public:
  void add(std::vector<std::string> path, std::string units, std::string description,
           ColumnLevels levels = {}) {
    fields_.push_back(
        {std::move(path), -1, std::move(units), std::move(description), std::move(levels)});
  }
  // Both ends of an interval [low, high].
  void add_interval(const std::vector<std::string>& path, const std::string& units,
                    const std::string& what) {
    fields_.push_back({path, 0, units, "Lower end of " + what});
    fields_.push_back({path, 1, units, "Upper end of " + what});
  }
  [[nodiscard]] const std::vector<Field>& fields() const { return fields_; }

 private:
  std::vector<Field> fields_;
};

struct Band {
  std::string name;
  std::string range;  // "1-4 Hz"
};

std::vector<Band> bands_of(const nlohmann::json& summary) {
  const nlohmann::json::json_pointer pointer("/parameters/bands");
  if (!summary.contains(pointer) || !summary.at(pointer).is_array())
    throw std::invalid_argument("recording table: the summary has no parameters.bands list");
  std::vector<Band> bands;
  for (const auto& b : summary.at(pointer))
    bands.push_back(
        {b.at("name").get<std::string>(), exact_cell(b.at("low_hz").get<double>()) + "-" +
                                              exact_cell(b.at("high_hz").get<double>()) + " Hz"});
  return bands;
}

void recording_fields(FieldList& f) {
  f.add({"recording", "file"}, "", "Base name of the recording file (no folder).");
  f.add({"recording", "sha256"}, "", "SHA-256 of the recording file, lowercase hex.");
  f.add({"recording", "size_bytes"}, "byte", "Size of the recording file.");
  f.add({"recording", "start"}, "",
        "Recording start as stored in the EDF header, ISO 8601 local time without zone.");
  f.add({"recording", "duration_s"}, "s", "Duration of the recording.");
  f.add({"recording", "file_type"}, "", "EDF, EDF+C, EDF+D, BDF, BDF+C or BDF+D.");
  f.add({"recording", "sample_rate_hz"}, "Hz", "Sample rate of the analysed channels.");
  f.add({"recording", "montage_used"}, "",
        "Montage of the background analysis (referential when an average reference was "
        "impossible).");
  f.add({"eegtrack_version"}, "", "Version of eegtrack that analysed the recording.");
  f.add({"quality", "n_epochs"}, "", "Number of analysis epochs.");
  f.add({"quality", "n_clean_epochs"}, "", "Epochs counted in the recording-level measures.");
  f.add({"quality", "clean_fraction"}, "1", "n_clean_epochs / n_epochs.");
  f.add({"quality", "bad_channels"}, "",
        "Channels left out of every measure for too many artifacts, separated by '; '.");
}

void background_fields(FieldList& f, const std::vector<Band>& bands) {
  const std::vector<std::string> bg{"background"};
  const auto at = [&](const std::string& key) {
    auto path = bg;
    path.push_back(key);
    return path;
  };
  f.add(at("pdr_hz"), "Hz",
        "Posterior dominant rhythm; n/a when there is none (see background.pdr_absent_reason).");
  f.add(at("pdr_confidence"), "1",
        "Confidence of the PDR estimate, 0-1; 0 when estimated and absent, n/a when not "
        "estimated.");
  f.add(at("pdr_power_uv2"), "uV^2", "Mean posterior power around the PDR peak.");
  f.add(at("pdr_left_hz"), "Hz", "PDR estimated on the left posterior channels only.");
  f.add(at("pdr_right_hz"), "Hz", "PDR estimated on the right posterior channels only.");
  f.add(at("slower_rhythm_dominates"), "", "PDR absent because a slower peak dominates.");
  f.add(at("pdr_absent_reason"), "", "Why there is no PDR, in words.");
  for (const auto& b : bands)
    f.add({"background", "rel_power", b.name}, "1",
          "Relative " + b.name + " power (" + b.range +
              " over the total band): median over clean epochs of the mean over good channels.");
  for (const auto& b : bands)
    f.add({"background", "abs_power_uv2", b.name}, "uV^2",
          "Absolute " + b.name + " power (" + b.range +
              "): median over clean epochs of the mean over good channels.");
  f.add(at("dar"), "1", "Delta/alpha power ratio (median over clean epochs).");
  f.add(at("tar"), "1", "Theta/alpha power ratio (median over clean epochs).");
  f.add(at("dtabr"), "1", "(delta + theta) / (alpha + beta) power ratio (median).");
  f.add(at("sef95_hz"), "Hz", "Spectral edge frequency 95 % (median).");
  f.add(at("sef90_hz"), "Hz", "Spectral edge frequency 90 % (median).");
  f.add(at("median_frequency_hz"), "Hz", "Spectral edge frequency 50 % (median).");
  f.add(at("aperiodic_exponent"), "1", "Exponent of the aperiodic (1/f) fit (median).");
  f.add(at("bsi"), "1", "Brain symmetry index, 0 (symmetric) to 1.");
  f.add(at("pdbsi"), "1", "Pairwise derived brain symmetry index, 0 to 1.");
  f.add(at("suppression_fraction"), "1", "Fraction of the recording that is suppressed.");
  f.add(at("encephalopathy_index"), "1",
        "Encephalopathy index, 0 (normal) to 1 (docs/qeeg-features.md §5); n/a when not graded.");
  const std::vector<std::string> iv{"background", "intervals"};
  const auto interval = [&](const std::string& key) {
    auto path = iv;
    path.push_back(key);
    return path;
  };
  f.add(interval("level"), "1", "Level of the block-bootstrap intervals below (0.95).");
  f.add(interval("unavailable"), "",
        "Why the intervals were withheld (n/a when they were computed).");
  const std::string of = " interval of the block bootstrap over clean epochs (docs/findings.md).";
  f.add_interval(interval("encephalopathy_index"), "1", "the encephalopathy index" + of);
  f.add_interval(interval("pdr_hz"), "Hz", "the PDR (resamples with a PDR)" + of);
  f.add(interval("pdr_present_fraction"), "1", "Share of bootstrap resamples with a PDR.");
  f.add_interval(interval("relative_delta"), "1", "the relative delta power" + of);
  f.add_interval(interval("relative_theta"), "1", "the relative theta power" + of);
  f.add_interval(interval("dar"), "1", "the delta/alpha ratio" + of);
}

void region_fields(FieldList& f, const std::vector<Band>& bands) {
  for (const char* region : {"frontal", "central", "temporal", "parietal", "occipital"}) {
    const std::string r = region;
    f.add({"regions", r, "n_channels"}, "",
          "Good channels in the " + r + " region (n/a: none recorded).");
    for (const auto& b : bands)
      f.add(
          {"regions", r, "rel_power", b.name}, "1",
          "Relative " + b.name + " power over the " + r + " channels (median over clean epochs).");
    for (const auto& b : bands)
      f.add(
          {"regions", r, "abs_power_uv2", b.name}, "uV^2",
          "Absolute " + b.name + " power over the " + r + " channels (median over clean epochs).");
    for (const auto& b : bands)
      f.add({"regions", r, "asymmetry_right_minus_left", b.name}, "1",
            "(R - L) / (R + L) of the " + r + " " + b.name +
                " power; n/a unless both sides were recorded.");
    f.add({"regions", r, "slow_asymmetry"}, "1",
          "(R - L) / (R + L) of the " + r + " delta + theta power.");
  }
}

void slowing_fields(FieldList& f) {
  f.add({"slowing", "grade"}, "", "Slowing grade (docs/analyze.md); n/a when not graded.",
        {{"none", "no slowing"}, {"mild", "mild"}, {"moderate", "moderate"}, {"severe", "severe"}});
  f.add({"slowing", "distribution"}, "", "Distribution of the slowing.",
        {{"none", "no slowing"}, {"diffuse", "diffuse"}, {"focal", "focal"}});
  f.add({"slowing", "side"}, "", "Side of focal slowing.");
  f.add({"slowing", "region"}, "", "Region of focal slowing.");
  f.add({"slowing", "focal_slow_index"}, "1",
        "Signed delta + theta asymmetry of the most asymmetric homologous pair.");
  f.add({"slowing", "focal_pairs"}, "", "Homologous pairs meeting the focal rule.");
  for (const char* component : {"pdr", "slow", "suppression", "frequency"})
    f.add({"slowing", std::string(component) + "_component"}, "1",
          std::string("The ") + component + " component of the encephalopathy index, 0-1.");
  f.add({"slowing", "criteria"}, "", "The grading rules that fired, separated by '; '.");
  f.add({"continuity", "suppressed_fraction"}, "1", "Suppressed fraction of the record (ACNS).");
  f.add({"continuity", "n_bursts"}, "", "Bursts found.");
  f.add({"continuity", "classification"}, "", "ACNS continuity.",
        {{"continuous", "continuous"},
         {"nearly_continuous", "nearly continuous"},
         {"discontinuous", "discontinuous"},
         {"burst_suppression", "burst suppression"},
         {"suppression", "suppression"}});
}

void epileptiform_fields(FieldList& f) {
  const auto at = [](std::string key) {
    return std::vector<std::string>{"epileptiform", std::move(key)};
  };
  f.add(at("analysed_s"), "s",
        "EEG time the detectors read, the denominator of every rate: epochs in which more "
        "than max_masked_channel_fraction of the channels were flat, clipped or popping are "
        "left out; 0 when they did not run (--no-detect) or read nothing, and then every "
        "other epileptiform column but main_montage is n/a.");
  f.add(at("main_montage"), "", "Montage of the detectors' main view.");
  f.add(at("long_enough_for_rates"), "",
        "Whether the analysed time is long enough for rates and prevalences.");
  f.add(at("spike_count"), "", "Spikes and sharp waves after reconciliation.");
  f.add(at("spike_rate_per_h"), "1/h", "Spike and sharp-wave rate; n/a when too short.");
  f.add_interval(at("spike_rate_95ci_per_h"), "1/h",
                 "the exact 95 % Poisson interval of the rate.");
  for (const char* key : {"electrode", "side", "region"})
    f.add({"epileptiform", "dominant_focus", key}, "",
          std::string("Dominant spike focus: ") + key + "; n/a without spikes.");
  f.add({"epileptiform", "dominant_focus", "count"}, "", "Spikes at the dominant focus.");
  f.add({"epileptiform", "dominant_focus", "rate_per_h"}, "1/h",
        "Rate at the dominant focus; n/a when too short.");
  f.add({"epileptiform", "dominant_focus", "share"}, "1",
        "Fraction of all spikes at the dominant focus.");
  f.add(at("seizure_count"), "", "Electrographic seizures.");
  f.add(at("longest_seizure_s"), "s", "Longest seizure.");
  f.add(at("seizure_burden_max_per_h"), "min/h",
        "Minutes of seizure in the worst 60-min window (or in the whole analysed time when "
        "shorter: seizure_burden_window_s).");
  f.add(at("seizure_burden_window_s"), "s", "Window of the seizure burden.");
  f.add(at("electrographic_status"), "", "ACNS electrographic status epilepticus.");
  f.add(at("bird_count"), "", "BIRDs outside seizures.");
  for (const char* type : {"GPD", "LPD", "BIPD", "GRDA", "LRDA"}) {
    const std::string t = type;
    f.add({"epileptiform", "patterns", t, "episodes"}, "", "Episodes of " + t + ".");
    f.add({"epileptiform", "patterns", t, "fraction"}, "1",
          "Fraction of the analysed time covered by " + t + ".");
    f.add({"epileptiform", "patterns", t, "covered_s"}, "s", "Time covered by " + t + ".");
    f.add({"epileptiform", "patterns", t, "prevalence"}, "",
          "ACNS prevalence of " + t + " (none, rare, occasional, frequent, abundant, continuous).");
    f.add({"epileptiform", "patterns", t, "median_duration_s"}, "s",
          "Median episode duration of " + t + ".");
    f.add({"epileptiform", "patterns", t, "duration"}, "",
          "ACNS duration category of the median " + t + " episode.");
  }
  f.add(at("two_helps2b_eeg_points"), "", "EEG points of the 2HELPS2B score.");
  f.add(at("events_dropped_for_artifacts"), "", "Detections dropped as artifacts.");
  f.add({"warnings"}, "", "Montage notes and skipped analyses, separated by '; '.");
}

}  // namespace

TableWithSidecar recording_table(const nlohmann::json& summary) {
  const auto bands = bands_of(summary);
  FieldList list;
  recording_fields(list);
  background_fields(list, bands);
  region_fields(list, bands);
  slowing_fields(list);
  epileptiform_fields(list);
  const bool detected = detectors_ran(summary);
  std::vector<std::string> header, row;
  TableWithSidecar out;
  out.sidecar = nlohmann::ordered_json::object();
  for (const auto& field : list.fields()) {
    header.push_back(field.name());
    row.push_back(!detected && detector_result(field) ? kNotApplicable : cell(summary, field));
    out.sidecar[field.name()] =
        column_sidecar(field.description + " (<stem>.summary.json " + field.name() + ")",
                       field.units, field.levels);
  }
  out.tsv = tsv_line(header) + tsv_line(row);
  return out;
}

}  // namespace eegtrack::exports
