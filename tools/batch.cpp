// eegtrack batch: every recording of a folder, manifest or BIDS dataset analysed into OUTDIR on
// a pool of worker threads, resumable and fault-isolated, with the cohort table at the end
// (docs/batch.md). eegtrack merge: the cohort table rebuilt from what OUTDIR holds.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "analysis_options.hpp"
#include "cohort_report_build.hpp"
#include "deidentify_key.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/available_cpus.hpp"
#include "eegtrack/pipeline/batch_inputs.hpp"
#include "eegtrack/pipeline/batch_runner.hpp"
#include "eegtrack/pipeline/batch_shard.hpp"
#include "eegtrack/pipeline/bids_derivatives.hpp"
#include "eegtrack/pipeline/cohort_table.hpp"
#include "left_out_text.hpp"
#include "progress_text.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;
using pipeline::BatchOutcome;

struct BatchOptions {
  std::string input;
  std::string outdir;
  unsigned jobs = 0;  // 0: one per hardware thread
  std::string shard;  // K/N; empty: the Slurm array task's shard, or every recording
  bool show_identifiers = false;
  std::string deidentify_key;
  bool report = false;
  AnalysisOptions analysis;
};

constexpr const char* kReportHelp =
    "Also write OUTDIR/cohort.html, the cohort report, and each analysed recording's report, "
    "OUTDIR/<key>.report.html, linked from it (docs/report.md)";

// EEG hours per wall-clock second and the time left, estimated from the input bytes still to
// read at the rate of those analysed so far (recordings differ in length, bytes track work).
std::string rates(const pipeline::BatchProgress& p) {
  std::string out;
  if (p.elapsed_s > 0.0 && p.analysed > 0)
    out += ", " + three_digits(p.eeg_analysed_s / 3600.0 / p.elapsed_s) + " h EEG/s";
  if (p.done < p.total && p.bytes_analysed > 0)
    out += ", ETA " + short_duration(p.elapsed_s * static_cast<double>(p.bytes_left) /
                                     static_cast<double>(p.bytes_analysed));
  return out;
}

// A terminal gets one line redrawn in place; a log file or pipe one line per recording.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool terminal) : terminal_(terminal) {}

  void operator()(const pipeline::BatchProgress& p) const {
    const auto& r = *p.result;
    const std::string key = printable(p.input->key);
    if (terminal_) {
      if (r.outcome == BatchOutcome::Failed)
        std::cerr << "\r\033[Keegtrack: failed: " << printable(p.input->relative) << ": "
                  << printable(r.error) << '\n';
      constexpr int kWidth = 24;
      const int filled = static_cast<int>(kWidth * p.done / std::max<std::size_t>(p.total, 1));
      std::cerr << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '#')
                << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << p.done
                << '/' << p.total << " recordings" << rates(p)
                << (p.failed > 0 ? ", " + std::to_string(p.failed) + " failed" : "") << std::flush;
      if (p.done == p.total)
        std::cerr << '\n';
      return;
    }
    std::cerr << "eegtrack: [" << p.done << '/' << p.total << "] ";
    switch (r.outcome) {
      case BatchOutcome::Analysed:
        std::cerr << "analysed " << key << " (" << short_duration(r.duration_s) << " of EEG in "
                  << three_digits(r.wall_s) << " s; " << printable(r.why_analysed) << ')';
        break;
      case BatchOutcome::Skipped:
        std::cerr << "skipped " << key << " (outputs up to date)";
        break;
      case BatchOutcome::Failed:
        std::cerr << "failed " << printable(p.input->relative) << ": " << printable(r.error);
        break;
    }
    std::cerr << rates(p) << '\n';
  }

 private:
  bool terminal_;
};

void print_reports_written(const fs::path& out, std::size_t recording_reports) {
  std::cout << "  wrote " << printable((out / "cohort.html").string())
            << " (the cohort report) and " << recording_reports
            << " recording report(s), <key>.report.html\n";
}

// The cohort tables, with a warning for every recording a de-identified table left out.
pipeline::CohortCounts write_cohort_tables(const fs::path& outdir, bool show_identifiers) {
  auto cohort = pipeline::write_cohort(outdir, show_identifiers);
  for (const auto& record : cohort.identified_left_out)
    std::cerr << "eegtrack: warning: " << printable(record.string())
              << " is the record of a run with --show-identifiers: left out of the cohort "
                 "tables, which are de-identified (merge --show-identifiers includes it); its "
                 "outputs name the recording: remove them before sharing "
              << printable(outdir.string()) << '\n';
  return cohort;
}

