// Identity protection at the command line: header identity fields, well-formed or malformed,
// and names in annotation texts reach no output of `info` (text, JSON, --strict deviations and
// warnings) unless --show-identifiers is given.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <tuple>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "eegtrack/pipeline/deidentify.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// The pieces of identity planted in the file; none may appear without --show-identifiers.
const char* const kIdentity[] = {"Smith", "Jane", "4711", "1961", "MAR-61", "Tech_Brown"};

// An EDF+ file written by EDFlib, then given malformed identification fields as a careless
// writer would: the patient field lacks its code, so the name sits where the sex belongs and
// the birth date is in the wrong form; the recording field's startdate differs from the header
// and the technician is named. An annotation names the patient and her birth date.
fs::path malformed_identity_file() {
  const fs::path written = scratch_dir() / "written.edf";
  io::WriteParams params;
  params.start = io::StartTime{.year = 2026, .month = 3, .day = 14, .hour = 9, .minute = 30};
  std::vector<io::WriteSignal> signals(2);
  signals[0].label = "EEG Fp1";
  signals[1].label = "EEG T3";
  std::vector<std::vector<double>> samples(2, std::vector<double>(256 * 4));
  for (std::size_t k = 0; k < samples[0].size(); ++k)
    samples[0][k] = samples[1][k] =
        50.0 * std::sin(2.0 * M_PI * 10.0 * static_cast<double>(k) / 256.0);
  const io::Annotation note{
      .onset_s = 1.5, .duration_s = 0.0, .text = "Jane Smith eyes closed, DOB 12.03.1961"};
  io::write_edf(written, params, signals, samples, std::span(&note, 1));
  PatchedRecording patched(written);
  patched.fixed(8, 80, "Smith_Jane F 1961.03.12 MRN4711");
  patched.fixed(88, 80, "Startdate 12-MAR-1961 X Tech_Brown X");
  return patched.write("malformed_identity.edf");
}

TEST(CliIdentity, MalformedIdentityFieldsAndAnnotationNamesStayOut) {
  const auto path = malformed_identity_file().string();
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {}, {"--json"}, {"--strict"}, {"--strict", "--json"}}) {
    std::vector<std::string> args = {"info", path};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    ASSERT_TRUE(r.exit_status == 0 || r.exit_status == 1) << r.err;
    for (const char* who : kIdentity) {
      EXPECT_EQ(r.out.find(who), std::string::npos) << who << " in " << r.out;
      EXPECT_EQ(r.err.find(who), std::string::npos) << who << " in " << r.err;
    }
    // The annotation is still there, with its EEG words.
    EXPECT_NE(r.out.find("[word] [word] eyes closed, [word] [date]"), std::string::npos) << r.out;
  }
  // The strict report still locates each problem, without the value.
  const auto strict = run_cli({"info", path, "--strict"});
  EXPECT_EQ(strict.exit_status, 1);
  EXPECT_NE(strict.out.find("birthdate subfield is not dd-MMM-yyyy (value not shown"),
            std::string::npos)
      << strict.out;
  EXPECT_NE(strict.out.find("startdate subfield differs from the header startdate"),
            std::string::npos)
      << strict.out;

  const auto shown = run_cli({"info", path, "--strict", "--show-identifiers"});
  EXPECT_NE(shown.out.find("Smith_Jane F 1961.03.12 MRN4711"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("Jane Smith eyes closed, DOB 12.03.1961"), std::string::npos);
}

// analyze --deidentify: no output is named after the file, and none carries the file name or
// the true start date; two recordings of one patient keep their interval.
TEST(CliIdentity, DeidentifiedAnalyzeOutputsCarryNoFileNameNorTrueDate) {
  PatchedRecording base(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf");
  const fs::path day3 = base.write("Smith_Jane_day3.edf");
  base.fixed(168, 8, "10.11.76");  // four days later than 06.11.76
  const fs::path day7 = base.write("Smith_Jane_day7.edf");
  const fs::path out = day3.parent_path() / "out";
  const auto r = run_cli({"analyze", day3.string(), day7.string(), "-o", out.string(),
                          "--deidentify", "--patient-id", "P07", "--report"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out.find("Smith"), std::string::npos) << r.out;
  std::vector<nlohmann::json> summaries;
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.find("Smith"), std::string::npos) << name;
    if (name == "deidentify.key" || name.starts_with(".rec-"))  // the key, the lock files
      continue;
    EXPECT_EQ(name.rfind("rec-", 0), 0U) << name;
    const std::string bytes = read_text(entry.path().string());
    EXPECT_EQ(bytes.find("Smith"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("2076-11-06"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("2076-11-10"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("20761106"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("06.11.76"), std::string::npos) << name;
    if (name.ends_with(".summary.json"))
      summaries.push_back(nlohmann::json::parse(bytes));
  }
  ASSERT_EQ(summaries.size(), 2U);
  std::vector<std::string> starts;
  for (const auto& s : summaries) {
    EXPECT_EQ(s["recording"]["file"].get<std::string>().rfind("rec-", 0), 0U);
    starts.push_back(s["recording"]["start"].get<std::string>());
  }
  std::sort(starts.begin(), starts.end());
  // Same patient, same shift: still four days apart, same time of day, earlier than recorded.
  EXPECT_EQ(starts[0].substr(10), "T13:43:04");
  EXPECT_EQ(starts[1].substr(10), "T13:43:04");
  const auto day = [](const std::string& iso) {
    using namespace std::chrono;
    return sys_days{year{std::stoi(iso.substr(0, 4))} /
                    month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))} /
                    std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  };
  EXPECT_EQ((day(starts[1]) - day(starts[0])).count(), 4);
  EXPECT_LT(starts[1], "2076-11-10");
  // The same key gives the same names on a second run (resumable, linkable).
  const auto again = run_cli({"analyze", day3.string(), "-o", out.string(), "--deidentify"});
  ASSERT_EQ(again.exit_status, 0) << again.err;
  // The key, two locks, and per recording 9 outputs, the manifest and the report.
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator{}), 1 + 2 + 2 * 11);
}

