// A hand-built biphasic course evaluated: grades (one under sedation), episodes, CRS graded
// without fever after tocilizumab, m-EASIX and CAR-T peaks per episode.
#include "eegtrack/clinical/course_summary.hpp"

#include <gtest/gtest.h>

namespace eegtrack::clinical {
namespace {

LocalTime at(const char* text) {
  return *parse_local_time(text);
}

Assessment assessed(const char* when, int ice, Consciousness c, bool sedated = false) {
  Assessment a;
  a.at = at(when);
  a.ice = ice;
  a.consciousness = c;
  a.sedated = sedated;
  a.temperature_c = 37.0;
  return a;
}

LabPanel panel(const char* when, double ldh, double crp_mg_l, double platelets) {
  return {at(when),
          {{"ldh", ldh, "U/L"}, {"crp", crp_mg_l, "mg/L"}, {"platelets", platelets, "10^9/L"}}};
}

Course biphasic() {
  Course c;
  c.patient = "P-1";
  c.infusion = at("2026-01-05");
  auto crs = assessed("2026-01-08", 10, Consciousness::Awake);
  crs.temperature_c = 38.9;
  crs.hypotension = Hypotension::NoVasopressor;
  auto after_tocilizumab = assessed("2026-01-09", 10, Consciousness::Awake);
  after_tocilizumab.hypotension = Hypotension::NoVasopressor;  // afebrile, still graded
  auto relapse = assessed("2026-02-14", 8, Consciousness::Awake);
  relapse.seizure = SeizureFinding::ClinicalResolved;
  Assessment intubated;
  intubated.at = at("2026-01-19T14:00");
  intubated.sedated = true;  // nothing can be scored: must not end the episode
  c.assessments = {crs,
                   after_tocilizumab,
                   assessed("2026-01-10", 10, Consciousness::Awake),
                   assessed("2026-01-19", 0, Consciousness::Unarousable),
                   intubated,
                   assessed("2026-01-20", 0, Consciousness::Unarousable, true),
                   assessed("2026-01-27", 10, Consciousness::Awake),
                   relapse,
                   assessed("2026-02-24", 10, Consciousness::Awake)};
  Treatment tocilizumab;
  tocilizumab.drug = "tocilizumab";
  tocilizumab.start = tocilizumab.stop = at("2026-01-08T18:00");
  c.treatments = {tocilizumab};
  c.labs = {panel("2026-01-06", 250, 10, 150), panel("2026-01-18", 600, 120, 60),
            panel("2026-01-25", 300, 20, 120), panel("2026-02-13", 520, 90, 80)};
  c.car_t = {{at("2026-01-12"), 150, "cells/uL"}, {at("2026-02-14"), 310, "cells/uL"}};
  return c;
}

TEST(CourseSummary, GradesEpisodesAndRelapse) {
  const auto s = summarize_course(biphasic());
  ASSERT_EQ(s.assessments.size(), 9U);
  EXPECT_EQ(s.assessments[0].crs.grade, 2);  // fever + hypotension
  EXPECT_EQ(s.assessments[1].crs.grade, 2);  // no fever needed after tocilizumab
  EXPECT_EQ(s.assessments[3].icans.grade, 4);
  EXPECT_FALSE(s.assessments[4].icans.assessable);
  EXPECT_EQ(s.assessments[5].icans.grade, 3);  // sedated: ICE 0 alone
  EXPECT_EQ(s.assessments[5].icans.notes.back(), "consciousness not scored: sedated");
  ASSERT_EQ(s.icans_episodes.size(), 2U);
  EXPECT_DOUBLE_EQ(s.icans_episodes[0].onset_day, 14.0);
  EXPECT_DOUBLE_EQ(*s.icans_episodes[0].resolution_day, 22.0);
  EXPECT_TRUE(s.icans_episodes[1].relapse);
  EXPECT_EQ(s.icans_episodes[1].peak_grade, 3);
  ASSERT_EQ(s.crs_episodes.size(), 1U);
  EXPECT_DOUBLE_EQ(*s.crs_episodes[0].resolution_day, 5.0);
}

TEST(CourseSummary, MEasixAndCarTPeakAtBothEpisodes) {
  const auto s = summarize_course(biphasic());
  ASSERT_EQ(s.icans_peaks.size(), 2U);
  const auto find = [](const EpisodePeaks& p, const std::string& m) {
    for (const auto& peak : p.peaks)
      if (peak.measure == m)
        return peak;
    return Peak{};
  };
  EXPECT_NEAR(find(s.icans_peaks[0], "m_easix").value, 600.0 * 12.0 / 60.0, 1e-9);  // day 13
  EXPECT_DOUBLE_EQ(find(s.icans_peaks[0], "m_easix").day, 13.0);
  EXPECT_NEAR(find(s.icans_peaks[1], "m_easix").value, 520.0 * 9.0 / 80.0, 1e-9);
  EXPECT_DOUBLE_EQ(find(s.icans_peaks[1], "car_t").value, 310.0);
  EXPECT_EQ(find(s.icans_peaks[0], "easix").measure, "");  // no creatinine: no EASIX peak
  EXPECT_DOUBLE_EQ(s.icans_peaks[0].from_day, 14.0 - kPeakLeadDays);
}

}  // namespace
}  // namespace eegtrack::clinical
