// eegtrack followup on a course of real recordings: outputs, the table, the HDF5 tables against
// the JSON, reuse of earlier analyses, and the errors of a bad course file or option.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eegtrack/io/hdf5_reader.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// A course of three healthy recordings standing for baseline, day 14 (Subject07, the slowest
// healthy PDR) and day 30, with a grade-4 episode between.
fs::path course_dir() {
  static const fs::path dir = [] {
    const fs::path d = program_scratch_dir() / "followup_course";
    fs::remove_all(d);
    fs::create_directories(d / "eeg");
    fs::copy_file(sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", d / "eeg" / "base.edf");
    fs::copy_file(eeg_path("normal/eegmat_Subject07_1_rest_eyes_closed.edf"),
                  d / "eeg" / "d14.edf");
    fs::copy_file(eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"),
                  d / "eeg" / "d30.edf");
    std::ofstream(d / "course.yaml")
        << "patient: T-01\n"
           "infusion: 2026-01-05T10:00\n"
           "eeg:\n"
           "  - {file: eeg/base.edf, label: baseline, at: 2026-01-01T09:00}\n"
           "  - {file: eeg/d14.edf, label: d14, at: 2026-01-19T15:00, sedation: propofol}\n"
           "  - {file: eeg/d30.edf, label: d30, at: 2026-02-04T10:00}\n"
           "assessments:\n"
           "  - {at: 2026-01-01, ice: 10, consciousness: awake}\n"
           "  - {at: 2026-01-19T08:00, ice: 0, consciousness: unarousable}\n"
           "  - {at: 2026-01-27, ice: 10, consciousness: awake}\n"
           "  - {at: 2026-02-04, ice: 10, consciousness: awake}\n"
           "treatments:\n"
           "  - {drug: anakinra, dose: 100, unit: mg, start: 2026-01-19, stop: 2026-01-21}\n"
           "labs:\n"
           "  - {at: 2026-01-19, ldh: [612, U/L], crp: [96, mg/L], platelets: [74, 10^9/L]}\n";
    return d;
  }();
  return dir;
}

nlohmann::json run_followup(const fs::path& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"followup", (course_dir() / "course.yaml").string(), "-o",
                                out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_cli(args);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  return nlohmann::json::parse(read_text((out / "T-01.followup.json").string()));
}

TEST(FollowupCli, WritesTheCourseTheRecordingsAndTheTable) {
  const fs::path out = program_scratch_dir() / "followup_out";
  fs::remove_all(out);
  const auto r = run_cli({"followup", (course_dir() / "course.yaml").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  for (const char* f : {"T-01.followup.json", "T-01.followup.h5", "recordings/base.summary.json",
                        "recordings/d14.h5", "recordings/d30.events.tsv"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  const auto j = nlohmann::json::parse(read_text((out / "T-01.followup.json").string()));
  EXPECT_EQ(j["followup_layout_version"], "1.2");
  EXPECT_EQ(j["assessments"][1]["icans"]["grade"], 4);
  EXPECT_EQ(j["episodes"]["icans"].size(), 1U);
  EXPECT_EQ(j["episodes"]["icans"][0]["resolution_day"].get<double>(),
            j["assessments"][2]["day"].get<double>());
  ASSERT_EQ(j["recordings"].size(), 3U);
  EXPECT_EQ(j["normalization"]["baseline"], "baseline");
  EXPECT_EQ(j["recordings"][1]["verdict"]["active_treatments"], nlohmann::json({"anakinra"}));
  // Subject07 (PDR 8.5 Hz, index 0.12) is slower than Subject00's baseline (10.6 Hz, 0.00).
  EXPECT_FALSE(j["recordings"][1]["verdict"]["normal"].get<bool>());
  EXPECT_GT(j["recordings"][1]["measures"]["encephalopathy_index"]["value"].get<double>(),
            j["recordings"][0]["measures"]["encephalopathy_index"]["value"].get<double>());
  EXPECT_TRUE(j["recordings"][1]["verdict"]["changes"]["sedation_differs"].get<bool>());
  EXPECT_EQ(j["parameters"]["analysis"]["epoch_s"], 4.0);
  EXPECT_NE(r.out.find("day   ICANS  CRS"), std::string::npos);
  EXPECT_NE(r.out.find("\n14    4"), std::string::npos) << r.out;
  // The column holds each recording's verdict beside its events, and its header says so.
  EXPECT_NE(r.out.find("EEG events, verdict"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("abnormal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first normal") == std::string::npos ? r.out.find("not yet normal")
                                                            : r.out.find("first normal"),
            std::string::npos);

  // The HDF5 tables hold the same values as the JSON.
  const io::Hdf5Reader h5(out / "T-01.followup.h5");
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "patient")), "T-01");
  const auto index = h5.read_doubles("/recordings/measures_encephalopathy_index_value");
  ASSERT_EQ(index.values.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_DOUBLE_EQ(index.values[i],
                     j["recordings"][i]["measures"]["encephalopathy_index"]["value"].get<double>());
  EXPECT_EQ(h5.read_int64("/assessments/icans_grade").values,
            (std::vector<std::int64_t>{0, 4, 0, 0}));
  EXPECT_EQ(h5.read_strings("/recordings/label"),
            (std::vector<std::string>{"baseline", "d14", "d30"}));
  EXPECT_EQ(nlohmann::json::parse(std::get<std::string>(h5.attribute("/", "followup_json"))), j);
}

TEST(FollowupCli, ReusesEarlierAnalysesUnlessToldOrParametersChange) {
  const fs::path out = program_scratch_dir() / "followup_reuse";
  fs::remove_all(out);
  const auto first = run_followup(out);
  for (const auto& r : first["recordings"]) {
    EXPECT_FALSE(r["reused"].get<bool>());
    EXPECT_EQ(r["analysis_note"], "no earlier output");
  }
  const auto second = run_followup(out);
  for (const auto& r : second["recordings"])
    EXPECT_TRUE(r["reused"].get<bool>());
  EXPECT_EQ(second["recordings"], [&] {
    auto expected = first["recordings"];
    for (auto& r : expected) {
      r["reused"] = true;
      r["analysis_note"] = nullptr;
    }
    return expected;
  }());
  const auto forced = run_followup(out, {"--reanalyze"});
  EXPECT_EQ(forced["recordings"][0]["analysis_note"], "--reanalyze");
  const auto changed = run_followup(out, {"--epoch-s", "2"});
  EXPECT_EQ(changed["recordings"][0]["analysis_note"], "parameters changed");
  EXPECT_EQ(changed["parameters"]["analysis"]["epoch_s"], 2.0);
}

// Without detection the seizure and pattern counts are unknown: no recording may be called
// normal on its background alone (its verdict is undetermined unless something is abnormal),
// so no episode can be said to have normalised.
TEST(FollowupCli, WithoutDetectionNoRecordingIsCalledNormal) {
  const fs::path out = program_scratch_dir() / "followup_no_detect";
  fs::remove_all(out);
  const auto run = run_cli(
      {"followup", (course_dir() / "course.yaml").string(), "-o", out.string(), "--no-detect"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("not analysed,undetermined"), std::string::npos) << run.out;
  const auto j = nlohmann::json::parse(read_text((out / "T-01.followup.json").string()));
  ASSERT_EQ(j["recordings"].size(), 3U);
  for (const auto& r : j["recordings"]) {
    SCOPED_TRACE(r["label"].get<std::string>());
    EXPECT_EQ(r["measures"]["analysed_s"].get<double>(), 0.0);
    // Not looked for, so not 0 ("none found").
    for (const char* key :
         {"spike_count", "spike_rate_95ci_per_h", "pattern_fraction", "seizure_count",
          "seizure_burden_max_min_per_h", "electrographic_status"})
      EXPECT_TRUE(r["measures"][key].is_null()) << key;
    EXPECT_FALSE(r["verdict"]["normal"].get<bool>());
    const auto unknown = r["verdict"]["unknown"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(unknown.begin(), unknown.end(), "epileptiform detection not run"),
              unknown.end());
    // Subject07's slower background (d14) stays abnormal; the others are undetermined.
    EXPECT_EQ(r["verdict"]["verdict"],
              r["verdict"]["abnormal"].empty() ? "undetermined" : "abnormal");
  }
  EXPECT_EQ(j["recordings"][1]["verdict"]["verdict"], "abnormal");
  EXPECT_EQ(j["recordings"][0]["verdict"]["verdict"], "undetermined");
  ASSERT_EQ(j["normalization"]["episodes"].size(), 1U);
  EXPECT_TRUE(j["normalization"]["episodes"][0]["first_normal"].is_null());
  EXPECT_FALSE(j["normalization"]["last_recording"]["normal"].get<bool>());
  // d30's PDR is below the baseline's interval: still abnormal, with the unknown beside it.
  EXPECT_EQ(j["flags"].back()["kind"], "abnormal_at_last_recording");
  EXPECT_EQ(j["flags"].back()["evidence"].back(), "epileptiform detection not run");
}

TEST(FollowupCli, ABadCourseFileIsAFileErrorAndABadOptionAUsageError) {
  const fs::path dir = program_scratch_dir() / "followup_bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "course.yaml") << "patient: X\ninfusion: 2026-01-05\nassessments:\n"
                                        "  - {at: 2026-01-06, ice: 12}\n";
  const auto bad =
      run_cli({"followup", (dir / "course.yaml").string(), "-o", (dir / "o").string()});
  EXPECT_EQ(bad.exit_status, 1);
  EXPECT_NE(bad.err.find("course.yaml: line 4: assessments[0].ice: 12 is out of range 0-10"),
            std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(dir / "o"));
  const auto usage = run_cli(
      {"followup", (dir / "course.yaml").string(), "-o", (dir / "o").string(), "--epoch-s", "-1"});
  EXPECT_EQ(usage.exit_status, 2);
  EXPECT_NE(usage.err.find("--epoch-s"), std::string::npos) << usage.err;
}

}  // namespace
}  // namespace eegtrack::test
