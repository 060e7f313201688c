// eegtrack slurm: the sbatch scripts that run `eegtrack batch` as a Slurm job array, one shard
// per task, and the merge after it (docs/batch.md, Slurm). Nothing is submitted: the scripts
// are written for the user to read and queue with the submit script.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "analysis_options.hpp"
#include "deidentify_key.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/batch_inputs.hpp"
#include "eegtrack/pipeline/batch_slurm.hpp"
#include "eegtrack/pipeline/deidentify.hpp"
#include "left_out_text.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

struct SlurmOptions {
  std::string input;
  std::string outdir;
  std::string script_dir;  // empty: OUTDIR/slurm
  std::string eegtrack;    // empty: this executable
  pipeline::SlurmJobOptions job;
  bool show_identifiers = false;
  bool report = false;
  std::string deidentify_key;  // empty: OUTDIR/deidentify.key
  AnalysisOptions analysis;
  std::vector<const CLI::Option*> analysis_options;  // passed on to batch as given
};

fs::path absolute(const std::string& path) {
  return fs::absolute(path).lexically_normal();
}

// The analysis options as the user gave them, for the batch command line: a flag by its name,
// an option as --name=value so that a value starting with '-' stays a value.
std::vector<std::string> passed_on(const std::vector<const CLI::Option*>& options) {
  std::vector<std::string> out;
  for (const auto* option : options) {
    if (option->count() == 0 || option->get_lnames().empty())
      continue;
    const std::string name = "--" + option->get_lnames().front();
    if (option->get_items_expected() == 0) {
      for (std::size_t i = 0; i < option->count(); ++i)
        out.push_back(name);
    } else {
      for (const auto& value : option->results())
        out.push_back(name + "=" + value);
    }
  }
  return out;
}

fs::path this_executable() {
  std::error_code ec;
  const auto path = fs::read_symlink("/proc/self/exe", ec);
  if (ec)
    throw io::UsageError("cannot tell where this eegtrack is installed: give --eegtrack PATH");
  return path;
}

void write_script(const fs::path& path, const std::string& text) {
  pipeline::write_text_atomically(path, text);
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add);
}

int run_slurm(SlurmOptions& o) {
  if (o.outdir.empty())
    throw io::UsageError("-o/--outdir '': an output directory is required");
  (void)resolve_analysis(o.analysis);  // refused here, not on the cluster hours later
  pipeline::SlurmScriptRequest r;
  r.eegtrack = o.eegtrack.empty() ? this_executable() : absolute(o.eegtrack);
  r.input = absolute(o.input);
  r.outdir = absolute(o.outdir);
  const fs::path scripts = o.script_dir.empty() ? r.outdir / "slurm" : absolute(o.script_dir);
  r.logs = scripts / "logs";
  r.batch_script = scripts / "batch.sbatch";
  r.merge_script = scripts / "merge.sbatch";
  r.submit = scripts / "submit.sh";
  r.batch_arguments = passed_on(o.analysis_options);
  r.show_identifiers = o.show_identifiers;
  r.report = o.report;
  const fs::path key =
      o.deidentify_key.empty() ? r.outdir / "deidentify.key" : absolute(o.deidentify_key);
  if (!o.show_identifiers)
    r.batch_arguments.push_back("--deidentify-key=" + key.string());
  r.job = o.job;
  const auto text = pipeline::slurm_scripts(r);  // checks the #SBATCH values
  if (!fs::is_regular_file(r.eegtrack))
    throw io::UsageError("--eegtrack '" + r.eegtrack.string() + "': no such program");
  // The inputs are listed now so that a wrong INPUT is found before anything is queued.
  const auto inputs = pipeline::discover_batch_inputs(r.input, r.outdir);
  fs::create_directories(r.logs);
  if (!o.show_identifiers) {
    // The tasks start together: the project key is made now, once, so that they all name and
    // shift by the same one (and none reads a key another is still writing).
    (void)project_key(key, "keep it secret");
  }
  write_script(r.batch_script, text.batch);
  write_script(r.merge_script, text.merge);
  write_script(r.submit, text.submit);
  const std::size_t n = inputs.inputs.size();
  std::cout << "slurm: " << n << " recording(s) of " << printable(r.input.string()) << " ("
            << to_string(inputs.kind) << ") in " << o.job.array << " array task(s), "
            << n / o.job.array << (n % o.job.array ? "-" + std::to_string(n / o.job.array + 1) : "")
            << " recording(s) each" << left_out_text(inputs);
  std::cout << "\n  wrote " << printable(r.batch_script.string()) << "\n"
            << "  wrote " << printable(r.merge_script.string()) << "\n"
            << "  wrote " << printable(r.submit.string()) << "\n"
            << "  queue both with: " << printable(pipeline::shell_quote(r.submit.string()))
            << "\n  (or by hand: cd " << printable(pipeline::shell_quote(r.logs.string()))
            << " && sbatch --parsable " << printable(pipeline::shell_quote(r.batch_script.string()))
            << ", then sbatch --dependency=afterany:<array job id> "
            << printable(pipeline::shell_quote(r.merge_script.string())) << ")\n";
  if (o.job.array > n)
    std::cerr << "eegtrack: slurm: " << o.job.array << " tasks for " << n
              << " recording(s): " << o.job.array - n << " task(s) will have nothing to do\n";
  return 0;
}

}  // namespace

