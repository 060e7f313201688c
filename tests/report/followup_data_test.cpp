// followup_from_json on a hand-written follow-up: the fields the report draws, absent values
// as absent, and errors that name the source and the field.
#include "eegtrack/report/followup_data.hpp"

#include <gtest/gtest.h>

namespace eegtrack::report {
namespace {

nlohmann::json minimal() {
  return nlohmann::json::parse(R"({
    "followup_layout_version": "1.0", "eegtrack_version": "0.1.0", "patient": "P-<1>",
    "infusion": "2026-01-05T10:00:00", "product": null,
    "assessments": [
      {"day": -4.0, "at": "2026-01-01T08:00:00", "icans": {"grade": 0}, "crs": {"grade": 0},
       "sedated": false, "note": null},
      {"day": 14.2, "at": "2026-01-19T14:00:00", "icans": {"grade": null}, "crs": {"grade": 0},
       "sedated": true, "note": "intubated"}],
    "episodes": {"icans": [{"onset_day": 13.9, "peak_grade": 4, "peak_day": 13.9,
                             "resolution_day": null, "relapse": false}], "crs": []},
    "treatments": [{"drug": "anakinra", "dose": 100, "unit": "mg", "route": "sc", "every_h": 6,
                    "start_day": 14.0, "stop_day": 16.6}],
    "labs": [{"day": 3.0, "easix": {"value": 3.5, "log2": 1.8}, "m_easix": null}],
    "car_t": [{"day": 7.0, "value": 120, "unit": "cells/uL"}],
    "recordings": [{"label": "day 14", "file": "d14.edf", "sha256": "ab", "at": "x", "day": 14.3,
                    "sedation": "propofol",
                    "measures": {"encephalopathy_index": {"value": 0.49, "ci95": [0.48, 0.5]},
                                 "pdr_hz": {"value": null, "ci95": [null, null]},
                                 "pdr_absent_reason": "slower rhythm",
                                 "relative_delta": {"value": 0.51, "ci95": [null, null]},
                                 "slowing_grade": "moderate",
                                 "slowing_distribution": "focal", "slowing_side": "left",
                                 "slowing_region": "temporal",
                                 "seizure_count": 0, "spike_count": 2,
                                 "spike_rate_per_h": null, "duration_s": 180,
                                 "clean_fraction": 1.0,
                                 "patterns": {"GRDA": {"episodes": 8}, "LPD": {"episodes": 0}}},
                    "verdict": {"normal": false, "abnormal": ["PDR absent"],
                                "eeg_grade_support": null}}],
    "normalization": {"reference": "baseline",
                      "episodes": [{"episode": 0, "first_normal": null}]},
    "concordance": {"rho": null, "n_pairs": 1, "note": "fewer than 4 pairs"},
    "flags": [{"day": 14.2, "kind": "sedation_differs", "message": "m", "evidence": ["a", "b"]}],
    "parameters": {"pairing_window_days": 1.0}
  })");
}

TEST(FollowupData, ReadsWhatTheReportDraws) {
  const auto d = followup_from_json(minimal(), "x.followup.json");
  EXPECT_EQ(d.patient, "P-<1>");  // texts stay as written; the report escapes them
  EXPECT_EQ(d.product, "");
  ASSERT_EQ(d.assessments.size(), 2u);
  EXPECT_EQ(d.assessments[0].icans, 0);
  EXPECT_FALSE(d.assessments[1].icans.has_value());
  EXPECT_TRUE(d.assessments[1].sedated);
  ASSERT_EQ(d.treatments.size(), 1u);
  EXPECT_EQ(d.treatments[0].every_h, 6.0);
  ASSERT_EQ(d.labs.size(), 1u);
  EXPECT_EQ(d.labs[0].easix_log2, 1.8);
  EXPECT_FALSE(d.labs[0].m_easix_log2.has_value());
  ASSERT_EQ(d.recordings.size(), 1u);
  const auto& r = d.recordings[0];
  EXPECT_EQ(r.index.value, 0.49);
  EXPECT_EQ(r.index.high, 0.5);
  EXPECT_FALSE(r.pdr_hz.value.has_value());
  EXPECT_FALSE(r.relative_delta.low.has_value());
  EXPECT_EQ(r.slowing_side, "left");
  EXPECT_EQ(r.slowing_region, "temporal");
  EXPECT_EQ(r.patterns, (std::vector<std::pair<std::string, int>>{{"GRDA", 8}}));
  EXPECT_TRUE(r.detected);  // a file without analysed_s
  EXPECT_FALSE(r.normal());
  EXPECT_EQ(r.abnormal, std::vector<std::string>{"PDR absent"});
  ASSERT_EQ(d.episodes.size(), 1u);
  EXPECT_FALSE(d.episodes[0].resolution_day.has_value());
  EXPECT_FALSE(d.episodes[0].first_normal_eeg_day.has_value());
  EXPECT_FALSE(d.spearman_rho.has_value());
  EXPECT_EQ(d.concordance_note, "fewer than 4 pairs");
  ASSERT_EQ(d.flags.size(), 1u);
  EXPECT_EQ(d.flags[0].evidence.size(), 2u);
}

// analysed_s 0: the detectors did not run (followup --no-detect), so the counts are unknown.
TEST(FollowupData, RecordingsWithoutDetectionAreMarked) {
  auto j = minimal();
  j["recordings"][0]["measures"]["analysed_s"] = 0.0;
  EXPECT_FALSE(followup_from_json(j, "x.followup.json").recordings[0].detected);
  j["recordings"][0]["measures"]["analysed_s"] = 180.0;
  EXPECT_TRUE(followup_from_json(j, "x.followup.json").recordings[0].detected);
}

// Layout 1.1 gives the verdict word and what could not be judged; 1.0 had neither, so its
// verdict is normal or abnormal.
TEST(FollowupData, ReadsTheVerdictAndWhatCouldNotBeJudged) {
  auto j = minimal();
  EXPECT_EQ(followup_from_json(j, "x").recordings[0].verdict, "abnormal");
  j["recordings"][0]["verdict"]["normal"] = true;
  EXPECT_EQ(followup_from_json(j, "x").recordings[0].verdict, "normal");
  j["followup_layout_version"] = "1.1";
  auto& v = j["recordings"][0]["verdict"];
  v = {{"normal", false},
       {"verdict", "undetermined"},
       {"abnormal", nlohmann::json::array()},
       {"unknown", {"epileptiform detection not run"}}};
  const auto row = followup_from_json(j, "x").recordings[0];
  EXPECT_EQ(row.verdict, "undetermined");
  EXPECT_TRUE(row.abnormal.empty());
  EXPECT_EQ(row.unknown, std::vector<std::string>{"epileptiform detection not run"});
  v["verdict"] = "<b>fine</b>";
  try {
    (void)followup_from_json(j, "x");
    FAIL();
  } catch (const FollowupInputError& e) {
    EXPECT_STREQ(e.what(), "x: recordings[0].verdict.verdict: unknown verdict '<b>fine</b>'");
  }
}

TEST(FollowupData, ErrorsNameTheSourceAndTheField) {
  auto j = minimal();
  j["recordings"][0].erase("day");
  try {
    (void)followup_from_json(j, "x.followup.json");
    FAIL();
  } catch (const FollowupInputError& e) {
    EXPECT_STREQ(e.what(), "x.followup.json: recordings[0].day: missing");
  }
  j = minimal();
  j["followup_layout_version"] = "2.0";
  EXPECT_THROW((void)followup_from_json(j, "x"), FollowupInputError);
  EXPECT_THROW((void)followup_from_json(nlohmann::json::object(), "x"), FollowupInputError);
  j = minimal();
  j["treatments"][0]["start_day"] = "three";
  try {
    (void)followup_from_json(j, "x");
    FAIL();
  } catch (const FollowupInputError& e) {
    EXPECT_STREQ(e.what(), "x: treatments[0].start_day: expected a number");
  }
}

}  // namespace
}  // namespace eegtrack::report
