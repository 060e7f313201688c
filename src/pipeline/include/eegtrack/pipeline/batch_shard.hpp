#pragma once
// Shards of one `eegtrack batch` input list (docs/batch.md, shards): `--shard K/N`, or a Slurm
// job array's task, processes the K-th of N parts of the list, so that N processes on N machines
// share one cohort without two of them analysing the same recording.
//
// The rule: the recordings sorted by key (as discover_batch_inputs returns them, independent of
// the order a file system lists them), recording i (0-based) belongs to shard (i mod N) + 1.
// Round-robin rather than blocks, so long and short recordings that sort together spread over
// the shards.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/pipeline/batch_inputs.hpp"

namespace eegtrack::pipeline {

/// The K-th of N shards, 1 <= index <= count.
struct BatchShard {
  std::size_t index = 1;
  std::size_t count = 1;
  friend bool operator==(const BatchShard&, const BatchShard&) = default;
};

/// "K/N" with 1 <= K <= N (decimal, no sign, no spaces).
/// @throws io::UsageError naming the text and the rule ("0/3", "4/3", "x", "1/0").
[[nodiscard]] BatchShard parse_shard(std::string_view text);

/// "K/N".
[[nodiscard]] std::string to_string(const BatchShard& shard);

/// Looks up an environment variable: nullptr when unset (std::getenv in the program).
using EnvironmentLookup = std::function<const char*(const char*)>;

/// The shard of a Slurm job-array task, or nullopt outside a job array (SLURM_ARRAY_TASK_ID
/// unset). K = (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1 and
/// N = SLURM_ARRAY_TASK_COUNT, so `--array=0-9`, `--array=1-10` and `--array=5-23:2` all give
/// shards 1..N (MIN defaults to 0 and STEP to 1 when unset). The limit of tasks running at once
/// (`--array=1-10%2`) does not change them.
/// @throws io::UsageError naming the variable when one is not a number, or the ids are not an
/// evenly spaced range (`--array=1,4,5`): such an array cannot be split into shards.
[[nodiscard]] std::optional<BatchShard> slurm_array_shard(const EnvironmentLookup& getenv);

/// The inputs of `shard` (the rule above), in key order.
[[nodiscard]] std::vector<BatchInput> select_shard(const std::vector<BatchInput>& sorted_by_key,
                                                   const BatchShard& shard);

/// Where a shard records its progress: OUTDIR/shards/shard-K-of-N.json.
[[nodiscard]] std::filesystem::path shard_record_path(const std::filesystem::path& outdir,
                                                      const BatchShard& shard);

/// Writes the shard's record atomically: its keys, and whether it has finished (written with
/// finished = false before the first recording and true after the last), with the counts of
/// analysed, skipped and failed recordings when finished.
struct ShardRecord {
  BatchShard shard;
  std::vector<std::string> keys;
  bool finished = false;
  std::size_t analysed = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
};
void write_shard_record(const std::filesystem::path& outdir, const ShardRecord& record);

/// What `eegtrack merge` reports about the shards that wrote into `outdir`: one line per shard
/// that started and has not finished (killed, timed out, still running) while some of its
/// recordings have no <key>.batch.json, hence no row in the cohort table, naming it and how many.
/// Empty when every shard finished (or its recordings were done by a later run, say with another
/// N), or the batch was not sharded.
/// @throws io::EdfError naming a shard record that cannot be read.
[[nodiscard]] std::vector<std::string> unfinished_shards(const std::filesystem::path& outdir);

}  // namespace eegtrack::pipeline
