#pragma once
// The scripts `eegtrack slurm` writes (docs/batch.md, Slurm): a job array whose every task runs
// `eegtrack batch` on its shard (the shard read from SLURM_ARRAY_TASK_ID, batch_shard.hpp), a
// merge job that builds the cohort table once the array has ended, and a submit script that
// queues both with the dependency between them.
//
// Paths appear only in the shell commands, single-quoted (shell_quote), never in #SBATCH lines
// or Slurm's file-name patterns: a folder called `it's "$(rm -rf ~)"` is passed as it is. The
// #SBATCH values (partition, time, ...) are checked to be plain words instead.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::pipeline {

/// What the jobs ask Slurm for. The defaults suit the recordings of a ward (hours each): two
/// CPUs and 4 GB per task (one recording per CPU; a 24-h recording needs well under 1 GB), four
/// hours per shard, and a merge of one CPU, 2 GB and 30 minutes.
struct SlurmJobOptions {
  std::size_t array = 1;              ///< tasks = shards, at least 1; task ids 1..array
  std::size_t max_running = 0;        ///< tasks running at once (`--array=1-N%P`); 0: no limit
  std::string job_name = "eegtrack";  ///< the array is <name>-batch, the merge <name>-merge
  std::string partition;              ///< empty: the cluster's default partition
  std::string account;                ///< empty: the user's default account
  std::string time = "04:00:00";      ///< per array task
  std::string mem = "4G";             ///< per array task
  unsigned cpus_per_task = 2;         ///< also the batch's --jobs
  std::string merge_time = "00:30:00";
  std::string merge_mem = "2G";
};

struct SlurmScriptRequest {
  std::filesystem::path eegtrack;      ///< the executable, as the compute nodes see it
  std::filesystem::path input;         ///< batch INPUT
  std::filesystem::path outdir;        ///< batch OUTDIR
  std::filesystem::path logs;          ///< where Slurm writes the jobs' output (submit cds there)
  std::filesystem::path batch_script;  ///< where the array script will be written
  std::filesystem::path merge_script;  ///< where the merge script will be written
  std::filesystem::path submit;        ///< where the submit script will be written
  std::vector<std::string> batch_arguments;  ///< analysis options, passed to batch as they are
  bool show_identifiers = false;             ///< batch and merge get --show-identifiers
  bool report = false;  ///< merge gets --report: the cohort page and the recording reports
  SlurmJobOptions job;
};

struct SlurmScripts {
  std::string batch;   ///< sbatch script of the array
  std::string merge;   ///< sbatch script of the merge
  std::string submit;  ///< bash script: sbatch both, the merge with afterany:<array job id>
};

/// The word `text` as one bash word: single-quoted, a quote written '\''. Any bytes.
[[nodiscard]] std::string shell_quote(std::string_view text);

/// The three scripts. Every path of the request must be absolute.
/// @throws io::UsageError naming the option when a #SBATCH value is not a plain word (letters,
/// digits and _ . , : + - only), array is 0, or cpus_per_task is 0.
[[nodiscard]] SlurmScripts slurm_scripts(const SlurmScriptRequest& request);

}  // namespace eegtrack::pipeline
