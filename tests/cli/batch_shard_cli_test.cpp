// eegtrack batch --shard K/N and under a Slurm job array: shards written into one OUTDIR and
// merged give the cohort of a single batch, byte for byte; refused shard texts and array
// variables are usage errors; merge names a shard that has not finished.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// Three short recordings and a file that is not EEG, so errors.tsv has a row to merge.
fs::path shard_input() {
  static const fs::path dir = [] {
    const fs::path d = program_scratch_dir() / "shard_in";
    fs::remove_all(d);
    fs::create_directories(d / "w");
    for (const char* f :
         {"chbmit_chb01_03_interictal_0-41s.edf", "chbmit_chb01_03_seizure_2995-3036s.edf",
          "eegmmidb_S001R01_eyes_open.edf"})
      fs::copy_file(sample_dir() / f, d / "w" / f);
    std::ofstream(d / "not eeg.edf", std::ios::binary) << "this is not EEG\n";
    return d;
  }();
  return dir;
}

// Sets Slurm's array variables for the lifetime of the object, as sbatch does for one task.
class SlurmArrayTask {
 public:
  SlurmArrayTask(const char* id, const char* count, const char* min) {
    ::setenv("SLURM_ARRAY_TASK_ID", id, 1);
    ::setenv("SLURM_ARRAY_TASK_COUNT", count, 1);
    ::setenv("SLURM_ARRAY_TASK_MIN", min, 1);
  }
  ~SlurmArrayTask() {
    for (const char* name :
         {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"})
      ::unsetenv(name);
  }
  SlurmArrayTask(const SlurmArrayTask&) = delete;
  SlurmArrayTask& operator=(const SlurmArrayTask&) = delete;
};

TEST(BatchShardCli, ShardsMergedEqualOneBatch) {
  const fs::path whole = program_scratch_dir() / "shard_whole";
  const fs::path sharded = program_scratch_dir() / "shard_parts";
  fs::remove_all(whole);
  fs::remove_all(sharded);
  // Names kept (--show-identifiers): the shard split below follows the file names.
  const auto one = run_cli(
      {"batch", shard_input().string(), "-o", whole.string(), "--jobs", "1", "--show-identifiers"});
  EXPECT_EQ(one.exit_status, 1) << one.err;  // the file that is not EEG

  // Shard 1 of 2 by option, shard 2 as task 2 of `--array=1-2` (ids from 1).
  const auto first = run_cli({"batch", shard_input().string(), "-o", sharded.string(), "--jobs",
                              "1", "--shard", "1/2", "--show-identifiers"});
  EXPECT_EQ(first.exit_status, 1) << first.err;  // "not eeg" sorts first: shard 1
  EXPECT_NE(first.err.find("4 recording(s), shard 1/2: 2 of them"), std::string::npos) << first.err;
  EXPECT_FALSE(fs::exists(sharded / "cohort.tsv"));  // left to merge
  EXPECT_FALSE(fs::exists(sharded / "errors.tsv"));
  {
    const SlurmArrayTask task("2", "2", "1");
    const auto second = run_cli({"batch", shard_input().string(), "-o", sharded.string(), "--jobs",
                                 "1", "--show-identifiers"});
    EXPECT_EQ(second.exit_status, 0) << second.err;
    EXPECT_NE(second.err.find("shard 2/2 (Slurm array task): 2 of them"), std::string::npos)
        << second.err;
  }
  EXPECT_TRUE(fs::exists(sharded / "shards" / "shard-1-of-2.json"));
  EXPECT_TRUE(fs::exists(sharded / "shards" / "shard-2-of-2.json"));
  const auto merged = run_cli({"merge", sharded.string(), "--show-identifiers"});
  EXPECT_EQ(merged.exit_status, 0) << merged.err;
  for (const char* table : {"cohort.tsv", "errors.tsv", "cohort.json"}) {
    const std::string expected = read_text((whole / table).string());
    EXPECT_FALSE(expected.empty()) << table;
    EXPECT_EQ(read_text((sharded / table).string()), expected) << table;
  }
  EXPECT_NE(read_text((sharded / "errors.tsv").string()).find("not eeg.edf"), std::string::npos);

  // A shard that started and did not finish (killed at its time limit): merge still writes the
  // table but says so, and fails.
  std::ofstream(sharded / "shards" / "shard-3-of-3.json")
      << R"({"shard_json_layout_version": 1, "shard": 3, "shard_count": 3, "finished": false,)"
      << R"( "keys": ["w~eegmmidb_S001R01_eyes_open", "w~lost"]})";
  const auto partial = run_cli({"merge", sharded.string(), "--show-identifiers"});
  EXPECT_EQ(partial.exit_status, 1);
  EXPECT_NE(partial.err.find("shard 3/3 has not finished"), std::string::npos) << partial.err;
  EXPECT_NE(partial.err.find("1 of its 2 recording(s)"), std::string::npos) << partial.err;
}

// De-identified (the batch default), shards writing one OUTDIR share its project key: merged,
// they equal one batch run with that key, pseudonyms and shifted dates alike.
TEST(BatchShardCli, DeidentifiedShardsShareTheProjectKey) {
  const fs::path sharded = program_scratch_dir() / "deid_parts";
  const fs::path whole = program_scratch_dir() / "deid_whole";
  fs::remove_all(sharded);
  fs::remove_all(whole);
  for (const char* shard : {"1/2", "2/2"}) {
    const auto r = run_cli(
        {"batch", shard_input().string(), "-o", sharded.string(), "--jobs", "1", "--shard", shard});
    EXPECT_LE(r.exit_status, 1) << r.err;
  }
  ASSERT_TRUE(fs::exists(sharded / "deidentify.key"));
  EXPECT_EQ(run_cli({"merge", sharded.string()}).exit_status, 0);
  const auto one = run_cli({"batch", shard_input().string(), "-o", whole.string(), "--jobs", "1",
                            "--deidentify-key", (sharded / "deidentify.key").string()});
  EXPECT_EQ(one.exit_status, 1) << one.err;
  for (const char* table : {"cohort.tsv", "errors.tsv", "cohort.json"}) {
    const std::string expected = read_text((whole / table).string());
    EXPECT_NE(expected.find("rec-"), std::string::npos) << table;
    EXPECT_EQ(read_text((sharded / table).string()), expected) << table;
  }
}

TEST(BatchShardCli, BadShardsAreUsageErrors) {
  const fs::path out = program_scratch_dir() / "shard_bad";
  for (const char* bad : {"0/3", "4/3", "x", "1/0", "2"}) {
    const auto r = run_cli({"batch", shard_input().string(), "-o", out.string(), "--shard", bad});
    EXPECT_EQ(r.exit_status, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("--shard '" + std::string(bad) + "'"), std::string::npos) << r.err;
  }
  {
    const SlurmArrayTask task("7", "3", "1");  // --array=1,2,7: not a range
    const auto r = run_cli({"batch", shard_input().string(), "-o", out.string()});
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_NE(r.err.find("SLURM_ARRAY_TASK_ID=7"), std::string::npos) << r.err;
  }
  {
    const SlurmArrayTask task("x", "3", "1");
    const auto r = run_cli({"batch", shard_input().string(), "-o", out.string()});
    EXPECT_EQ(r.exit_status, 2) << r.err;
  }
  EXPECT_FALSE(fs::exists(out / "shards"));  // refused before anything was written
}

}  // namespace
}  // namespace eegtrack::test
