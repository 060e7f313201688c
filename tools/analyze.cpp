// eegtrack analyze: background qEEG and epileptiform events of each recording. Per FILE writes
// OUTDIR/<stem>.h5 (docs/hdf5-layout.md), OUTDIR/<stem>.summary.json and the files for other
// tools (docs/events-and-tables.md), and prints a short human summary. A file that fails is
// reported by name; the others still run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "analysis_options.hpp"
#include "deidentify_key.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "progress_text.hpp"
#include "report_build.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string outdir;
  AnalysisOptions analysis;
  std::string events_format = "bids";
  bool no_events_edf = false;
  bool no_tables = false;
  bool report = false;
  std::string progress = "auto";
  bool deidentify = false;
  std::string deidentify_key;  ///< default OUTDIR/deidentify.key
  std::string patient_id;
};

std::string fixed(double v, int digits) {
  if (!std::isfinite(v))
    return "n/a";
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

// A number from the summary, "n/a" where it is null (not computed) or not finite.
std::string fixed(const nlohmann::json& v, int digits) {
  return v.is_number() ? fixed(v.get<double>(), digits) : std::string("n/a");
}

std::string text(const nlohmann::json& v) {
  return v.is_string() ? printable(v.get<std::string>()) : std::string("n/a");
}

// Warnings that change what a result means (montage fallback, skipped channels or analyses,
// detectors not run) go to stderr as well as into summary.json.
void print_warnings(const fs::path& file, const nlohmann::json& summary) {
  for (const auto* list : {&summary["warnings"], &summary["epileptiform"]["warnings"]})
    for (const auto& w : *list)
      std::cerr << "eegtrack: warning: " << printable(file.filename().string()) << ": " << text(w)
                << '\n';
}

// One line on discharges and seizures, one on rhythmic and periodic patterns.
void print_epileptiform(const nlohmann::json& e, double min_for_rates_s) {
  const bool enough = e["long_enough_for_rates"].get<bool>();
  const auto& interval = e["spike_rate_95ci_per_h"];
  std::cout << "\n  epileptiform: " << e["spike_count"].get<long>() << " spikes/sharp waves (";
  if (enough)
    std::cout << fixed(e["spike_rate_per_h"], 1) << " /h, ";
  else
    std::cout << "in " << format_duration(e["analysed_s"].get<double>())
              << ", too short for a rate; ";
  std::cout << "95 % CI " << fixed(interval[0], 1) << "-" << fixed(interval[1], 1) << " /h";
  if (const auto& f = e["dominant_focus"]; !f.is_null())
    std::cout << ", focus " << text(f["electrode"]) << ' ' << text(f["side"]) << ' '
              << text(f["region"]);
  const long seizures = e["seizure_count"].get<long>();
  std::cout << "), " << seizures << " seizure(s)";
  if (seizures > 0) {
    // Under an hour the burden is the seizure time of the whole analysis: a duration beside
    // the analysed one reads better than "0.3 min in the 16.000 s analysed".
    const auto& burden_min = e["seizure_burden_max_per_h"];
    const double window_s = e["seizure_burden_window_s"].get<double>();
    std::cout << " (burden "
              << (window_s >= 3600.0 ? fixed(burden_min, 1) + " min in the worst hour"
                  : burden_min.is_number()
                      ? format_duration(60.0 * burden_min.get<double>()) + " of the " +
                            format_duration(window_s) + " analysed"
                      : std::string("n/a"))
              << (e["electrographic_status"].get<bool>() ? ", STATUS" : "") << ')';
  }
  std::cout << ", " << e["bird_count"].get<long>() << " BIRD(s)\n  patterns:";
  bool any = false;
  for (const auto& [type, pattern] : e["patterns"].items()) {
    if (pattern["episodes"].get<long>() == 0)
      continue;
    any = true;
    // Under the minimum for rates there is no ACNS prevalence category, only the share of the
    // time (as in the report): "insufficient" would read as a verdict on the pattern.
    std::cout << ' ' << printable(type) << ' ' << pattern["episodes"].get<long>() << " ("
              << (enough ? text(pattern["prevalence"])
                         : fixed(100.0 * pattern["fraction"].get<double>(), 0) + " % of the time")
              << ')';
  }
  if (any && !enough)
    std::cout << " [no ACNS 2021 prevalence in " << format_duration(e["analysed_s"].get<double>())
              << ": it needs " << format_duration(min_for_rates_s) << " or more]";
  if (!any)
    std::cout << " none";
}

// Everything printed comes from the summary that was written (summary.json), so the terminal
// and the file cannot disagree; only the spectrogram's column width, which summary.json does
// not hold, is read from the analysis.
void print_summary(const nlohmann::json& j, double spectrogram_step_s,
                   const pipeline::AnalysisOutputPaths& paths,
                   const pipeline::OutputOptions& outputs) {
  const auto& bg = j["background"];
  const auto& quality = j["quality"];
  const auto& p = j["parameters"];
  std::cout << text(j["recording"]["file"]) << ": "
            << format_duration(j["recording"]["duration_s"].get<double>()) << ", "
            << quality["n_epochs"].get<long>() << " epochs, clean "
            << fixed(100.0 * quality["clean_fraction"].get<double>(), 0) << " %";
  if (!quality["bad_channels"].empty()) {
    std::cout << ", bad channels:";
    for (const auto& b : quality["bad_channels"])
      std::cout << ' ' << text(b);
  }
  std::cout << "\n  PDR: ";
  if (bg["pdr_hz"].is_null())
    std::cout << "absent (" << text(bg["pdr_absent_reason"]) << ')';
  else
    std::cout << fixed(bg["pdr_hz"], 2) << " Hz (confidence " << fixed(bg["pdr_confidence"], 2)
              << ")";
  std::cout << "\n  relative power:";
  for (const auto& band : p["bands"]) {  // in the order given, not by name
    const auto name = band["name"].get<std::string>();
    std::cout << ' ' << printable(name) << ' ' << fixed(bg["rel_power"][name], 2);
  }
  std::cout << "\n  slowing: ";
  const auto& s = j["slowing"];
  if (s["grade"].is_null()) {
    std::cout << "not graded (no clean epoch)";
  } else {
    std::cout << "grade " << text(s["grade"]) << ", distribution " << text(s["distribution"]);
    if (!s["side"].is_null())
      std::cout << " (" << text(s["side"]) << ' ' << text(s["region"]) << ')';
    std::cout << "; encephalopathy index " << fixed(bg["encephalopathy_index"], 3);
  }
  const double step_s = p["spectrogram_step_s"].get<double>();
  std::cout << "\n  spectrogram: columns of " << fixed(spectrogram_step_s, 1) << " s";
  if (std::abs(spectrogram_step_s - step_s) > 1e-9)
    std::cout << " (--spectrogram-step-s " << step_s << " rounded to whole "
              << p["epoch_s"].get<double>() << "-s epochs)";
  std::cout << "\n  suppression "
            << fixed(100.0 * j["continuity"]["suppressed_fraction"].get<double>(), 1) << " %, BSI "
            << fixed(bg["bsi"], 3);
  const auto& detection = p["detection"];
  if (!detection["enabled"].get<bool>())
    std::cout << "\n  epileptiform: not analysed (--no-detect)";
  else if (!(j["epileptiform"]["analysed_s"].get<double>() > 0.0))
    std::cout << "\n  epileptiform: not analysed (nothing the detectors could read)";
  else
    print_epileptiform(j["epileptiform"], detection["min_analysed_for_rates_s"].get<double>());
  std::cout << "\n  wrote " << printable(paths.store.string()) << ", "
            << printable(paths.summary_json.string()) << ", "
            << printable(paths.events_tsv.string()) << " (+ .json)";
  if (outputs.events_edf)
    std::cout << ", " << printable(paths.events_edf.string());
  if (outputs.tables)
    std::cout << ", " << printable(paths.epochs_tsv.string()) << ", "
              << printable(paths.recording_tsv.string()) << " (+ .json)";
  std::cout << '\n';
}

void analyze_one(const fs::path& file, const fs::path& outdir, const pipeline::AnalyzeParams& p,
                 pipeline::OutputOptions outputs, bool report, const std::string& progress) {
  AnalysisProgressPrinter printer(progress_mode(progress), progress == "auto",
                                  printable(file.filename().string()));
  outputs.progress = [&printer](double done_s, double total_s) { printer(done_s, total_s); };
  // De-identified outputs are named by the pseudonym, not the file's stem.
  const std::string stem =
      outputs.deidentify
          ? pipeline::deidentification(*outputs.deidentify, file.filename().string(), "").pseudonym
          : file.stem().string();
  const auto analysed = pipeline::analyze_to_outputs(
      file, pipeline::analysis_output_paths_named(outdir, stem), p, outputs);
  print_warnings(file, analysed.summary);
  print_summary(analysed.summary, analysed.spectrogram_step_s, analysed.paths, outputs);
  if (report) {
    const fs::path html = outdir / (stem + ".report.html");
    write_recording_report(analysed.paths.summary_json, html, {false, {file}, "", "", "", ""});
    std::cout << "  wrote " << printable(html.string()) << '\n';
  }
}

pipeline::OutputOptions resolve_outputs(const AnalyzeOptions& options) {
  const auto format = exports::parse_events_format(options.events_format);
  if (!format)
    throw io::UsageError("--events-format " + options.events_format + ": must be bids or szcore");
  pipeline::OutputOptions out;
  out.events_format = *format;
  out.events_edf = !options.no_events_edf;
  out.tables = !options.no_tables;
  return out;
}

int run_analyze(const AnalyzeOptions& options) {
  if (options.outdir.empty())
    throw io::UsageError("-o/--outdir '': an output directory is required");
  const auto params = resolve_analysis(options.analysis);  // usage errors before any file is read
  auto outputs = resolve_outputs(options);
  (void)progress_mode(options.progress);  // a usage error before any file is read
  const fs::path outdir(options.outdir);
  fs::create_directories(outdir);
  if (!options.deidentify && (!options.deidentify_key.empty() || !options.patient_id.empty()))
    throw io::UsageError("--deidentify-key and --patient-id need --deidentify");
  if (options.deidentify) {
    outputs.deidentify = project_key(key_file(options.deidentify_key, outdir), kKeepForThisPatient);
    if (!options.patient_id.empty())
      outputs.patient_id = options.patient_id;
  }
  int failed = 0;
  for (const auto& file : options.files) {
    std::error_code ec;
    if (fs::is_directory(file, ec)) {  // a folder is batch's input: point there
      std::cerr << "eegtrack: analyze failed for " << printable(file)
                << ": a folder, not a recording; eegtrack batch " << printable(file)
                << " -o OUTDIR analyses every recording in it\n";
      ++failed;
      continue;
    }
    try {
      analyze_one(file, outdir, params, outputs, options.report, options.progress);
    } catch (const std::exception& e) {
      // An error about the file names it already (io::EdfError): not twice.
      const std::string what = e.what();
      const bool names_file = what.rfind(file + ": ", 0) == 0;
      std::cerr << "eegtrack: analyze failed for "
                << printable(names_file ? what : file + ": " + what) << '\n';
      ++failed;
    }
  }
  if (failed > 0)
    std::cerr << "eegtrack: " << failed << " of " << options.files.size() << " file(s) failed\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace

void add_analyze(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand(
      "analyze", "Background qEEG per recording: HDF5 feature store and summary.json");
  cmd->footer("Example: eegtrack analyze rec1.edf rec2.edf -o results --montage average");
  cmd->add_option("files", o->files, "EDF/EDF+/BDF/BDF+ files")->required();
  cmd->add_option("-o,--outdir", o->outdir, "Output directory (created if missing)")->required();
  add_analysis_options(*cmd, o->analysis);
  cmd->add_option("--events-format", o->events_format,
                  "Convention of OUTDIR/<stem>.events.tsv: bids (every event, default) or szcore "
                  "(seizures only, for SzCORE scoring tools)")
      ->capture_default_str();
  cmd->add_flag("--no-events-edf", o->no_events_edf,
                "Do not write OUTDIR/<stem>.events.edf (the events as EDF+ annotations)");
  cmd->add_flag("--no-tables", o->no_tables,
                "Do not write OUTDIR/<stem>.epochs.tsv and <stem>.recording.tsv (per-epoch "
                "features and the summary as tables)");
  cmd->add_flag("--report", o->report,
                "Also write OUTDIR/<stem>.report.html, the recording report (docs/report.md)");
  cmd->add_option("--progress", o->progress,
                  "Progress on stderr: bar (redrawn in place), lines (one per tenth), none, or "
                  "auto (a bar on a terminal, lines in a log for recordings of an hour or more)")
      ->capture_default_str();
  cmd->add_flag("--deidentify", o->deidentify,
                "Name the outputs by a pseudonymous id instead of the file name and shift every "
                "date by a per-patient number of days (docs/robustness.md)");
  cmd->add_option("--deidentify-key", o->deidentify_key,
                  "Secret key file of the project for --deidentify (created with a new random "
                  "key if missing; default OUTDIR/deidentify.key)");
  cmd->add_option("--patient-id", o->patient_id,
                  "Patient whose date shift applies with --deidentify (default: the EDF+ "
                  "patient code, else the file name)");
  cmd->callback([o] { run_guarded([&] { return run_analyze(*o); }); });
}

}  // namespace eegtrack::cli
