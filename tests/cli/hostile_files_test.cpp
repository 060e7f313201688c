// The CLI on hostile files made from a real recording by patching header bytes: a Latin-1 file
// name and label are analysed and written (they were refused after the whole computation), a
// FIFO is refused at once, corrupt time exits 1, and every message is valid UTF-8.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

PatchedRecording interictal() {
  return PatchedRecording(eeg_path("sample/chbmit_chb01_03_interictal_0-41s.edf"));
}

// Defect: "attribute file_name is not valid UTF-8" after the whole analysis.
TEST(CliHostileFiles, Latin1NameAndLabelAreAnalysedAndWritten) {
  auto file = interictal();
  file.signal_field(22, 0, "T8-P8 \xe9lectr.");  // Latin-1 e-acute in the last signal
  file.signal_field(22, 2, "\xb5V");             // Latin-1 micro sign
  const fs::path edf = file.write("m\xfcller.edf");
  const fs::path dir = scratch_dir() / "out";
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_TRUE(io::is_clean_text(r.err)) << r.err;
  // nlohmann::json::parse refuses invalid UTF-8, so parsing is the validity check.
  const auto summary = nlohmann::json::parse(read_text((dir / "m\xfcller.summary.json").string()));
  EXPECT_EQ(summary["recording"]["file"], "m\\xfcller.edf");
  const io::Hdf5Reader h5(dir / "m\xfcller.h5");
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "file_name")), "m\\xfcller.edf");
  // The label is not a 10-20 name, so it is left out of the EEG measures with a warning that
  // names it, escaped.
  EXPECT_NE(r.err.find("T8-P8 \\xe9lectr."), std::string::npos) << r.err;
  EXPECT_NE(summary.dump().find("T8-P8 \\\\xe9lectr."), std::string::npos);
  for (const char* tsv : {"m\xfcller.events.tsv", "m\xfcller.recording.tsv"}) {
    if (fs::exists(dir / tsv)) {
      EXPECT_TRUE(io::is_clean_text(read_text((dir / tsv).string()))) << tsv;
    }
  }
}

TEST(CliHostileFiles, InfoJsonEscapesLatin1Text) {
  auto file = interictal();
  file.signal_field(3, 0, "C\xe9-P4").signal_field(3, 7, "HP:0.1Hz \xb0");
  const auto r = run_cli({"info", file.write("caf\xe9.edf").string(), "--json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto info = nlohmann::json::parse(r.out);
  EXPECT_EQ(info["file"], "caf\\xe9.edf");
  EXPECT_EQ(info["channels"][3]["label"], "C\\xe9-P4");
  EXPECT_EQ(info["channels"][3]["prefilter"], "HP:0.1Hz \\xb0");
}

// Defect: `eegtrack info p` on a FIFO blocked forever (also export, psd and analyze).
TEST(CliHostileFiles, FifoIsRefusedAtOnce) {
  const fs::path fifo = scratch_dir() / "pipe.edf";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  const fs::path out = scratch_dir() / "fifo_out";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"info", fifo.string()},
        std::vector<std::string>{"analyze", fifo.string(), "-o", out.string()},
        std::vector<std::string>{"psd", fifo.string()}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_status, 1) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("FIFO"), std::string::npos) << r.err;
  }
}

// Defect: a first time-keeping TAL of +1e300 gave exit 0 with start -19742-01-21.
TEST(CliHostileFiles, CorruptTimeExitsOneInEveryMode) {
  PatchedRecording file(eeg_path("seizure/chbmit_chb01_03_ictal.edf"));
  const std::size_t at = file.sample_offset(0, file.signal_count() - 1);
  file.bytes().replace(at, 9, std::string("+1e300\x14\x14\0", 9));
  const auto path = file.write("tal.edf").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"info", path, "--json"},
        std::vector<std::string>{"info", path, "--strict"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("time-keeping onset"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("-19742"), std::string::npos) << r.out;
  }
}

TEST(CliHostileFiles, ErrorMessagesAreValidUtf8) {
  auto file = interictal();
  file.signal_field(4, 3, "-1e308").signal_field(4, 4, "1e308\xeb");
  const auto path = file.write("gain\xe9.edf").string();
  const auto r = run_cli({"info", path});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_TRUE(io::is_clean_text(r.err)) << r.err;
  EXPECT_NE(r.err.find("gain\\xe9.edf"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace eegtrack::test
