// eegtrack slurm: the generated scripts parse (bash -n), carry the #SBATCH values asked for, and
// pass hostile paths (spaces, quotes, $(...)) through as they are: the array script run by bash
// with the variables Slurm sets for each task analyses every shard into the right OUTDIR, the
// merge script builds the cohort, and the submit script chains the merge on the array job.
// The real scheduler runs them in tests/slurm/run_slurm_cluster.sh.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// A folder whose name would run a command if it were ever pasted into a script unquoted.
const std::string kHostile = "in put's \"dir\" $(touch pwned) `touch pwned2` \\";

struct Generated {
  fs::path root;  // the current folder of every script run (where "pwned" would appear)
  fs::path input;
  fs::path outdir;
  fs::path scripts;
  CliResult result;
};

const Generated& generated() {
  static const Generated g = [] {
    Generated r;
    r.root = program_scratch_dir() / "slurm gen";
    fs::remove_all(r.root);
    r.input = r.root / kHostile;
    r.outdir = r.root / "out 'x' $HOME";
    r.scripts = r.outdir / "slurm";
    fs::create_directories(r.input / "w 1");
    fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf", r.input / "a.edf");
    fs::copy_file(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", r.input / "w 1/b.edf");
    r.result = run_cli({"slurm",
                        r.input.string(),
                        "-o",
                        r.outdir.string(),
                        "--array",
                        "3",
                        "--partition",
                        "short,long",
                        "--account",
                        "neuro-lab",
                        "--time",
                        "1-02:00:00",
                        "--max-running",
                        "2",
                        "--epoch-s",
                        "2",
                        "--no-ocular-screen",
                        "--bands",
                        "delta:1-4,theta:4-8,alpha:8-13,beta:13-30",
                        "--show-identifiers",
                        "--report"});
    return r;
  }();
  return g;
}

// name -> value of the "#SBATCH --name=value" lines.
std::map<std::string, std::string> sbatch_lines(const fs::path& script) {
  std::map<std::string, std::string> out;
  std::istringstream in(read_text(script.string()));
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("#SBATCH --"))
      continue;
    const auto eq = line.find('=');
    out[line.substr(10, eq - 10)] = line.substr(eq + 1);
  }
  return out;
}

// Runs `command...` in folder `cwd` with extra environment variables.
CliResult run_in(const fs::path& cwd, const std::vector<std::string>& env,
                 const std::vector<std::string>& command) {
  std::vector<std::string> args = {"-c", "cd -- \"$1\" && shift && exec env \"$@\"", "sh",
                                   cwd.string()};
  args.insert(args.end(), env.begin(), env.end());
  args.insert(args.end(), command.begin(), command.end());
  return run_program("/bin/sh", args);
}

TEST(SlurmCli, ScriptsParseAndCarryTheJobOptions) {
  const auto& g = generated();
  ASSERT_EQ(g.result.exit_status, 0) << g.result.err;
  for (const char* f : {"batch.sbatch", "merge.sbatch", "submit.sh"}) {
    const auto r = run_program("/bin/bash", {"-n", (g.scripts / f).string()});
    EXPECT_EQ(r.exit_status, 0) << f << ": " << r.err;
    EXPECT_TRUE((fs::status(g.scripts / f).permissions() & fs::perms::owner_exec) !=
                fs::perms::none)
        << f;
  }
  EXPECT_TRUE(fs::is_directory(g.scripts / "logs"));
  const auto batch = sbatch_lines(g.scripts / "batch.sbatch");
  EXPECT_EQ(batch.at("array"), "1-3%2");
  EXPECT_EQ(batch.at("partition"), "short,long");
  EXPECT_EQ(batch.at("account"), "neuro-lab");
  EXPECT_EQ(batch.at("time"), "1-02:00:00");
  EXPECT_EQ(batch.at("mem"), "4G");  // the defaults
  EXPECT_EQ(batch.at("cpus-per-task"), "2");
  EXPECT_EQ(batch.at("job-name"), "eegtrack-batch");
  EXPECT_EQ(batch.at("output"), "batch-%A_%a.out");
  const auto merge = sbatch_lines(g.scripts / "merge.sbatch");
  EXPECT_EQ(merge.at("partition"), "short,long");
  EXPECT_EQ(merge.at("time"), "00:30:00");
  EXPECT_EQ(merge.at("job-name"), "eegtrack-merge");
  EXPECT_EQ(merge.count("array"), 0U);
  // No path in any #SBATCH line: sbatch does not unquote them.
  for (const auto& [name, value] : batch)
    EXPECT_EQ(value.find('/'), std::string::npos) << name;
  EXPECT_NE(g.result.out.find("2 recording(s)"), std::string::npos) << g.result.out;
}

