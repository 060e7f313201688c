// Shards of a batch (--shard K/N, Slurm job arrays): the split of a real folder's recordings,
// the refused shard texts, and the shard of an array task read from Slurm's variables.
#include "eegtrack/pipeline/batch_shard.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/batch_record.hpp"
#include "support/paths.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;
using pipeline::BatchShard;

// A folder of `names` (copies of one repository recording), created in the given order.
fs::path folder_of(const std::string& name, const std::vector<std::string>& files) {
  const fs::path dir = program_scratch_dir() / name;
  fs::remove_all(dir);
  for (const auto& file : files) {
    fs::create_directories((dir / file).parent_path());
    fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf", dir / file);
  }
  return dir;
}

std::vector<std::string> keys(const std::vector<pipeline::BatchInput>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs)
    out.push_back(in.key);
  return out;
}

const std::vector<std::string> kFiles = {"b/rec.edf", "a.edf",   "c/d/e.BDF", "z.edf",
                                         "m n.edf",   "b/x.edf", "k.edf"};

TEST(BatchShard, EveryRecordingInExactlyOneShardRoundRobinInKeyOrder) {
  const auto inputs = pipeline::discover_batch_inputs(folder_of("shard_split", kFiles)).inputs;
  ASSERT_EQ(inputs.size(), kFiles.size());
  for (std::size_t n = 1; n <= kFiles.size() + 2; ++n) {
    std::map<std::string, int> seen;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto shard = pipeline::select_shard(inputs, {k, n});
      // Round-robin: shard sizes differ by at most one, larger ones first.
      EXPECT_EQ(shard.size(), inputs.size() / n + (k <= inputs.size() % n ? 1 : 0))
          << k << '/' << n;
      for (std::size_t j = 0; j < shard.size(); ++j) {
        EXPECT_EQ(shard[j].key, inputs[(k - 1) + j * n].key) << k << '/' << n;
        ++seen[shard[j].key];
      }
    }
    ASSERT_EQ(seen.size(), inputs.size()) << n;
    for (const auto& [key, times] : seen)
      EXPECT_EQ(times, 1) << key << " in " << n << " shards";
  }
}

TEST(BatchShard, SplitDoesNotDependOnTheOrderFilesWereCreatedOrListed) {
  auto reversed = kFiles;
  std::reverse(reversed.begin(), reversed.end());
  const auto first = pipeline::discover_batch_inputs(folder_of("shard_order_a", kFiles)).inputs;
  const auto second = pipeline::discover_batch_inputs(folder_of("shard_order_b", reversed)).inputs;
  for (std::size_t k = 1; k <= 3; ++k)
    EXPECT_EQ(keys(pipeline::select_shard(first, {k, 3})),
              keys(pipeline::select_shard(second, {k, 3})));
  // The rule written out: keys sorted (a, b~rec, b~x, c~d~e, k, m%20n, z), the 1st, 4th and 7th
  // in shard 1 of 3.
  EXPECT_EQ(keys(pipeline::select_shard(first, {1, 3})),
            (std::vector<std::string>{"a", "c~d~e", "z"}));
}

TEST(BatchShard, ParsesKOfN) {
  EXPECT_EQ(pipeline::parse_shard("1/1"), (BatchShard{1, 1}));
  EXPECT_EQ(pipeline::parse_shard("3/3"), (BatchShard{3, 3}));
  EXPECT_EQ(pipeline::parse_shard("12/40"), (BatchShard{12, 40}));
  EXPECT_EQ(pipeline::to_string(BatchShard{12, 40}), "12/40");
}

TEST(BatchShard, RefusesShardsOutsideOneToN) {
  for (const char* bad : {"0/3", "4/3", "x", "1/0", "0/0", "-1/3", "+1/3", "1/3/5", "1 /3", "/3",
                          "1/", "", "1.0/3", "0x1/3", "99999999999/99999999999"}) {
    EXPECT_THROW((void)pipeline::parse_shard(bad), io::UsageError) << '"' << bad << '"';
  }
  try {
    (void)pipeline::parse_shard("4/3");
    FAIL();
  } catch (const io::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("'4/3'"), std::string::npos) << e.what();
  }
}

// An environment made of a map, as Slurm would set it for one array task.
pipeline::EnvironmentLookup env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    const auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

TEST(BatchShard, NoArrayNoShard) {
  EXPECT_FALSE(pipeline::slurm_array_shard(env({})));
  // A plain job (SLURM_JOB_ID) that is not an array task analyses everything.
  EXPECT_FALSE(pipeline::slurm_array_shard(env({{"SLURM_JOB_ID", "77"}})));
}