void add_slurm(CLI::App& app) {
  auto o = std::make_shared<SlurmOptions>();
  auto* cmd = app.add_subcommand(
      "slurm",
      "Write sbatch scripts that run eegtrack batch as a Slurm job array, one shard per task, "
      "and the merge after it (docs/batch.md)");
  cmd->footer(
      "Example: eegtrack slurm recordings/ -o results --array 20 --partition short --time 2:00:00\n"
      "         results/slurm/submit.sh\n"
      "Writes OUTDIR/slurm/batch.sbatch (the array), merge.sbatch (eegtrack merge OUTDIR) and "
      "submit.sh (queues both, the merge with --dependency=afterany on the array). Analysis "
      "options are passed on to every task's eegtrack batch.");
  cmd->add_option("input", o->input, "Folder, manifest (.csv/.tsv) or BIDS dataset root")
      ->required();
  cmd->add_option("-o,--outdir", o->outdir, "Output directory of the batch")->required();
  cmd->add_option("--array", o->job.array, "Array tasks = shards of the input (task ids 1..N)")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-running", o->job.max_running,
                  "Tasks running at once (--array=1-N%P); default: no limit");
  cmd->add_option("--partition", o->job.partition, "Slurm partition (default: the cluster's)");
  cmd->add_option("--account", o->job.account, "Slurm account (default: the user's)");
  cmd->add_option("--time", o->job.time, "Time limit of each task ('' for the partition's)")
      ->capture_default_str();
  cmd->add_option("--mem", o->job.mem, "Memory of each task ('' for the partition's)")
      ->capture_default_str();
  cmd->add_option("--cpus-per-task", o->job.cpus_per_task,
                  "CPUs of each task, also its batch --jobs")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--merge-time", o->job.merge_time, "Time limit of the merge job")
      ->capture_default_str();
  cmd->add_option("--merge-mem", o->job.merge_mem, "Memory of the merge job")
      ->capture_default_str();
  cmd->add_option("--job-name", o->job.job_name, "Jobs are named NAME-batch and NAME-merge")
      ->capture_default_str();
  cmd->add_option("--script-dir", o->script_dir,
                  "Where the scripts and job logs go (default: OUTDIR/slurm)");
  cmd->add_option("--eegtrack", o->eegtrack,
                  "The eegtrack the compute nodes run (default: this one, by absolute path)");
  cmd->add_flag("--report", o->report,
                "The merge job also writes OUTDIR/cohort.html and each recording's report "
                "(docs/report.md)");
  cmd->add_flag("--show-identifiers", o->show_identifiers,
                "Keep file names, a manifest's patient ids and true dates in the cohort outputs "
                "(default: de-identified, as batch)");
  cmd->add_option("--deidentify-key", o->deidentify_key,
                  "Secret key file for the pseudonyms (created now if missing; default "
                  "OUTDIR/deidentify.key)");
  const auto before = cmd->get_options();
  const std::set<const CLI::Option*> earlier(before.begin(), before.end());
  add_analysis_options(*cmd, o->analysis);
  for (const auto* option : cmd->get_options())
    if (!earlier.contains(option))
      o->analysis_options.push_back(option);
  cmd->callback([o] { run_guarded([&] { return run_slurm(*o); }); });
}

}  // namespace eegtrack::cli
