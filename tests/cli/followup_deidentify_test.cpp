// eegtrack followup --deidentify on a course whose patient id is a name and whose recordings are
// named after the patient: nothing under OUTDIR (file names and bytes, the HDF5 stores and the
// reports included) holds the name, a recording's stem or a true date; days after infusion and
// measures are those of the identified run; recordings get the pseudonyms analyze --deidentify
// gives them; the key is created when missing and reused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "eegtrack/clinical/course_time.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/deidentify.hpp"
#include "support/lower_case.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kPatient = "Jane Smith";
constexpr const char* kKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const char* const kStems[] = {"Smith_Jane_baseline", "Smith_Jane_icu", "Smith_Jane_d30"};
// The course's calendar dates.
const char* const kCourseDates[] = {"2026-01-01", "2026-01-05", "2026-01-19",
                                    "2026-01-21", "2026-01-27", "2026-02-04"};

// Three real recordings named after the patient: a baseline without a label (the label is then
// the file name), a day-14 recording whose start comes from its header (patched to
// 19.01.26 15.00.00, no 'at'), and day 30. The patient id and a true date are in a note.
fs::path course_dir() {
  static const fs::path dir = [] {
    const fs::path d = program_scratch_dir() / "followup_deid_course";
    fs::remove_all(d);
    fs::create_directories(d / "eeg");
    fs::copy_file(sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf",
                  d / "eeg" / "Smith_Jane_baseline.edf");
    PatchedRecording icu(eeg_path("normal/eegmat_Subject07_1_rest_eyes_closed.edf"));
    icu.fixed(168, 8, "19.01.26").fixed(176, 8, "15.00.00");
    fs::copy_file(icu.write("Smith_Jane_icu.edf"), d / "eeg" / "Smith_Jane_icu.edf");
    fs::copy_file(eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"),
                  d / "eeg" / "Smith_Jane_d30.edf");
    std::ofstream(d / "course.yaml")
        << "patient: " << kPatient
        << "\n"
           "infusion: 2026-01-05T10:00\n"
           "eeg:\n"
           "  - {file: eeg/Smith_Jane_baseline.edf, at: 2026-01-01T09:00}\n"
           "  - {file: eeg/Smith_Jane_icu.edf, label: Jane Smith ICU, sedation: propofol}\n"
           "  - {file: eeg/Smith_Jane_d30.edf, label: d30, at: 2026-02-04T10:00}\n"
           "assessments:\n"
           "  - {at: 2026-01-01, ice: 10, consciousness: awake}\n"
           "  - {at: 2026-01-19T08:00, ice: 0, consciousness: unarousable, note: 'Jane Smith "
           "seen 2026-01-19: right facial clonus'}\n"
           "  - {at: 2026-01-27, ice: 10, consciousness: awake}\n"
           "  - {at: 2026-02-04, ice: 10, consciousness: awake}\n"
           "treatments:\n"
           "  - {drug: anakinra, dose: 100, unit: mg, start: 2026-01-19, stop: 2026-01-21}\n"
           "labs:\n"
           "  - {at: 2026-01-19, ldh: [612, U/L], crp: [96, mg/L], platelets: [74, 10^9/L]}\n";
    std::ofstream(d / "project.key") << kKeyHex << '\n';
    return d;
  }();
  return dir;
}

fs::path course_file() {
  return course_dir() / "course.yaml";
}
fs::path key_file() {
  return course_dir() / "project.key";
}
fs::path recording(const std::string& stem) {
  return course_dir() / "eeg" / (stem + ".edf");
}

std::chrono::sys_days day_of(const std::string& iso) {
  using namespace std::chrono;
  return sys_days{year{std::stoi(iso.substr(0, 4))} /
                  month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))} /
                  day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
}

// Every true date of the course and of the recordings' headers, in the forms eegtrack writes
// dates: ISO, compact (SzCORE), EDF header dd.mm.yy and EDF+ dd-MMM-yyyy.
std::vector<std::chrono::sys_days> true_days() {
  std::vector<std::chrono::sys_days> days;
  for (const char* date : kCourseDates)
    days.push_back(day_of(date));
  for (const char* stem : kStems)
    days.push_back(day_of(io::to_iso8601(io::EdfReader(recording(stem)).header().start)));
  return days;
}

