#include "eegtrack/pipeline/batch_slurm.hpp"

#include <algorithm>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::pipeline {

namespace fs = std::filesystem;

namespace {

// #SBATCH lines are read by sbatch, not by a shell: values there get no quoting, so only plain
// words are written (a partition list "a,b", a time "1-12:00:00", a memory "4G").
bool plain_word(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == ',' || c == ':' || c == '+' || c == '-';
  });
}

// "#SBATCH --name=value", or nothing for an empty value (the cluster's default).
std::string directive(const char* name, const std::string& value, const char* option) {
  if (value.empty())
    return {};
  if (!plain_word(value) || value.front() == '-')
    throw io::UsageError(std::string(option) + " '" + value +
                         "': not a plain Slurm value (letters, digits and _ . , : + - only)");
  return std::string("#SBATCH --") + name + "=" + value + "\n";
}

void require_absolute(const fs::path& path, const char* what) {
  if (!path.is_absolute())
    throw std::invalid_argument(std::string(what) + " '" + path.string() + "' is not absolute");
}

std::string quoted(const fs::path& path) {
  return shell_quote(path.string());
}

// The #SBATCH lines both jobs share.
std::string placement(const SlurmJobOptions& job) {
  return directive("partition", job.partition, "--partition") +
         directive("account", job.account, "--account");
}

}  // namespace

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

SlurmScripts slurm_scripts(const SlurmScriptRequest& r) {
  for (const auto& [path, what] :
       {std::pair{&r.eegtrack, "eegtrack"}, std::pair{&r.input, "INPUT"},
        std::pair{&r.outdir, "OUTDIR"}, std::pair{&r.logs, "log folder"},
        std::pair{&r.batch_script, "batch script"}, std::pair{&r.merge_script, "merge script"},
        std::pair{&r.submit, "submit script"}})
    require_absolute(*path, what);
  const auto& job = r.job;
  if (job.array == 0)
    throw io::UsageError("--array 0: at least one task is needed");
  if (job.cpus_per_task == 0)
    throw io::UsageError("--cpus-per-task 0: at least one CPU is needed");
  std::string array = "1-" + std::to_string(job.array);
  if (job.max_running > 0)
    array += "%" + std::to_string(job.max_running);
  const std::string cpus = std::to_string(job.cpus_per_task);

  SlurmScripts s;
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string chains.
  auto& b = s.batch;
  b += "#!/bin/bash\n";
  b += "# Written by eegtrack slurm (docs/batch.md). Each task of the array analyses one\n";
  b += "# shard: eegtrack batch reads SLURM_ARRAY_TASK_ID itself. Queue it with submit.sh,\n";
  b += "# which also queues the merge that builds the cohort table when the array ends.\n";
  b += directive("job-name", job.job_name + "-batch", "--job-name");
  b += "#SBATCH --array=" + array + "\n";
  b += "#SBATCH --cpus-per-task=" + cpus + "\n";
  b += directive("mem", job.mem, "--mem");
  b += directive("time", job.time, "--time");
  b += placement(job);
  // Relative to the folder sbatch is run from: submit.sh runs it in the log folder.
  b += "#SBATCH --output=batch-%A_%a.out\n";
  b += "set -euo pipefail\n";
  b += "exec " + quoted(r.eegtrack);
  b += " batch " + quoted(r.input);
  b += " -o " + quoted(r.outdir);
  b += " --jobs \"${SLURM_CPUS_PER_TASK:-" + cpus + "}\"";
  for (const auto& argument : r.batch_arguments) {
    b += ' ';
    b += shell_quote(argument);
  }
  if (r.show_identifiers)
    b += " --show-identifiers";
  b += "\n";

  auto& m = s.merge;
  m += "#!/bin/bash\n";
  m += "# Written by eegtrack slurm (docs/batch.md): the cohort table of every shard, once\n";
  m += "# the array has ended (submit.sh queues it with --dependency=afterany).\n";
  m += directive("job-name", job.job_name + "-merge", "--job-name");
  m += "#SBATCH --cpus-per-task=1\n";
  m += directive("mem", job.merge_mem, "--merge-mem");
  m += directive("time", job.merge_time, "--merge-time");
  m += placement(job);
  m += "#SBATCH --output=merge-%j.out\n";
  m += "set -euo pipefail\n";
  m += "exec " + quoted(r.eegtrack);
  m += " merge " + quoted(r.outdir);
  if (r.show_identifiers)
    m += " --show-identifiers";
  if (r.report)
    m += " --report";
  m += "\n";

  auto& u = s.submit;
  u += "#!/bin/bash\n";
  u += "# Written by eegtrack slurm (docs/batch.md): queues the batch array, then the merge\n";
  u += "# to run after every task of it has ended, whatever their exit status (a task\n";
  u += "# exits 1 when one of its recordings failed; errors.tsv lists them). Arguments\n";
  u += "# are passed to both sbatch calls (e.g. --qos=long).\n";
  u += "set -euo pipefail\n";
  u += "# Slurm writes the jobs' output relative to the folder sbatch runs in.\n";
  u += "cd -- " + quoted(r.logs);
  u += "\n";
  u += "array_job=$(sbatch --parsable \"$@\" " + quoted(r.batch_script);
  u += ")\n";
  u += "array_job=${array_job%%;*}  # --parsable prints id[;cluster]\n";
  u += "merge_job=$(sbatch --parsable --dependency=\"afterany:${array_job}\" \"$@\" ";
  u += quoted(r.merge_script);
  u += ")\n";
  u += "merge_job=${merge_job%%;*}\n";
  u += "printf '%s %s\\n' \"${array_job}\" \"${merge_job}\" >submitted-jobs.txt\n";
  u += "echo \"eegtrack: queued batch array job ${array_job} (" + std::to_string(job.array);
  u += " tasks) and merge job ${merge_job} after it\"\n";
  u += "printf 'eegtrack: outputs in %s, job logs in %s\\n' " + quoted(r.outdir);
  u += ' ';
  u += quoted(r.logs);
  u += "\n";
  return s;
}

}  // namespace eegtrack::pipeline