int run_batch(const BatchOptions& o) {
  if (o.outdir.empty())
    throw io::UsageError("-o/--outdir '': an output directory is required");
  pipeline::BatchOptions options;
  options.params = resolve_analysis(o.analysis);  // usage errors before any file is read
  options.outdir = o.outdir;
  const std::size_t cpus = pipeline::available_cpus();
  options.jobs = o.jobs > 0 ? o.jobs : static_cast<unsigned>(cpus);
  // Each recording gets its share of the CPUs: with one job per CPU, each analysis runs on one
  // thread; with fewer jobs, an analysis spreads its epochs and detectors over the rest.
  options.params.threads = std::max<std::size_t>(1, cpus / options.jobs);
  const auto shard =
      o.shard.empty()
          ? pipeline::slurm_array_shard([](const char* name) { return std::getenv(name); })
          : std::optional(pipeline::parse_shard(o.shard));
  fs::create_directories(options.outdir);
  auto inputs = pipeline::discover_batch_inputs(o.input, options.outdir);
  // Cohort outputs travel: de-identified unless --show-identifiers (docs/robustness.md). The
  // key is made once the input is known to be usable, not for a run refused at its input.
  if (!o.show_identifiers) {
    options.outputs.deidentify =
        project_key(key_file(o.deidentify_key, options.outdir), "keep it secret");
  }
  // Outside BIDS (whose sub-<label> names are pseudonymous already) the keys come from file
  // and folder names, and the patient ids from a manifest, which may name the patient or hold
  // a hospital number: they become pseudonyms too, the patient's the same one that
  // `followup --deidentify` gives with this key.
  if (options.outputs.deidentify && inputs.kind != pipeline::BatchInputKind::Bids) {
    for (auto& in : inputs.inputs) {
      in.key = pipeline::deidentification(*options.outputs.deidentify, in.key, "").pseudonym;
      in.relative = in.key + fs::path(in.relative).extension().string();
      if (in.patient_id)
        in.patient_pseudonym =
            pipeline::patient_pseudonym(*options.outputs.deidentify, *in.patient_id);
    }
    std::sort(inputs.inputs.begin(), inputs.inputs.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });
  }
  std::cerr << "eegtrack: " << printable(o.input) << " (" << to_string(inputs.kind)
            << "): " << inputs.inputs.size() << " recording(s)";
  std::cerr << left_out_text(inputs);
  if (shard) {
    inputs.inputs = pipeline::select_shard(inputs.inputs, *shard);
    std::cerr << ", shard " << to_string(*shard) << (o.shard.empty() ? " (Slurm array task)" : "")
              << ": " << inputs.inputs.size() << " of them";
  }
  std::cerr << ", " << options.jobs << " job(s)\n";
  // Every shard would write the same description: the first alone does, so two never race.
  if (inputs.kind == pipeline::BatchInputKind::Bids && (!shard || shard->index == 1))
    pipeline::write_bids_dataset_description(options.outdir, o.input);
  pipeline::ShardRecord record;
  if (shard) {
    record.shard = *shard;
    for (const auto& in : inputs.inputs)
      record.keys.push_back(in.key);
    pipeline::write_shard_record(options.outdir, record);
  }
  const ProgressPrinter printer(::isatty(STDERR_FILENO) != 0);
  const auto run = pipeline::run_batch(inputs, options, std::cref(printer));
  const auto& p = run.final;
  if (shard) {
    record.finished = true;
    record.analysed = p.analysed;
    record.skipped = p.skipped;
    record.failed = p.failed;
    pipeline::write_shard_record(options.outdir, record);
  }
  std::cout << "batch: " << p.total << " recording(s): " << p.analysed << " analysed, " << p.skipped
            << " skipped (outputs up to date), " << p.failed << " failed";
  if (p.analysed > 0 && p.elapsed_s > 0.0)
    std::cout << "; " << three_digits(p.eeg_analysed_s / 3600.0) << " h of EEG in "
              << three_digits(p.elapsed_s) << " s ("
              << three_digits(p.eeg_analysed_s / 3600.0 / p.elapsed_s) << " h EEG/s)";
  const fs::path out(options.outdir);
  if (shard) {
    // Shards running at once must not rewrite the batch-level files under each other, and one
    // shard's table would be partial: the cohort is built by merge once all have finished.
    std::cout << "\n  shard " << to_string(*shard) << " done; once every shard has finished, "
              << "eegtrack merge " << (o.report ? "--report " : "") << printable(out.string())
              << " writes cohort.tsv, cohort.h5, cohort.json and errors.tsv"
              << (o.report ? " and the reports" : "") << "\n";
    return p.failed > 0 ? 1 : 0;
  }
  const auto cohort = write_cohort_tables(options.outdir, o.show_identifiers);
  std::cout << "\n  wrote " << printable((out / "cohort.tsv").string()) << " (" << cohort.rows
            << " rows), cohort.h5, cohort.json, errors.tsv (" << cohort.errors << " error(s))\n";
  if (o.report) {
    std::map<std::string, fs::path> files;  // the recordings' EEG pages
    for (const auto& in : inputs.inputs)
      files[in.key] = in.file;
    print_reports_written(out, write_cohort_report(out, out / "cohort.html", true, files));
  }
  return p.failed > 0 ? 1 : 0;
}

