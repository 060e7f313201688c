// eegtrack batch and merge on folders, manifests and a BIDS dataset built from the repository's
// recordings, with a truncated copy and a garbage file among them: outputs kept apart, failures
// isolated and listed, a rerun that analyses nothing, merge and --jobs giving the same cohort.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "batch_folder_input.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "support/flip_byte.hpp"
#include "support/lower_case.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/tsv_table.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// One batch over the folder, shared by the tests below.
fs::path folder_output() {
  static const fs::path out = [] {
    const fs::path o = program_scratch_dir() / "batch_out_jobs2";
    fs::remove_all(o);
    const auto r = run_cli(
        {"batch", folder_input().string(), "-o", o.string(), "--jobs", "2", "--show-identifiers"});
    EXPECT_EQ(r.exit_status, 1) << r.out << r.err;  // two recordings failed
    EXPECT_NE(r.out.find("4 recording(s): 2 analysed, 0 skipped (outputs up to date), 2 failed"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("[4/4]"), std::string::npos) << r.err;  // plain lines, not a bar
    return o;
  }();
  return out;
}

TEST(BatchCli, SameNamesInTwoFoldersKeepTheirOwnOutputs) {
  const fs::path out = folder_output();
  const auto a = nlohmann::json::parse(read_text((out / "ward1~rec.summary.json").string()));
  const auto b = nlohmann::json::parse(read_text((out / "ward2~rec.summary.json").string()));
  EXPECT_NE(a["recording"]["sha256"], b["recording"]["sha256"]);
  for (const char* f : {"ward1~rec.h5", "ward2~rec.events.tsv", "ward2~rec.events.edf",
                        "ward1~rec.epochs.tsv", "ward1~rec.batch.json"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  EXPECT_FALSE(fs::exists(out / "rec.summary.json"));
  for (const auto& entry : fs::directory_iterator(out))  // nothing half-written left behind
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(BatchCli, BadFilesAreListedAndTheRestCompletes) {
  const fs::path out = folder_output();
  const auto errors = tsv_rows(out / "errors.tsv");
  ASSERT_EQ(errors.size(), 3U) << read_text((out / "errors.tsv").string());
  EXPECT_EQ(errors[0], (std::vector<std::string>{"path", "error", "key"}));
  EXPECT_EQ(errors[1][0], "bad/garbage\\xff.bdf");
  EXPECT_EQ(errors[1][2], "bad~garbage%FF");
  for (const char* table : {"errors.tsv", "cohort.tsv"})
    for (const char c : read_text((out / table).string()))
      EXPECT_LT(static_cast<unsigned char>(c), 0x80) << table;  // escaped: all ASCII here
  EXPECT_EQ(errors[2][0], "bad/truncated.edf");
  EXPECT_NE(errors[2][1].find("truncated.edf"), std::string::npos) << errors[2][1];
  const auto cohort = tsv_rows_by_key(out / "cohort.tsv");
  ASSERT_EQ(cohort.size(), 4U);
  EXPECT_EQ(cohort.at("bad~garbage%FF").at("status"), "error");
  EXPECT_EQ(cohort.at("bad~garbage%FF").at("pdr_hz"), "n/a");
  EXPECT_EQ(cohort.at("ward1~rec").at("status"), "ok");
  EXPECT_EQ(cohort.at("ward2~rec").at("input"), "ward2/rec.EDF");
  EXPECT_EQ(cohort.at("ward1~rec").at("error"), "n/a");
  // The cohort row holds what the recording's own summary says.
  const auto s = nlohmann::json::parse(read_text((out / "ward2~rec.summary.json").string()));
  EXPECT_DOUBLE_EQ(std::stod(cohort.at("ward2~rec").at("duration_s")),
                   s["recording"]["duration_s"].get<double>());
  EXPECT_EQ(std::stol(cohort.at("ward2~rec").at("seizure_count")),
            s["epileptiform"]["seizure_count"].get<long>());
  EXPECT_DOUBLE_EQ(std::stod(cohort.at("ward2~rec").at("clean_fraction")),
                   s["quality"]["clean_fraction"].get<double>());
  for (const char* band : {"delta", "theta", "alpha", "beta"})
    EXPECT_DOUBLE_EQ(std::stod(cohort.at("ward2~rec").at(std::string(band) + "_relative")),
                     s["background"]["rel_power"][band].get<double>())
        << band;
  // Each pattern's share of the analysed time and the BIRD count, as the summary has them.
  const auto& patterns = s["epileptiform"]["patterns"];
  ASSERT_EQ(patterns.size(), 5U);
  for (const auto& [type, p] : patterns.items())
    EXPECT_DOUBLE_EQ(std::stod(cohort.at("ward2~rec").at(lower(type) + "_fraction")),
                     p["fraction"].get<double>())
        << type;
  EXPECT_EQ(std::stol(cohort.at("ward2~rec").at("bird_count")),
            s["epileptiform"]["bird_count"].get<long>());
  EXPECT_EQ(std::stol(cohort.at("ward2~rec").at("two_helps2b_eeg_points")),
            s["epileptiform"]["two_helps2b_eeg_points"].get<long>());
  // 41 s is too short for a spike rate: the rate is n/a, the count is not.
  EXPECT_EQ(cohort.at("ward1~rec").at("spike_rate_per_h"), "n/a");
  EXPECT_NE(cohort.at("ward1~rec").at("spike_count"), "n/a");

  const auto sidecar = nlohmann::json::parse(read_text((out / "cohort.json").string()));
  EXPECT_EQ(sidecar["columns"]["pdr_hz"]["Units"], "Hz");
  EXPECT_EQ(sidecar["n_rows"], 4);
  ASSERT_EQ(sidecar["parameter_sets"].size(), 1U);
  EXPECT_EQ(sidecar["parameter_sets"][0]["parameters"], s["parameters"]);

  const io::Hdf5Reader h5(out / "cohort.h5");
  const auto keys = h5.read_strings("/cohort/key");
  EXPECT_EQ(keys, (std::vector<std::string>{"bad~garbage%FF", "bad~truncated", "ward1~rec",
                                            "ward2~rec"}));
  const auto durations = h5.read_doubles("/cohort/duration_s").values;
  ASSERT_EQ(durations.size(), 4U);
  EXPECT_TRUE(std::isnan(durations[0]));
  EXPECT_DOUBLE_EQ(durations[3], s["recording"]["duration_s"].get<double>());
}

TEST(BatchCli, RerunSkipsEverythingDoneAndMergeRebuildsTheSameCohort) {
  const fs::path out = folder_output();
  const auto before = fs::last_write_time(out / "ward1~rec.h5");
  const std::string cohort = read_text((out / "cohort.tsv").string());
  const auto r = run_cli(
      {"batch", folder_input().string(), "-o", out.string(), "--jobs", "2", "--show-identifiers"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.out.find("0 analysed, 2 skipped (outputs up to date), 2 failed"), std::string::npos)
      << r.out;
  EXPECT_EQ(fs::last_write_time(out / "ward1~rec.h5"), before);
  EXPECT_EQ(read_text((out / "cohort.tsv").string()), cohort);

  for (const char* f : {"cohort.tsv", "cohort.h5", "cohort.json", "errors.tsv"})
    fs::remove(out / f);
  const auto m = run_cli({"merge", out.string(), "--show-identifiers"});
  ASSERT_EQ(m.exit_status, 0) << m.err;
  EXPECT_EQ(read_text((out / "cohort.tsv").string()), cohort);
  EXPECT_TRUE(fs::exists(out / "cohort.h5"));
  EXPECT_EQ(tsv_rows(out / "errors.tsv").size(), 3U);
}

// merge tabulates only output sets as their run wrote them (the outputs manifest): a changed
// store makes its recording an error row that names the file, and the others stay.
TEST(BatchCli, MergeRefusesAnOutputSetThatDiffersFromItsManifest) {
  const fs::path out = scratch_dir() / "out";
  fs::copy(folder_output(), out, fs::copy_options::recursive);
  const fs::path store = out / "ward1~rec.h5";
  flip_middle_byte(store);
  (void)run_cli({"merge", out.string(), "--show-identifiers"});
  const auto rows = tsv_rows_by_key(out / "cohort.tsv");
  ASSERT_TRUE(rows.count("ward1~rec") && rows.count("ward2~rec"));
  EXPECT_EQ(rows.at("ward1~rec").at("status"), "error");
  EXPECT_NE(
      rows.at("ward1~rec").at("error").find("ward1~rec.h5 differs from the one its run wrote"),
      std::string::npos)
      << rows.at("ward1~rec").at("error");
  EXPECT_EQ(rows.at("ward2~rec").at("status"), "ok");
}

TEST(BatchCli, InterruptedRunFinishesTheRest) {
  // An earlier run that got as far as one recording: its outputs stay, the other is analysed.
  const fs::path out = scratch_dir() / "out";
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in);
  fs::copy_file(folder_input() / "ward1" / "rec.edf", in / "one.edf");
  ASSERT_EQ(run_cli({"batch", in.string(), "-o", out.string(), "--jobs", "1", "--show-identifiers"})
                .exit_status,
            0);
  const auto before = fs::last_write_time(out / "one.h5");
  fs::copy_file(folder_input() / "ward2" / "rec.EDF", in / "two.edf");
  // A summary-less output, as an interruption leaves it, is not taken for a finished one.
  std::ofstream(out / "two.h5") << "partial";
  const auto r =
      run_cli({"batch", in.string(), "-o", out.string(), "--jobs", "1", "--show-identifiers"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("1 analysed, 1 skipped"), std::string::npos) << r.out;
  EXPECT_EQ(fs::last_write_time(out / "one.h5"), before);
  EXPECT_EQ(tsv_rows_by_key(out / "cohort.tsv").at("two").at("status"), "ok");
}

TEST(BatchCli, OneJobGivesTheSameCohortAsTwo) {
  const fs::path out = scratch_dir() / "jobs1";
  const auto r = run_cli(
      {"batch", folder_input().string(), "-o", out.string(), "--jobs", "1", "--show-identifiers"});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_EQ(read_text((out / "cohort.tsv").string()),
            read_text((folder_output() / "cohort.tsv").string()));
}

TEST(BatchCli, LargestRecordingStartsFirst) {
  // A 3-min recording after a 41-s one in key order: one job starts the 3-min one, so that with
  // several jobs a long recording never runs alone at the end.
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in / "a");
  fs::create_directories(in / "b");
  fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf", in / "a" / "short.edf");
  fs::copy_file(sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", in / "b" / "long.edf");
  const auto r = run_cli({"batch", in.string(), "-o", (scratch_dir() / "out").string(), "--jobs",
                          "1", "--show-identifiers"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto first = r.err.find("[1/2] analysed b~long");
  ASSERT_NE(first, std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[2/2] analysed a~short", first), std::string::npos) << r.err;
}

TEST(BatchCli, BidsDatasetGetsDerivativeNames) {
  const fs::path root = scratch_dir() / "bids";
  const fs::path eeg = root / "sub-01" / "ses-1" / "eeg";
  fs::create_directories(eeg);
  fs::create_symlink(folder_input() / "ward1" / "rec.edf", eeg / "sub-01_ses-1_task-rest_eeg.edf");
  std::ofstream(root / "dataset_description.json") << R"({"Name": "t", "BIDSVersion": "1.9.0"})";
  std::ofstream(root / "participants.tsv") << "participant_id\tage\nsub-01\t61\n";
  const fs::path out = root / "derivatives" / "eegtrack";
  const auto r = run_cli({"batch", root.string(), "-o", out.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const fs::path stem =
      out / "sub-01" / "ses-1" / "eeg" / "sub-01_ses-1_task-rest_desc-eegtrack_eeg";
  EXPECT_TRUE(fs::exists(stem.string() + ".summary.json"));
  EXPECT_TRUE(fs::exists(stem.string() + ".h5"));
  const auto description =
      nlohmann::json::parse(read_text((out / "dataset_description.json").string()));
  EXPECT_EQ(description["DatasetType"], "derivative");
  EXPECT_EQ(description["GeneratedBy"][0]["Name"], "eegtrack");
  const auto cohort = tsv_rows_by_key(out / "cohort.tsv");
  const auto& row = cohort.at("sub-01/ses-1/eeg/sub-01_ses-1_task-rest_desc-eegtrack_eeg");
  EXPECT_EQ(row.at("patient_id"), "01");
  EXPECT_EQ(row.at("age"), "61");
  EXPECT_EQ(row.at("input"), "sub-01/ses-1/eeg/sub-01_ses-1_task-rest_eeg.edf");
}

TEST(BatchCli, TerminalGetsOneRedrawnProgressLine) {
  // script(1) (bsdutils, Essential in Debian) gives the command a terminal; stderr then carries
  // the bar, redrawn with carriage returns, instead of one line per recording.
  const fs::path out = scratch_dir() / "out";
  const std::string command = "'" + cli_path().string() + "' batch '" + folder_input().string() +
                              "' -o '" + out.string() + "' --jobs 2";
  const auto r = run_program("/usr/bin/script", {"-qec", command, "/dev/null"});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\r\033[K["), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("] 4/4 recordings"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("h EEG/s"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[4/4] analysed"), std::string::npos) << r.out;  // no log lines
}

TEST(BatchCli, UsageErrors) {
  EXPECT_EQ(run_cli({"batch", "/nonexistent/x", "-o", (scratch_dir() / "o").string()}).exit_status,
            2);
  EXPECT_EQ(run_cli({"batch", folder_input().string(), "-o", (scratch_dir() / "o").string(),
                     "--jobs", "0"})
                .exit_status,
            2);
  EXPECT_EQ(run_cli({"merge", "/nonexistent/x"}).exit_status, 2);
}

}  // namespace
}  // namespace eegtrack::test
