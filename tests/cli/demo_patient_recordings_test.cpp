// The demo patient's recordings (docs/demo-patient.md) as eegtrack-demo-patient promises them,
// checked on the files: deterministic per seed, marked simulated, the baseline the real source
// unchanged, each time-stretch dividing the posterior rhythm by its k (the analytic truth of a
// stretch), and the day-40 edits on the left: more delta on the left chain than on the right in
// the raw signals, periodic discharges at the injected rate and one seizure, where the generator
// put them, found by `eegtrack analyze`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <span>

#include "cli/demo_patient_support.hpp"
#include "eegtrack/dsp/band_power.hpp"
#include "eegtrack/dsp/welch.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/sites/position.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kRecordings{"baseline", "d03", "d14", "d17",
                                           "d30",      "d40", "d45", "d70"};

// The design of docs/demo-patient.md that the checks below hold the files to.
constexpr double kStretchDay3 = 1.1;
constexpr double kStretchDay17 = 1.6;
constexpr double kDischargePeriodS = 1.1;
constexpr double kSeizureOnsetS = 160.0;
constexpr double kSeizureEndS = 200.0;

// The demo with `eegtrack analyze` of every recording into DIR/analysis, made once.
const fs::path& demo_dir() {
  static const fs::path dir = shared_demo("demo_patient_recordings", [](const fs::path& demo) {
    std::vector<std::string> args{"analyze"};
    for (const auto& r : kRecordings)
      args.push_back((demo / "eeg" / (r + ".edf")).string());
    args.insert(args.end(), {"-o", (demo / "analysis").string()});
    const auto result = run_cli(args);
    EXPECT_EQ(result.exit_status, 0) << result.err;
  });
  return dir;
}

fs::path edf(const std::string& name) {
  return demo_dir() / "eeg" / (name + ".edf");
}

const nlohmann::json& summary(const std::string& name) {
  static const std::map<std::string, nlohmann::json> all = [] {
    const fs::path out = demo_dir() / "analysis";
    std::map<std::string, nlohmann::json> m;
    for (const auto& r : kRecordings)
      m[r] = nlohmann::json::parse(read_text((out / (r + ".summary.json")).string()));
    return m;
  }();
  return all.at(name);
}

std::optional<double> pdr_hz(const std::string& name) {
  const auto& v = summary(name)["background"]["pdr_hz"];
  return v.is_null() ? std::nullopt : std::optional<double>(v.get<double>());
}

double relative(const std::string& name, const std::string& band) {
  return summary(name)["background"]["rel_power"][band].get<double>();
}

std::vector<nlohmann::json> events_of(const std::string& name, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& e : summary(name)["events"])
    if (e["type"] == type)
      out.push_back(e);
  return out;
}

// The scalp channels of a file by canonical name (T7 for "EEG T3"), µV.
std::map<std::string, std::vector<double>> scalp_channels(const fs::path& path, double max_s) {
  const io::EdfReader reader(path);
  std::vector<int> signals;
  std::vector<std::string> names;
  for (int s : reader.header().data_signals()) {
    const auto& info = reader.header().signals[static_cast<std::size_t>(s)];
    const auto name = io::normalize_channel(info.label, info.physical_dimension).normalized;
    if (!sites::electrode_position(name))
      continue;
    signals.push_back(s);
    names.push_back(name);
  }
  auto chunk = reader.read_window(signals, 0.0, std::min(max_s, reader.duration_s()));
  std::map<std::string, std::vector<double>> out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out[names[i]] = std::move(chunk.at(0).signals[i].samples);
  return out;
}

double rate_hz(const fs::path& path) {
  return io::EdfReader(path).header().signals.at(0).sample_rate_hz;
}

// Welch power in [low, high) Hz of the samples [from_s, to_s).
double power(const std::vector<double>& x, double fs, double low, double high, double from_s = 0.0,
             double to_s = 1e9) {
  const auto a = static_cast<std::size_t>(from_s * fs);
  const auto b = std::min(x.size(), static_cast<std::size_t>(to_s * fs));
  const auto psd = dsp::welch_psd(std::span(x).subspan(a, b - a), fs);
  return dsp::band_power(psd.frequencies_hz, psd.psd_uv2_per_hz, low, high);
}

// Sum over a chain of electrodes of their delta (1-4 Hz) power, referential signals.
double chain_delta(const fs::path& path, const std::vector<std::string>& chain) {
  const auto x = scalp_channels(path, 1e9);
  double sum = 0.0;
  for (const auto& c : chain)
    sum += power(x.at(c), rate_hz(path), 1.0, 4.0);
  return sum;
}

