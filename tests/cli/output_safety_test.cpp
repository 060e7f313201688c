// Output safety of `eegtrack analyze`: a run killed at any moment (SIGKILL at 20 points spread
// over its run time, deterministic seed) leaves either a complete output set (the previous or
// the new one, as its manifest proves) or no valid set under the final names; two runs writing
// the same folder at once leave one complete set; a full disk (RLIMIT_FSIZE with SIGXFSZ
// ignored, as `ulimit -f` in a shell) or an unwritable folder is a clear error with exit 1, not
// a crash (it was exit 139 in HDF5's shutdown), and leaves no temporaries.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

extern char** environ;

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const fs::path& recording() {
  static const fs::path path = eeg_path("seizure/chbmit_chb01_03_ictal.edf");
  return path;
}

// Two parameter sets whose outputs differ in content (spectrogram columns).
std::vector<std::string> analyze_args(const fs::path& out, bool second) {
  return {cli_path().string(),    "analyze",         recording().string(), "-o", out.string(),
          "--spectrogram-step-s", second ? "8" : "4"};
}

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_status(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// The manifest without the HDF5 store's hash: two runs with the same parameters write the
// same bytes except in the store (HDF5 keeps object times), so a set is recognised by the hashes
// of its other outputs; verify_output_set has checked that the store is the one of its run.
std::string manifest_text(const fs::path& out) {
  const fs::path m = out / "chbmit_chb01_03_ictal.outputs.json";
  if (!fs::exists(m))
    return {};
  auto j = nlohmann::json::parse(read_text(m.string()));
  j["sha256"].erase("chbmit_chb01_03_ictal.h5");
  return j.dump();
}

pipeline::AnalysisOutputPaths paths_in(const fs::path& out) {
  return pipeline::analysis_output_paths(out, recording());
}

// Runs analyze to completion with one parameter set; returns its manifest and run time.
std::pair<std::string, double> complete_run(const fs::path& out, bool second) {
  const auto start = std::chrono::steady_clock::now();
  const int status = wait_status(spawn(analyze_args(out, second)));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(pipeline::verify_output_set(paths_in(out)));
  return {manifest_text(out), seconds};
}

TEST(OutputSafety, KilledRunsLeaveTheOldOrTheNewCompleteSetNeverAMix) {
  const fs::path out = scratch_dir() / "out";
  fs::create_directories(out);
  // The manifests of each parameter set, from complete runs in folders of their own.
  const auto [manifest_a, seconds_a] = complete_run(scratch_dir() / "a", false);
  const auto [manifest_b, seconds_b] = complete_run(scratch_dir() / "b", true);
  ASSERT_NE(manifest_a, manifest_b);
  (void)complete_run(out, false);
  std::mt19937 random(20261204);
  const double run_s = std::max(seconds_a, seconds_b);
  int complete_a = 0, complete_b = 0, none = 0;
  for (int k = 0; k < 20; ++k) {
    const bool second = k % 2 == 0;
    std::uniform_real_distribution<double> jitter(0.0, run_s / 20.0);
    const double at_s = run_s * k / 20.0 + jitter(random);
    const pid_t pid = spawn(analyze_args(out, second));
    std::this_thread::sleep_for(std::chrono::duration<double>(at_s));
    ::kill(pid, SIGKILL);
    (void)wait_status(pid);
    std::string why;
    if (pipeline::verify_output_set(paths_in(out), &why)) {
      const auto m = manifest_text(out);
      EXPECT_TRUE(m == manifest_a || m == manifest_b) << "kill " << k << " at " << at_s << " s";
      (m == manifest_a ? complete_a : complete_b)++;
    } else {
      ++none;
      // No valid set: a reader (batch resume, followup) finds nothing to reuse.
      EXPECT_FALSE(fs::exists(paths_in(out).manifest)) << why;
    }
  }
  // The kills fell before, inside and after the writing of the outputs.
  std::cout << "after 20 kills: " << complete_a << " old/new set A, " << complete_b << " set B, "
            << none << " no valid set\n";
  EXPECT_GT(none + complete_a + complete_b, 0);
  // A last complete run cleans the killed runs' temporaries.
  (void)complete_run(out, true);
  EXPECT_EQ(manifest_text(out), manifest_b);
  for (const auto& entry : fs::directory_iterator(out))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(OutputSafety, TwoRunsOnOneFolderAtOnceLeaveOneCompleteSet) {
  const fs::path out = scratch_dir() / "out";
  const auto [manifest_a, unused_a] = complete_run(scratch_dir() / "a", false);
  const auto [manifest_b, unused_b] = complete_run(scratch_dir() / "b", true);
  for (int round = 0; round < 3; ++round) {
    const pid_t one = spawn(analyze_args(out, false));
    const pid_t two = spawn(analyze_args(out, true));
    const int s1 = wait_status(one);
    const int s2 = wait_status(two);
    EXPECT_TRUE(WIFEXITED(s1) && WEXITSTATUS(s1) == 0);
    EXPECT_TRUE(WIFEXITED(s2) && WEXITSTATUS(s2) == 0);
    std::string why;
    EXPECT_TRUE(pipeline::verify_output_set(paths_in(out), &why)) << why;
    const auto m = manifest_text(out);
    EXPECT_TRUE(m == manifest_a || m == manifest_b);
  }
}

TEST(OutputSafety, FullDiskIsAClearErrorNotACrash) {
  const fs::path out = scratch_dir() / "out";
  (void)complete_run(out, false);
  for (const char* kib : {"16", "64", "128"}) {
    // `ulimit -f` (RLIMIT_FSIZE) with SIGXFSZ ignored: writes beyond the limit fail with EFBIG,
    // as on a full disk, without root or a special file system.
    std::string command = "ulimit -f " + std::string(kib) + "; trap '' XFSZ; exec";
    for (const auto& a : analyze_args(out, true))
      command += " '" + a + "'";
    const auto r = run_program("/bin/sh", {"-c", command});
    EXPECT_EQ(r.exit_status, 1) << kib << " KiB: " << r.err;
    EXPECT_NE(r.err.find("chbmit_chb01_03_ictal.h5"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    EXPECT_FALSE(pipeline::verify_output_set(paths_in(out)));
    for (const auto& entry : fs::directory_iterator(out))
      EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST(OutputSafety, UnwritableFolderAndEscapingNamesAreRefused) {
  const fs::path file = scratch_dir() / "a_file";
  std::ofstream(file) << "x";
  const auto r = run_cli({"analyze", recording().string(), "-o", (file / "out").string()});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_NE(r.err.find("a_file"), std::string::npos) << r.err;
  for (const char* name : {"..", ".", "", "a/b"})
    EXPECT_THROW((void)pipeline::analysis_output_paths_named(scratch_dir(), name),
                 std::invalid_argument)
        << name;
}

}  // namespace
}  // namespace eegtrack::test
