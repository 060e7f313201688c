// The demo patient (docs/demo-patient.md) through `eegtrack followup`: the course of the case
// must show in the fusion. The index rises at day 14 and falls after treatment, the day-40
// relapse has left-sided findings matching the right-sided clinical sign, each episode's EEG
// normalises on the right recording. The recordings themselves: demo_patient_recordings_test.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/demo_patient_support.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const nlohmann::json& followup() {
  static const nlohmann::json j = [] {
    const fs::path dir = shared_demo_followup();
    return nlohmann::json::parse(read_text((dir / "out" / "DEMO-ICANS-01.followup.json").string()));
  }();
  return j;
}

const nlohmann::json& recording(const std::string& label) {
  for (const auto& r : followup()["recordings"])
    if (r["label"] == label)
      return r;
  throw std::runtime_error("no recording " + label);
}

double index_of(const std::string& label) {
  return recording(label)["measures"]["encephalopathy_index"]["value"].get<double>();
}

TEST(DemoPatient, IndexRisesAtDay14AndFallsAfterTreatment) {
  EXPECT_GT(index_of("day 14 coma"), index_of("pre-infusion baseline") + 0.3);
  const auto& d14 = recording("day 14 coma");
  EXPECT_TRUE(d14["verdict"]["changes"]["encephalopathy_index"]["beyond_variability"].get<bool>());
  EXPECT_TRUE(d14["measures"]["pdr_hz"]["value"].is_null());  // no posterior rhythm in coma
  EXPECT_LT(index_of("day 17 improving"), index_of("day 14 coma"));
  EXPECT_LT(index_of("day 30"), index_of("day 17 improving"));
  EXPECT_TRUE(recording("day 30")["verdict"]["normal"].get<bool>());
  const auto& e = followup()["normalization"]["episodes"];
  ASSERT_EQ(e.size(), 2U);
  EXPECT_EQ(e[0]["first_normal"]["recording"], "day 30");
  EXPECT_EQ(e[1]["first_normal"]["recording"], "day 70 follow-up");
  EXPECT_TRUE(followup()["normalization"]["last_recording"]["normal"].get<bool>());
}

TEST(DemoPatient, RelapseAtDay40WithLeftSidedFindings) {
  const auto& episodes = followup()["episodes"]["icans"];
  ASSERT_EQ(episodes.size(), 2U);
  EXPECT_EQ(episodes[0]["peak_grade"], 4);
  EXPECT_TRUE(episodes[1]["relapse"].get<bool>());
  EXPECT_EQ(episodes[1]["peak_grade"], 3);
  EXPECT_NEAR(episodes[1]["onset_day"].get<double>(), 40.0, 0.5);
  const auto& d40 = recording("day 40 relapse");
  EXPECT_GE(d40["measures"]["seizure_count"].get<int>(), 1);
  EXPECT_EQ(d40["verdict"]["eeg_grade_support"], "EEG supports grade >= 3, needs confirmation");
  int left = 0, right = 0;
  for (const auto& l : d40["measures"]["lateralized"])
    (l["side"] == "left" ? left : right) += 1;
  EXPECT_GT(left, 0);
  EXPECT_EQ(right, 0);
  // The focus of slowing, as the reasons name it ("focal slowing (left temporal)").
  EXPECT_EQ(d40["measures"]["slowing_side"], "left");
  EXPECT_EQ(d40["measures"]["slowing_region"], "temporal");
  EXPECT_TRUE(recording("day 30")["measures"]["slowing_region"].is_null());
  const auto& flags = followup()["flags"];
  EXPECT_TRUE(std::any_of(flags.begin(), flags.end(), [](const nlohmann::json& f) {
    return f["kind"] == "lateralized_matches_sign" && f["day"].get<double>() > 39.0;
  }));
  EXPECT_TRUE(std::none_of(flags.begin(), flags.end(), [](const nlohmann::json& f) {
    return f["kind"] == "lateralized_contradicts_sign";
  }));
  // m-EASIX and CAR-T peak at both episodes (the case's second expansion on day 40).
  EXPECT_GT(episodes[1]["lab_peaks"]["peaks"].size(), 0U);
}

TEST(DemoPatient, GradingHandlesTheSedatedAssessmentsAndTheIndexFollowsTheGrade) {
  const auto& a = followup()["assessments"];
  const auto intubated = std::find_if(
      a.begin(), a.end(), [](const nlohmann::json& x) { return x["at"] == "2026-01-19T14:00:00"; });
  ASSERT_NE(intubated, a.end());
  EXPECT_FALSE((*intubated)["icans"]["assessable"].get<bool>());
  const auto& c = followup()["concordance"];
  EXPECT_GE(c["n_pairs"].get<int>(), 5);
  EXPECT_GT(c["rho"].get<double>(), 0.6);
}

}  // namespace
}  // namespace eegtrack::test