TEST(DemoPatientRecordings, SameSeedSameBytesAnotherSeedOnlyAnotherNoise) {
  const auto a = make_demo("demo_patient_a");
  const auto b = make_demo("demo_patient_b");
  const auto c = make_demo("demo_patient_seed2", {"--seed", "2"});
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(a))
    if (entry.is_regular_file())
      files.push_back(fs::relative(entry.path(), a).string());
  EXPECT_EQ(files.size(), 9U);  // course.yaml and eight recordings
  for (const auto& f : files)
    EXPECT_EQ(read_text((a / f).string()), read_text((b / f).string())) << f;
  // The seed drives the noise, delta and discharge jitter, not the course or the baseline.
  EXPECT_EQ(read_text((a / "course.yaml").string()), read_text((c / "course.yaml").string()));
  EXPECT_EQ(read_text((a / "eeg/baseline.edf").string()),
            read_text((c / "eeg/baseline.edf").string()));
  EXPECT_NE(read_text((a / "eeg/d40.edf").string()), read_text((c / "eeg/d40.edf").string()));
}

TEST(DemoPatientRecordings, BadOptionsAndAMissingSourceAreReported) {
  const auto dir = scratch_dir();
  const auto unknown = run_demo_patient({(dir / "x").string(), "--sead", "2"});
  EXPECT_EQ(unknown.exit_status, 2);
  EXPECT_NE(unknown.err.find("--sead"), std::string::npos) << unknown.err;
  const auto not_a_number = run_demo_patient({(dir / "x").string(), "--seed", "two"});
  EXPECT_EQ(not_a_number.exit_status, 2);
  const auto missing = run_demo_patient({(dir / "x").string(), "--source", "no/such.edf"});
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.err.find("no/such.edf: source recording not found"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(fs::exists(dir / "x" / "course.yaml"));
}

// Every file says it is simulated, names no person, holds only scalp electrodes, and starts
// when course.yaml says it was recorded.
TEST(DemoPatientRecordings, HeadersSaySimulatedAndMatchTheCourse) {
  const std::string course = read_text((demo_dir() / "course.yaml").string());
  for (const auto& name : kRecordings) {
    SCOPED_TRACE(name);
    const io::EdfReader reader(edf(name));
    const auto& h = reader.header();
    EXPECT_NE(h.patient.find("DEMO-ICANS-01"), std::string::npos) << h.patient;
    EXPECT_NE(h.patient.find("SIMULATED"), std::string::npos) << h.patient;
    EXPECT_NE(h.recording.find("SIMULATED from PhysioNet EEGMAT"), std::string::npos)
        << h.recording;
    ASSERT_FALSE(reader.annotations().empty());
    EXPECT_EQ(reader.annotations()[0].text, "SIMULATED recording");
    EXPECT_EQ(h.data_signals().size(), 19U);
    for (int s : h.data_signals()) {
      const auto& label = h.signals[static_cast<std::size_t>(s)].label;
      EXPECT_TRUE(sites::electrode_position(io::normalize_channel(label, "uV").normalized))
          << label;
    }
    const std::regex entry("file: eeg/" + name + "\\.edf,[^}]*at: ([0-9T:-]+)");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(course, m, entry));
    EXPECT_EQ(io::to_iso8601(h.start).substr(0, 16), m[1].str());
  }
}