// A de-identified start shifted back before 1985, the first year an EDF header holds, keeps its
// recording: the events EDF starts on EDF+'s clipping date 01.01.85 at the recording's time of
// day (its onsets count from the first sample), and the summary carries the shifted start.
// Before, writing the events EDF failed the recording (half the batches of a 1989 recording).
TEST(CliIdentity, DeidentifiedStartBefore1985KeepsTheRecording) {
  PatchedRecording base(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf");
  base.fixed(168, 8, "06.11.86");
  const fs::path recording = base.write("early.edf");
  const fs::path key_file = recording.parent_path() / "early.key";
  std::ofstream(key_file) << std::string(64, '7') << "\n";
  const auto key = pipeline::load_or_create_key(key_file);
  // A patient whose shift moves 6 Nov 1986 back before 1985 (most do: it reaches ten years).
  std::string patient;
  for (int i = 0; patient.empty(); ++i) {
    const std::string candidate = "P" + std::to_string(i);
    if (pipeline::deidentification(key, "early.edf", candidate).shift_days < -800)
      patient = candidate;
  }
  const fs::path out = recording.parent_path() / "early_out";
  const auto r =
      run_cli({"analyze", recording.string(), "-o", out.string(), "--no-detect", "--deidentify",
               "--deidentify-key", key_file.string(), "--patient-id", patient});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const std::string stem = pipeline::deidentification(key, "early.edf", patient).pseudonym;
  const auto summary = nlohmann::json::parse(read_text((out / (stem + ".summary.json")).string()));
  const std::string start = summary["recording"]["start"].get<std::string>();
  EXPECT_LT(start, "1985") << start;
  EXPECT_EQ(start.substr(10), "T13:43:04");
  const io::EdfReader events(out / (stem + ".events.edf"));
  const auto& s = events.header().start;
  EXPECT_EQ(std::tie(s.year, s.month, s.day, s.hour, s.minute, s.second),
            std::make_tuple(1985, 1, 1, 13, 43, 4));
  ASSERT_EQ(events.annotations().size(), 1U);  // detection off: one annotation spanning it
  EXPECT_DOUBLE_EQ(events.annotations()[0].onset_s, 0.0);
}

// eegtrack batch de-identifies its cohort outputs by default: output names, cohort tables,
// errors and summaries carry pseudonyms, not the folder and file names; a rerun with the same
// key finds its outputs again.
TEST(CliIdentity, BatchCohortOutputsArePseudonymousByDefault) {
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in / "Smith_Jane");
  fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf",
                in / "Smith_Jane" / "day3.edf");
  std::ofstream(in / "Smith_Jane" / "broken.edf") << "not an EEG\n";
  const fs::path out = in.parent_path() / "out";
  const auto r = run_cli({"batch", in.string(), "-o", out.string(), "--jobs", "1"});
  EXPECT_EQ(r.exit_status, 1) << r.err;  // the broken file
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.find("Smith"), std::string::npos) << name;
    EXPECT_EQ(name.find("day3"), std::string::npos) << name;
    const std::string bytes = read_text(entry.path().string());
    EXPECT_EQ(bytes.find("Smith"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("2076-11-06"), std::string::npos) << name;
  }
  const std::string errors = read_text((out / "errors.tsv").string());
  EXPECT_NE(errors.find("rec-"), std::string::npos) << errors;
  EXPECT_NE(errors.find("not an EDF or BDF file"), std::string::npos) << errors;
  const auto again = run_cli({"batch", in.string(), "-o", out.string(), "--jobs", "1"});
  EXPECT_NE(again.out.find("1 skipped"), std::string::npos) << again.out;
  // --show-identifiers keeps the names.
  const fs::path named = in.parent_path() / "named";
  (void)run_cli({"batch", in.string(), "-o", named.string(), "--show-identifiers"});
  EXPECT_TRUE(fs::exists(named / "Smith_Jane~day3.summary.json"));
}

}  // namespace
}  // namespace eegtrack::test
