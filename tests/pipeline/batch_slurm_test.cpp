// The scripts of `eegtrack slurm`: shell quoting checked by bash itself on every byte, #SBATCH
// values that are left out or refused. The scripts as a whole: tests/cli/slurm_cli_test.cpp.
#include "eegtrack/pipeline/batch_slurm.hpp"

#include <gtest/gtest.h>

#include "eegtrack/io/errors.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

TEST(SlurmScripts, ShellQuoteIsReadBackByBashAsTheSameBytes) {
  std::string every_byte;
  for (int c = 1; c < 256; ++c)
    every_byte += static_cast<char>(c);
  for (const std::string& text : {std::string(), std::string("'"), std::string("''a'"),
                                  std::string("a b\nc\t$(x) `y` \\ \"z\" ${HOME} *"), every_byte}) {
    const auto r = run_program("/bin/bash", {"-c", "printf %s " + pipeline::shell_quote(text)});
    EXPECT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.out, text);
  }
}

pipeline::SlurmScriptRequest request() {
  pipeline::SlurmScriptRequest r;
  r.eegtrack = "/usr/bin/eegtrack";
  r.input = "/data/in";
  r.outdir = "/data/out";
  r.logs = "/data/out/slurm/logs";
  r.batch_script = "/data/out/slurm/batch.sbatch";
  r.merge_script = "/data/out/slurm/merge.sbatch";
  r.submit = "/data/out/slurm/submit.sh";
  r.job.array = 4;
  return r;
}

TEST(SlurmScripts, EmptyValuesLeaveTheClusterDefault) {
  auto r = request();
  r.job.time.clear();
  r.job.mem.clear();
  const auto s = pipeline::slurm_scripts(r);
  EXPECT_EQ(s.batch.find("--time"), std::string::npos) << s.batch;
  EXPECT_EQ(s.batch.find("--mem"), std::string::npos) << s.batch;
  EXPECT_EQ(s.batch.find("--partition"), std::string::npos) << s.batch;
  EXPECT_EQ(s.batch.find("--account"), std::string::npos) << s.batch;
  EXPECT_NE(s.batch.find("#SBATCH --array=1-4\n"), std::string::npos) << s.batch;
  EXPECT_NE(s.merge.find("#SBATCH --time=00:30:00\n"), std::string::npos) << s.merge;
}

TEST(SlurmScripts, RefusesRelativePathsAndUnsafeValues) {
  auto relative = request();
  relative.outdir = "out";
  EXPECT_THROW((void)pipeline::slurm_scripts(relative), std::invalid_argument);
  for (const char* bad : {"a b", "a\nb", "a'b", "a\"b", "$(x)", "-x", "a#b", "a=b"}) {
    auto r = request();
    r.job.partition = bad;
    EXPECT_THROW((void)pipeline::slurm_scripts(r), io::UsageError) << bad;
  }
  auto none = request();
  none.job.array = 0;
  EXPECT_THROW((void)pipeline::slurm_scripts(none), io::UsageError);
}

}  // namespace
}  // namespace eegtrack::test