// The pre-infusion baseline is the real recording: equal within half the 0.1-µV step of the
// file.
TEST(DemoPatientRecordings, BaselineIsTheSourceRecording) {
  const auto source =
      scalp_channels(sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", 180.0);
  const auto baseline = scalp_channels(edf("baseline"), 180.0);
  ASSERT_EQ(baseline.size(), source.size());
  for (const auto& [name, x] : source) {
    const auto& y = baseline.at(name);
    ASSERT_EQ(y.size(), x.size()) << name;
    double worst = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
      worst = std::max(worst, std::abs(x[i] - y[i]));
    EXPECT_LE(worst, 0.05 + 1e-9) << name;
  }
}

// A time-stretch by k divides every frequency by k: the posterior rhythm of day 3 and day 17 is
// the baseline's divided by their k; at day 14 (k = 2.8) it falls below the PDR range and delta
// and theta take over.
TEST(DemoPatientRecordings, StretchesDivideThePosteriorRhythmByK) {
  ASSERT_TRUE(pdr_hz("baseline").has_value());
  const double base = *pdr_hz("baseline");
  ASSERT_TRUE(pdr_hz("d03").has_value());
  EXPECT_NEAR(*pdr_hz("d03"), base / kStretchDay3, 0.25);
  ASSERT_TRUE(pdr_hz("d17").has_value());
  EXPECT_NEAR(*pdr_hz("d17"), base / kStretchDay17, 0.25);
  EXPECT_TRUE(!pdr_hz("d14") || *pdr_hz("d14") < 5.0);
  EXPECT_GT(relative("d14", "delta"), relative("baseline", "delta") + 0.2);
  EXPECT_GT(relative("d14", "delta") + relative("d14", "theta"),
            relative("d17", "delta") + relative("d17", "theta"));
  EXPECT_GT(relative("d17", "delta") + relative("d17", "theta"),
            relative("baseline", "delta") + relative("baseline", "theta") + 0.2);
  EXPECT_EQ(summary("d14")["slowing"]["distribution"], "diffuse");
  for (const auto* normal : {"baseline", "d30", "d70"})
    EXPECT_EQ(summary(normal)["slowing"]["grade"], "none") << normal;
}

// Day 40: the left chain (F7, T7, P7) gains delta that the right chain does not, in the raw
// referential signals; the analysis calls the slowing focal on the left.
TEST(DemoPatientRecordings, RelapseSlowingIsOnTheLeft) {
  const std::vector<std::string> left{"F7", "T7", "P7"}, right{"F8", "T8", "P8"};
  const double baseline_ratio =
      chain_delta(edf("baseline"), left) / chain_delta(edf("baseline"), right);
  const double relapse_ratio = chain_delta(edf("d40"), left) / chain_delta(edf("d40"), right);
  EXPECT_GT(relapse_ratio, 2.0 * baseline_ratio);
  const auto& s = summary("d40")["slowing"];
  EXPECT_EQ(s["distribution"], "focal");
  EXPECT_EQ(s["side"], "left");
  // Slow asymmetry (R - L) / (R + L) of the outer pairs moves to the left.
  for (const auto* pair : {"F8-avg/F7-avg", "P8-avg/P7-avg"})
    EXPECT_LT(s["slow_asymmetry_pairs"][pair].get<double>(),
              summary("baseline")["slowing"]["slow_asymmetry_pairs"][pair].get<double>() - 0.2)
        << pair;
}

TEST(DemoPatientRecordings, RelapseHasLeftPeriodicDischargesAndOneLeftSeizure) {
  const auto lpd = events_of("d40", "LPD");
  ASSERT_FALSE(lpd.empty());
  for (const auto& e : lpd) {
    EXPECT_EQ(e["side"], "left") << e;
    EXPECT_TRUE(e["focus"] == "F7" || e["focus"] == "T7" || e["focus"] == "P7") << e;
    EXPECT_NEAR(e["frequency_hz"].get<double>(), 1.0 / kDischargePeriodS, 0.1) << e;
    const double from = e["onset_s"].get<double>();
    const double to = from + e["duration_s"].get<double>();
    // Inside the injected trains (60-150 s, 220-290 s), give or take one discharge interval.
    const auto inside = [&](double a, double b) {
      return from >= a - kDischargePeriodS && to <= b + kDischargePeriodS + 0.5;
    };
    EXPECT_TRUE(inside(60.0, 150.0) || inside(220.0, 290.0)) << e;
  }
  const auto seizures = events_of("d40", "seizure");
  ASSERT_EQ(seizures.size(), 1U);
  const auto& sz = seizures[0];
  EXPECT_EQ(sz["side"], "left");
  EXPECT_GE(sz["onset_s"].get<double>(), kSeizureOnsetS - 2.0);
  EXPECT_LE(sz["onset_s"].get<double>(), kSeizureOnsetS + 20.0);
  EXPECT_LE(sz["onset_s"].get<double>() + sz["duration_s"].get<double>(), kSeizureEndS + 6.0);
  // In the raw signals the discharge is on the left: T7 carries far more 1-20 Hz power than T8
  // over the seizure's second half.
  const auto x = scalp_channels(edf("d40"), 1e9);
  const double fs = rate_hz(edf("d40"));
  const double mid = 0.5 * (kSeizureOnsetS + kSeizureEndS);
  EXPECT_GT(power(x.at("T7"), fs, 1.0, 20.0, mid, kSeizureEndS),
            10.0 * power(x.at("T8"), fs, 1.0, 20.0, mid, kSeizureEndS));
  // The edits are only on day 40.
  for (const auto& name : kRecordings) {
    if (name == "d40")
      continue;
    EXPECT_TRUE(events_of(name, "seizure").empty()) << name;
    EXPECT_TRUE(events_of(name, "LPD").empty()) << name;
  }
}

}  // namespace
}  // namespace eegtrack::test