TEST(BatchShard, ArrayTaskIdsFromZeroOneOrAnyMinimumAndStep) {
  // --array=0-3: ids 0..3 are shards 1..4.
  for (int id = 0; id < 4; ++id)
    EXPECT_EQ(pipeline::slurm_array_shard(env({{"SLURM_ARRAY_TASK_ID", std::to_string(id)},
                                               {"SLURM_ARRAY_TASK_COUNT", "4"},
                                               {"SLURM_ARRAY_TASK_MIN", "0"},
                                               {"SLURM_ARRAY_TASK_MAX", "3"}})),
              (BatchShard{static_cast<std::size_t>(id) + 1, 4}));
  // --array=1-4%2 (two at a time): ids 1..4 are shards 1..4.
  EXPECT_EQ(pipeline::slurm_array_shard(env({{"SLURM_ARRAY_TASK_ID", "4"},
                                             {"SLURM_ARRAY_TASK_COUNT", "4"},
                                             {"SLURM_ARRAY_TASK_MIN", "1"}})),
            (BatchShard{4, 4}));
  // --array=10-12
  EXPECT_EQ(pipeline::slurm_array_shard(env({{"SLURM_ARRAY_TASK_ID", "11"},
                                             {"SLURM_ARRAY_TASK_COUNT", "3"},
                                             {"SLURM_ARRAY_TASK_MIN", "10"}})),
            (BatchShard{2, 3}));
  // --array=5-11:3 (ids 5, 8, 11)
  EXPECT_EQ(pipeline::slurm_array_shard(env({{"SLURM_ARRAY_TASK_ID", "11"},
                                             {"SLURM_ARRAY_TASK_COUNT", "3"},
                                             {"SLURM_ARRAY_TASK_MIN", "5"},
                                             {"SLURM_ARRAY_TASK_STEP", "3"}})),
            (BatchShard{3, 3}));
  // No MIN (very old Slurm): ids are taken to start at 0.
  EXPECT_EQ(pipeline::slurm_array_shard(
                env({{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_COUNT", "3"}})),
            (BatchShard{3, 3}));
}

TEST(BatchShard, RefusesArraysThatCannotNumberShards) {
  const auto refused = [](std::map<std::string, std::string> vars, const std::string& names) {
    try {
      (void)pipeline::slurm_array_shard(env(std::move(vars)));
      ADD_FAILURE() << "accepted; expected a message naming " << names;
    } catch (const io::UsageError& e) {
      EXPECT_NE(std::string(e.what()).find(names), std::string::npos) << e.what();
    }
  };
  refused({{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "3"}}, "SLURM_ARRAY_TASK_ID");
  refused({{"SLURM_ARRAY_TASK_ID", "1"}}, "SLURM_ARRAY_TASK_COUNT");
  refused({{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "-3"}},
          "SLURM_ARRAY_TASK_COUNT");
  refused({{"SLURM_ARRAY_TASK_ID", "1"},
           {"SLURM_ARRAY_TASK_COUNT", "3"},
           {"SLURM_ARRAY_TASK_MIN", "one"}},
          "SLURM_ARRAY_TASK_MIN");
  // --array=1,4,5: ids 1, 4, 5, three tasks; 4 and 5 lie outside 1..3.
  refused({{"SLURM_ARRAY_TASK_ID", "5"},
           {"SLURM_ARRAY_TASK_COUNT", "3"},
           {"SLURM_ARRAY_TASK_MIN", "1"}},
          "evenly spaced");
  refused({{"SLURM_ARRAY_TASK_ID", "0"},
           {"SLURM_ARRAY_TASK_COUNT", "3"},
           {"SLURM_ARRAY_TASK_MIN", "1"}},
          "evenly spaced");
  refused({{"SLURM_ARRAY_TASK_ID", "2"},
           {"SLURM_ARRAY_TASK_COUNT", "3"},
           {"SLURM_ARRAY_TASK_MIN", "1"},
           {"SLURM_ARRAY_TASK_STEP", "2"}},
          "evenly spaced");
  refused({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "0"}}, "at least 1");
}

TEST(BatchShard, UnfinishedShardsNameTheirMissingRecordings) {
  const fs::path out = program_scratch_dir() / "shard_records";
  fs::remove_all(out);
  fs::create_directories(out);
  EXPECT_TRUE(pipeline::unfinished_shards(out).empty());  // not a sharded batch
  pipeline::ShardRecord done{{1, 2}, {"a", "c"}, true, 2, 0, 0};
  pipeline::ShardRecord running{{2, 2}, {"b", "d", "e"}, false};
  pipeline::write_shard_record(out, done);
  pipeline::write_shard_record(out, running);
  pipeline::write_batch_record(out, {"b", "b.edf", std::nullopt, {}, true, ""});
  const auto lines = pipeline::unfinished_shards(out);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_NE(lines[0].find("shard 2/2 has not finished"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("2 of its 3 recording(s)"), std::string::npos) << lines[0];
  EXPECT_EQ(pipeline::shard_record_path(out, {2, 2}), out / "shards" / "shard-2-of-2.json");
  running.finished = true;
  pipeline::write_shard_record(out, running);
  EXPECT_TRUE(pipeline::unfinished_shards(out).empty());
  // Killed, but every recording of it was analysed by a later run with other shards.
  pipeline::write_shard_record(out, {{1, 1}, {"b"}, false});
  EXPECT_TRUE(pipeline::unfinished_shards(out).empty());
  std::ofstream(out / "shards" / "shard-3-of-3.json") << "{";
  EXPECT_THROW((void)pipeline::unfinished_shards(out), io::EdfError);
}

}  // namespace
}  // namespace eegtrack::test