std::vector<std::string> date_forms(std::chrono::sys_days d) {
  static const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  const std::chrono::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  char iso[16], compact[16], edf[16], plus[16];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, m, day);
  std::snprintf(compact, sizeof compact, "%04d%02u%02u", y, m, day);
  std::snprintf(edf, sizeof edf, "%02u.%02u.%02d", day, m, y % 100);
  std::snprintf(plus, sizeof plus, "%02u-%s-%04d", day, kMonths[m - 1], y);
  return {iso, compact, edf, plus};
}

// The pieces of identity found in the names and bytes of the files under `out`: the patient,
// a stem of a recording, a true date. `files` counts the files read.
std::set<std::string> identity_found(const fs::path& out, int& files) {
  std::vector<std::string> forbidden = {"smith", "jane"};
  for (const char* stem : kStems)
    forbidden.push_back(lower(stem));
  for (const auto d : true_days())
    for (const auto& form : date_forms(d))
      forbidden.push_back(lower(form));
  std::set<std::string> found;
  files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    const std::string name = lower(entry.path().filename().string());
    std::string bytes;
    if (entry.is_regular_file()) {
      ++files;
      bytes = lower(read_text(entry.path().string()));
    }
    for (const auto& f : forbidden)
      if (name.find(f) != std::string::npos || bytes.find(f) != std::string::npos) {
        found.insert(f + " in " + entry.path().string());
      }
  }
  return found;
}

void expect_no_identity(const fs::path& out) {
  int files = 0;
  const auto found = identity_found(out, files);
  EXPECT_TRUE(found.empty()) << [&] {
    std::string s;
    for (const auto& f : found)
      s += f + "\n";
    return s;
  }();
  EXPECT_GT(files, 20);
}

json followup_json_in(const fs::path& out) {
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.path().filename().string().ends_with(".followup.json"))
      return json::parse(read_text(entry.path().string()));
  ADD_FAILURE() << "no followup.json in " << out;
  return {};
}

// The key's shift for the patient, checked not to move one true date onto another (the search
// for true dates would then find a shifted one).
int checked_shift() {
  const auto key = pipeline::load_or_create_key(key_file());
  const int shift = pipeline::deidentification(key, "", kPatient).shift_days;
  const auto days = true_days();
  for (const auto a : days)
    for (const auto b : days)
      EXPECT_NE(a + std::chrono::days{shift}, b) << "choose another test key";
  return shift;
}