int run_merge(const std::string& outdir, bool show_identifiers, bool report) {
  if (!fs::is_directory(outdir))
    throw io::UsageError(outdir + ": not a folder");
  const auto cohort = write_cohort_tables(outdir, show_identifiers);
  const fs::path out(outdir);
  std::cout << "merge: wrote " << printable((out / "cohort.tsv").string()) << " (" << cohort.rows
            << " rows), cohort.h5, cohort.json, errors.tsv (" << cohort.errors << " error(s))\n";
  if (report)
    print_reports_written(out, write_cohort_report(out, out / "cohort.html", true));
  // The table is written all the same: it holds every recording that has finished.
  const auto unfinished = pipeline::unfinished_shards(outdir);
  for (const auto& line : unfinished)
    std::cerr << "eegtrack: merge: " << printable(line) << '\n';
  return unfinished.empty() ? 0 : 1;
}

}  // namespace

void add_batch(CLI::App& app) {
  auto o = std::make_shared<BatchOptions>();
  auto* cmd = app.add_subcommand(
      "batch",
      "Analyse every recording of a folder, manifest or BIDS dataset in parallel, "
      "resumably, with a cohort table (docs/batch.md)");
  cmd->footer(
      "Example: eegtrack batch recordings/ -o results --jobs 4\n"
      "INPUT: a folder (searched recursively for .edf/.bdf), a manifest .csv/.tsv (columns "
      "path, patient_id, ...) or a BIDS dataset root. Recordings whose outputs are up to date "
      "are skipped, so a run can be restarted. Exit status 1 when any recording failed (see "
      "OUTDIR/errors.tsv). With --shard K/N (or in a Slurm job array) only that shard is "
      "analysed and the cohort table is left to eegtrack merge.");
  cmd->add_option("input", o->input, "Folder, manifest (.csv/.tsv) or BIDS dataset root")
      ->required();
  cmd->add_option("-o,--outdir", o->outdir, "Output directory (created if missing)")->required();
  cmd->add_option("-j,--jobs", o->jobs,
                  "Recordings analysed at once (default: one per hardware thread)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--shard", o->shard,
                  "K/N: analyse only the K-th of N shards of the recordings (sorted by key, "
                  "round-robin); default in a Slurm job array: the array task's shard");
  add_analysis_options(*cmd, o->analysis);
  cmd->add_flag("--show-identifiers", o->show_identifiers,
                "Keep the file names, a manifest's patient ids and true dates inside the "
                "outputs (default: pseudonymous file names and patients, per-patient shifted "
                "dates, as analyze and followup --deidentify)");
  cmd->add_flag("--report", o->report, kReportHelp);
  cmd->add_option("--deidentify-key", o->deidentify_key,
                  "Secret key file for the pseudonyms and date shifts (created if missing; "
                  "default OUTDIR/deidentify.key)");
  cmd->callback([o] { run_guarded([&] { return run_batch(*o); }); });
}

void add_merge(CLI::App& app) {
  auto outdir = std::make_shared<std::string>();
  auto show_identifiers = std::make_shared<bool>(false);
  auto report = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "merge",
      "Rebuild OUTDIR/cohort.tsv, cohort.h5, cohort.json and errors.tsv from the "
      "per-recording outputs of eegtrack batch (all shards); exit status 1 when a shard has "
      "not finished");
  cmd->add_option("outdir", *outdir, "Output directory of eegtrack batch")->required();
  cmd->add_flag("--show-identifiers", *show_identifiers,
                "Also tabulate the recordings of batch runs with --show-identifiers (default: "
                "they are left out, with a warning)");
  cmd->add_flag("--report", *report, kReportHelp);
  cmd->callback([outdir, show_identifiers, report] {
    run_guarded([&] { return run_merge(*outdir, *show_identifiers, *report); });
  });
}

}  // namespace eegtrack::cli
