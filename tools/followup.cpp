// eegtrack followup: a patient's course file (docs/course-file.md) and its EEG recordings into
// OUTDIR/<patient>.followup.json and .h5 (docs/followup.md), and a day-by-day table; with
// --deidentify, <patient> is the patient's pseudonym and every output is pseudonymous.
#include "eegtrack/pipeline/followup.hpp"

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "analysis_options.hpp"
#include "deidentify_key.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/course_file.hpp"
#include "followup_table.hpp"
#include "option_names.hpp"
#include "report_build.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

struct FollowupCliOptions {
  std::string course;
  std::string outdir;
  bool reanalyze = false;
  bool report = false;
  double pairing_window_days = 1.0;
  AnalysisOptions analysis;
  bool deidentify = false;
  std::string deidentify_key;  ///< default OUTDIR/deidentify.key
};

// The patient id names the outputs: keep it a plain file name.
std::string safe_stem(const std::string& patient) {
  std::string out;
  for (const char c : patient)
    out +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out.empty() || out[0] == '.' ? "patient" + out : out;
}

// Outputs of an earlier run without --deidentify in the same OUTDIR still name the patient and
// the recordings; they are the user's to remove (never removed here).
void warn_of_identified_outputs(const clinical::Course& course, const fs::path& outdir) {
  std::vector<fs::path> found;
  if (const auto p = outdir / (safe_stem(course.patient) + ".followup.json"); fs::exists(p))
    found.push_back(p);
  for (const auto& r : course.recordings)
    if (const auto p = outdir / "recordings" / (fs::path(r.file).stem().string() + ".summary.json");
        fs::exists(p))
      found.push_back(p);
  for (const auto& p : found)
    std::cerr << "eegtrack: warning: " << printable(p.string())
              << " is an output of a run without --deidentify and identifies the patient or a "
                 "recording: remove it (and its companions) before sharing "
              << printable(outdir.string()) << '\n';
}

int run_followup_cli(const FollowupCliOptions& o) {
  if (o.outdir.empty())
    throw io::UsageError("-o/--outdir '': an output directory is required");
  if (!(o.pairing_window_days > 0.0 && o.pairing_window_days <= 30.0))
    throw io::UsageError("--pairing-window-days " + std::to_string(o.pairing_window_days) +
                         ": must be in (0, 30]");
  pipeline::FollowupOptions options;
  options.analysis = resolve_analysis(o.analysis);  // usage errors before any file is read
  options.outdir = o.outdir;
  options.reanalyze = o.reanalyze;
  options.fusion.pairing_window_days = o.pairing_window_days;
  if (!o.deidentify && !o.deidentify_key.empty())
    throw io::UsageError("--deidentify-key needs --deidentify");
  const auto course = pipeline::read_course_file(o.course);
  fs::create_directories(options.outdir);
  if (o.deidentify) {
    options.deidentify =
        project_key(key_file(o.deidentify_key, options.outdir), kKeepForThisPatient);
    warn_of_identified_outputs(course, options.outdir);
  }
  const auto result = pipeline::run_followup(
      course, options, [](std::size_t i, std::size_t n, const std::string& label) {
        std::cerr << "eegtrack: followup: recording " << i + 1 << " of " << n << ": "
                  << printable(label) << '\n';
      });
  const auto json = pipeline::followup_json(result, options);
  const std::string stem = safe_stem(result.course.patient);  // the pseudonym when de-identified
  const fs::path json_path = options.outdir / (stem + ".followup.json");
  const fs::path h5_path = options.outdir / (stem + ".followup.h5");
  pipeline::write_text_atomically(json_path, pipeline::dump_json(json) + "\n");
  pipeline::write_followup_h5(h5_path, json);
  print_followup(json, std::cout);
  std::cout << "\nwrote " << printable(json_path.string()) << ", " << printable(h5_path.string())
            << ", recordings' outputs in " << printable((options.outdir / "recordings").string())
            << '\n';
  if (o.report) {
    ReportRequest request;
    for (const auto& r : course.recordings)
      request.recordings.emplace_back(r.file);
    const fs::path html = options.outdir / (stem + ".followup.html");
    const auto recordings = write_followup_report(json_path, html, request, true);
    std::cout << "wrote " << printable(html.string()) << " and " << recordings.size()
              << " recording report(s) in " << printable((options.outdir / "recordings").string())
              << '\n';
  }
  return 0;
}

}  // namespace

void add_followup(CLI::App& app) {
  auto o = std::make_shared<FollowupCliOptions>();
  auto* cmd = app.add_subcommand(
      "followup",
      "A patient's course (ICANS/CRS grades, labs, treatments) fused with serial EEG: "
      "<patient>.followup.json/.h5 and a day-by-day table");
  cmd->footer(
      "Example: eegtrack followup course.yaml -o followup   (course file: docs/course-file.md)");
  cmd->add_option("course", o->course, "Course file (YAML)")->required();
  cmd->add_option("-o,--outdir", o->outdir, "Output directory (created if missing)")->required();
  cmd->add_flag("--reanalyze", o->reanalyze,
                "Analyse every recording again, even when earlier outputs from the same file "
                "content, version and parameters are in OUTDIR/recordings");
  cmd->add_option("--pairing-window-days", o->pairing_window_days,
                  "A recording is compared with the nearest assessment at most this many days "
                  "away, (0, 30]")
      ->capture_default_str();
  cmd->add_flag("--report", o->report,
                "Also write OUTDIR/<patient>.followup.html, the follow-up report, and each "
                "recording's report in OUTDIR/recordings (docs/report.md)");
  cmd->add_flag("--deidentify", o->deidentify,
                "Name the outputs by pseudonymous ids instead of the patient id and the file "
                "names and shift every date by the patient's number of days, as analyze "
                "--deidentify with --patient-id <patient> (docs/followup.md)");
  cmd->add_option("--deidentify-key", o->deidentify_key,
                  "Secret key file of the project for --deidentify (created with a new random "
                  "key if missing; default OUTDIR/deidentify.key)");
  add_analysis_options(*cmd, o->analysis);
  cmd->callback([o] { run_guarded([&] { return run_followup_cli(*o); }); });
}

}  // namespace eegtrack::cli