TEST(FollowupDeidentify, NoOutputHoldsThePatientTheFileNamesOrTheTrueDates) {
  const int shift = checked_shift();
  const fs::path named = program_scratch_dir() / "followup_deid_named";
  const fs::path pseudonymous = program_scratch_dir() / "followup_deid_out";
  fs::remove_all(named);
  fs::remove_all(pseudonymous);
  const auto plain = run_cli({"followup", course_file().string(), "-o", named.string()});
  ASSERT_EQ(plain.exit_status, 0) << plain.err;
  const auto r = run_cli({"followup", course_file().string(), "-o", pseudonymous.string(),
                          "--deidentify", "--deidentify-key", key_file().string(), "--report"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(lower(r.out).find("smith"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("created the de-identification key"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(pseudonymous / "deidentify.key")) << "the given key is used";
  expect_no_identity(pseudonymous);

  // The search finds identity where it is: in the outputs without --deidentify.
  int files = 0;
  const auto in_named = identity_found(named, files);
  for (const std::string& piece : std::vector<std::string>{
           "smith_jane_icu", "smith", "jane", "2026-01-19",
           io::to_iso8601(io::EdfReader(recording(kStems[0])).header().start).substr(0, 10)})
    EXPECT_TRUE(std::any_of(in_named.begin(), in_named.end(), [&](const std::string& f) {
      return f.starts_with(piece + " in ");
    })) << piece;

  const auto key = pipeline::load_or_create_key(key_file());
  const std::string patient = pipeline::patient_pseudonym(key, kPatient);
  EXPECT_EQ(patient.rfind("pat-", 0), 0U);
  EXPECT_TRUE(fs::exists(pseudonymous / (patient + ".followup.json")));
  EXPECT_TRUE(fs::exists(pseudonymous / (patient + ".followup.h5")));
  EXPECT_TRUE(fs::exists(pseudonymous / (patient + ".followup.html")));
  const auto a = followup_json_in(named);
  const auto b = followup_json_in(pseudonymous);
  EXPECT_EQ(a["patient"], kPatient);
  EXPECT_FALSE(a["deidentified"].get<bool>());
  EXPECT_EQ(b["patient"], patient);
  EXPECT_TRUE(b["deidentified"].get<bool>());

  // Same days after infusion, same measures, verdicts and course; every calendar time moved by
  // the patient's shift.
  const auto moved = [&](const json& x, const json& y) {
    const auto tx = clinical::parse_local_time(x.get<std::string>());
    const auto ty = clinical::parse_local_time(y.get<std::string>());
    ASSERT_TRUE(tx && ty) << x << ' ' << y;
    EXPECT_EQ(ty->seconds - tx->seconds, shift * 86400.0) << x << " -> " << y;
  };
  moved(a["infusion"], b["infusion"]);
  ASSERT_EQ(a["recordings"].size(), 3U);
  ASSERT_EQ(b["recordings"].size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto &x = a["recordings"][i], &y = b["recordings"][i];
    EXPECT_EQ(x["day"], y["day"]);
    EXPECT_EQ(x["measures"], y["measures"]);
    EXPECT_EQ(x["sha256"], y["sha256"]);
    EXPECT_EQ(x["verdict"]["normal"], y["verdict"]["normal"]);
    EXPECT_EQ(x["verdict"]["abnormal"], y["verdict"]["abnormal"]);
    EXPECT_EQ(x["at_from"], y["at_from"]);
    moved(x["at"], y["at"]);
  }
  EXPECT_EQ(a["recordings"][1]["at_from"], "EDF header");
  EXPECT_EQ(a["recordings"][1]["label"], "Jane Smith ICU");
  EXPECT_EQ(b["recordings"][1]["label"], patient + " ICU");
  EXPECT_EQ(b["recordings"][0]["label"], b["recordings"][0]["file"]) << "default label";
  EXPECT_EQ(a["episodes"], b["episodes"]);
  EXPECT_EQ(a["concordance"], b["concordance"]);
  EXPECT_EQ(a["normalization"]["episodes"], b["normalization"]["episodes"]);
  for (const char* list : {"assessments", "labs", "car_t"}) {
    ASSERT_EQ(a[list].size(), b[list].size()) << list;
    for (std::size_t i = 0; i < a[list].size(); ++i) {
      EXPECT_EQ(a[list][i]["day"], b[list][i]["day"]) << list;
      moved(a[list][i]["at"], b[list][i]["at"]);
    }
  }
  for (std::size_t i = 0; i < a["assessments"].size(); ++i) {
    EXPECT_EQ(a["assessments"][i]["icans"], b["assessments"][i]["icans"]);
    EXPECT_EQ(a["assessments"][i]["crs"], b["assessments"][i]["crs"]);
  }
  EXPECT_EQ(b["assessments"][1]["note"].get<std::string>().find(patient), 0U);
  for (std::size_t i = 0; i < a["treatments"].size(); ++i) {
    EXPECT_EQ(a["treatments"][i]["start_day"], b["treatments"][i]["start_day"]);
    moved(a["treatments"][i]["start"], b["treatments"][i]["start"]);
    moved(a["treatments"][i]["stop"], b["treatments"][i]["stop"]);
  }
  ASSERT_EQ(a["flags"].size(), b["flags"].size());
  for (std::size_t i = 0; i < a["flags"].size(); ++i) {
    EXPECT_EQ(a["flags"][i]["day"], b["flags"][i]["day"]);
    EXPECT_EQ(a["flags"][i]["kind"], b["flags"][i]["kind"]);
  }

  // Each recording carries, and is named by, the pseudonym analyze --deidentify gives it with
  // the same key and patient id; its outputs there are shifted alike.
  const fs::path analyzed = program_scratch_dir() / "followup_deid_analyze";
  fs::remove_all(analyzed);
  std::vector<std::string> args = {"analyze"};
  for (const char* stem : kStems)
    args.push_back(recording(stem).string());
  args.insert(args.end(), {"-o", analyzed.string(), "--deidentify", "--deidentify-key",
                           key_file().string(), "--patient-id", kPatient});
  const auto an = run_cli(args);
  ASSERT_EQ(an.exit_status, 0) << an.err;
  std::set<std::string> from_analyze, from_followup;
  for (const auto& entry : fs::directory_iterator(analyzed))
    if (entry.path().filename().string().ends_with(".summary.json")) {
      const auto s = json::parse(read_text(entry.path().string()));
      from_analyze.insert(s["recording"]["file"].get<std::string>());
      const auto twin =
          json::parse(read_text((pseudonymous / "recordings" / entry.path().filename()).string()));
      EXPECT_EQ(twin["recording"]["file"], s["recording"]["file"]);
      EXPECT_EQ(twin["recording"]["start"], s["recording"]["start"]);
    }
  for (const auto& rec : b["recordings"]) {
    from_followup.insert(rec["file"].get<std::string>());
    const std::string file = rec["file"].get<std::string>();
    EXPECT_TRUE(fs::exists(pseudonymous / "recordings" /
                           (file.substr(0, file.size() - 4) + ".report.html")))
        << file;
  }
  EXPECT_EQ(from_followup.size(), 3U);
  EXPECT_EQ(from_analyze, from_followup);
}

TEST(FollowupDeidentify, TheKeyIsCreatedWhenMissingAndOutputsAreReusedWithIt) {
  const fs::path out = program_scratch_dir() / "followup_deid_newkey";
  fs::remove_all(out);
  const auto first =
      run_cli({"followup", course_file().string(), "-o", out.string(), "--deidentify"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_NE(first.err.find("created the de-identification key"), std::string::npos) << first.err;
  ASSERT_TRUE(fs::exists(out / "deidentify.key"));
  const auto key = pipeline::load_or_create_key(out / "deidentify.key");
  EXPECT_NE(key.bytes, pipeline::load_or_create_key(key_file()).bytes);
  EXPECT_TRUE(fs::exists(out / (pipeline::patient_pseudonym(key, kPatient) + ".followup.json")));
  expect_no_identity(out);
  const auto before = followup_json_in(out);
  for (const auto& r : before["recordings"])
    EXPECT_FALSE(r["reused"].get<bool>());

  // A second run finds the key and the outputs named by the same pseudonyms.
  const auto second =
      run_cli({"followup", course_file().string(), "-o", out.string(), "--deidentify"});
  ASSERT_EQ(second.exit_status, 0) << second.err;
  EXPECT_EQ(second.err.find("created"), std::string::npos) << second.err;
  const auto after = followup_json_in(out);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(after["recordings"][i]["reused"].get<bool>());
    EXPECT_EQ(after["recordings"][i]["file"], before["recordings"][i]["file"]);
    EXPECT_EQ(after["recordings"][i]["at"], before["recordings"][i]["at"]);
    EXPECT_EQ(after["recordings"][i]["measures"], before["recordings"][i]["measures"]);
  }
}

TEST(FollowupDeidentify, KeyWithoutDeidentifyIsAUsageError) {
  const fs::path out = program_scratch_dir() / "followup_deid_usage";
  fs::remove_all(out);
  const auto r = run_cli({"followup", course_file().string(), "-o", out.string(),
                          "--deidentify-key", key_file().string()});
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_NE(r.err.find("--deidentify-key needs --deidentify"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "recordings"));
}

TEST(FollowupDeidentify, OutputsOfAnIdentifiedRunInOutdirAreWarnedOf) {
  const fs::path out = program_scratch_dir() / "followup_deid_mixed";
  fs::remove_all(out);
  ASSERT_EQ(run_cli({"followup", course_file().string(), "-o", out.string()}).exit_status, 0);
  const auto r = run_cli({"followup", course_file().string(), "-o", out.string(), "--deidentify",
                          "--deidentify-key", key_file().string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("Jane_Smith.followup.json is an output of a run without --deidentify"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Smith_Jane_icu.summary.json is an output of a run without --deidentify"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace eegtrack::test