TEST(SlurmCli, ArrayTasksRunByBashAnalyseEveryShardOfTheHostilePaths) {
  const auto& g = generated();
  ASSERT_EQ(g.result.exit_status, 0) << g.result.err;
  // What sbatch does, without it: the script run by bash with each task's variables.
  for (int task = 1; task <= 3; ++task) {
    const auto r =
        run_in(g.root,
               {"SLURM_ARRAY_TASK_ID=" + std::to_string(task), "SLURM_ARRAY_TASK_COUNT=3",
                "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=3", "SLURM_CPUS_PER_TASK=1"},
               {"/bin/bash", (g.scripts / "batch.sbatch").string()});
    EXPECT_EQ(r.exit_status, 0) << task << ": " << r.err;
    EXPECT_NE(r.err.find("shard " + std::to_string(task) + "/3 (Slurm array task)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("1 job(s)"), std::string::npos) << r.err;  // --jobs from Slurm
  }
  const auto merged = run_in(g.root, {}, {"/bin/bash", (g.scripts / "merge.sbatch").string()});
  EXPECT_EQ(merged.exit_status, 0) << merged.err;
  for (const char* f : {"pwned", "pwned2"})
    EXPECT_FALSE(fs::exists(g.root / f)) << f;
  std::istringstream cohort(read_text((g.outdir / "cohort.tsv").string()));
  std::vector<std::string> lines;
  for (std::string line; std::getline(cohort, line);)
    lines.push_back(line);
  ASSERT_EQ(lines.size(), 3U) << read_text((g.outdir / "cohort.tsv").string());
  // --report reached the merge: the cohort page and a report of each recording.
  EXPECT_TRUE(fs::exists(g.outdir / "cohort.html"));
  EXPECT_TRUE(fs::exists(g.outdir / "a.report.html"));
  EXPECT_TRUE(fs::exists(g.outdir / "w%201~b.report.html"));
  EXPECT_TRUE(lines[1].starts_with("a\ta.edf\t")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("w%201~b\tw 1/b.edf\t")) << lines[2];
  // The analysis options reached every task.
  const auto summary = nlohmann::json::parse(read_text((g.outdir / "a.summary.json").string()));
  EXPECT_EQ(summary["parameters"]["epoch_s"].get<double>(), 2.0) << summary["parameters"];
  EXPECT_EQ(summary["parameters"]["artifacts"]["screen_ocular"], false) << summary["parameters"];
}

TEST(SlurmCli, SubmitQueuesTheMergeAfterTheWholeArray) {
  const auto& g = generated();
  ASSERT_EQ(g.result.exit_status, 0) << g.result.err;
  // A stand-in sbatch that logs its folder and arguments and answers like --parsable does.
  const fs::path bin = g.root / "fake bin";
  fs::create_directories(bin);
  const fs::path log = g.root / "sbatch calls.txt";
  {
    std::ofstream fake(bin / "sbatch");
    fake << "#!/bin/bash\n"
         << "n=$(cat \"$FAKE_LOG\" 2>/dev/null | wc -l)\n"
         << "{ printf '%s' \"$PWD\"; printf ' |%s' \"$@\"; echo; } >>\"$FAKE_LOG\"\n"
         << "if [ \"$n\" = 0 ]; then echo '4242;cluster1'; else echo 4243; fi\n";
  }
  fs::permissions(bin / "sbatch", fs::perms::owner_all);
  const auto r =
      run_in(g.root, {"PATH=" + bin.string() + ":/usr/bin:/bin", "FAKE_LOG=" + log.string()},
             {"/bin/bash", (g.scripts / "submit.sh").string(), "--qos=long"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("queued batch array job 4242 (3 tasks) and merge job 4243"),
            std::string::npos)
      << r.out;
  const std::string logs = (g.scripts / "logs").string();
  EXPECT_EQ(read_text(log.string()), logs + " |--parsable |--qos=long |" +
                                         (g.scripts / "batch.sbatch").string() + "\n" + logs +
                                         " |--parsable |--dependency=afterany:4242 |--qos=long |" +
                                         (g.scripts / "merge.sbatch").string() + "\n");
  EXPECT_EQ(read_text((g.scripts / "logs" / "submitted-jobs.txt").string()), "4242 4243\n");
}

TEST(SlurmCli, RefusesValuesThatWouldNotBeSafeInSbatchLines) {
  const fs::path out = program_scratch_dir() / "slurm refused";
  const std::string in = sample_dir().string();
  const std::vector<std::vector<std::string>> refused = {
      {"--partition", "a b"},   {"--time", "1:00;reboot"}, {"--account", "x\n#SBATCH --y"},
      {"--mem", "-4G"},         {"--job-name", "a/b"},     {"--array", "0"},
      {"--cpus-per-task", "0"}, {"--epoch-s", "-1"},       {"--shard", "1/2"}};
  for (const auto& extra : refused) {
    std::vector<std::string> args = {"slurm", in, "-o", out.string()};
    if (extra[0] != "--array")
      args.insert(args.end(), {"--array", "2"});
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_status, 2) << extra[0] << ' ' << extra[1] << ": " << r.err;
  }
  const auto missing =
      run_cli({"slurm", (out / "nothing here").string(), "-o", out.string(), "--array", "2"});
  EXPECT_EQ(missing.exit_status, 2) << missing.err;
  EXPECT_FALSE(fs::exists(out / "slurm" / "batch.sbatch"));
}

}  // namespace
}  // namespace eegtrack::test
