// fuse() on hand-built courses modelled on a biphasic ICANS course: baseline, slow EEG at the
// first episode, normal after treatment, lateralized relapse with seizures.
#include "eegtrack/clinical/fusion.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace eegtrack::clinical {
namespace {

EegMeasures measures(double index, double delta, std::optional<double> pdr) {
  EegMeasures m;
  m.analysed_s = 3600.0;  // the detectors looked
  m.encephalopathy_index = {index, index - 0.02, index + 0.02};
  m.relative_delta = {delta, delta - 0.02, delta + 0.02};
  if (pdr)
    m.pdr_hz = {*pdr, *pdr - 0.3, *pdr + 0.3};
  for (auto type : {detect::EventType::GPD, detect::EventType::LPD, detect::EventType::BIPD,
                    detect::EventType::GRDA, detect::EventType::LRDA}) {
    detect::PatternPrevalence p;
    p.type = type;
    m.patterns.push_back(p);
  }
  return m;
}

struct Course {
  std::vector<TimedRecording> recordings;
  std::vector<TimedGrade> grades;
  std::vector<Episode> episodes;
  std::vector<Exposure> treatments;
};

Course biphasic() {
  Course c;
  c.recordings = {{"baseline", -5.0, "", measures(0.02, 0.25, 10.4)},
                  {"d14", 14.3, "", measures(0.62, 0.70, std::nullopt)},
                  {"d18", 18.0, "", measures(0.30, 0.45, 7.5)},
                  {"d30", 30.0, "", measures(0.03, 0.26, 10.2)},
                  {"d40", 40.2, "", measures(0.35, 0.40, 9.0)},
                  {"d70", 70.0, "", measures(0.02, 0.24, 10.3)}};
  auto& relapse = c.recordings[4].measures;
  relapse.seizure_count = 2;
  relapse.patterns[1].episodes = 4;  // LPD
  relapse.lateralized = {{sites::Side::Left, "LPD", 30.0}, {sites::Side::Left, "seizure", 90.0}};
  c.grades = {{-5.0, 0, false, ""},
              {3.0, 0, false, ""},
              {14.0, 4, false, "unarousable"},
              {18.0, 2, false, ""},
              {22.0, 0, false, ""},
              {30.0, 0, false, ""},
              {40.0, 3, true, "right facial clonus, nystagmus"},
              {45.0, 1, false, ""},
              {50.0, 0, false, ""},
              {70.0, 0, false, ""}};
  c.episodes = {{14.0, 4, 14.0, 22.0, false}, {40.0, 3, 40.0, 50.0, true}};
  c.treatments = {{"tocilizumab", 3.0, 3.0}, {"methylprednisolone", 14.0, 16.0},
                  {"anakinra", 14.0, 16.0},  {"levetiracetam", 40.0, 90.0},
                  {"anakinra", 40.0, 102.0}, {"dexamethasone", 40.0, 47.0}};
  return c;
}

Fusion fused(const Course& c) {
  return fuse(c.recordings, c.grades, c.episodes, c.treatments);
}

TEST(Fusion, ComparesWithTheBaselineAndFindsEachEpisodesFirstNormalRecording) {
  const auto f = fused(biphasic());
  ASSERT_TRUE(f.baseline);
  EXPECT_EQ(*f.baseline, 0U);
  EXPECT_EQ(f.reference, NormalReference::Baseline);
  const std::vector<bool> normal{true, false, false, true, false, true};
  for (std::size_t r = 0; r < normal.size(); ++r)
    EXPECT_EQ(f.recordings[r].normality.normal, normal[r]) << r;
  ASSERT_EQ(f.episodes.size(), 2U);
  EXPECT_EQ(f.episodes[0].first_normal, 3U);  // day 30
  EXPECT_EQ(f.episodes[0].recordings_in_episode, (std::vector<std::size_t>{1, 2}));
  ASSERT_EQ(f.episodes[0].lags.size(), 2U);
  EXPECT_EQ(f.episodes[0].lags[0].drug, "methylprednisolone");
  EXPECT_DOUBLE_EQ(f.episodes[0].lags[0].days_to_normal, 16.0);
  EXPECT_EQ(f.episodes[1].first_normal, 5U);  // day 70, after the relapse
  EXPECT_EQ(f.episodes[1].lags.size(), 3U);
  EXPECT_DOUBLE_EQ(f.episodes[1].lags[2].days_to_normal, 30.0);  // dexamethasone from day 40
}

TEST(Fusion, IndexFollowsTheGradeAndSeizuresOnlySupportAGrade) {
  const auto f = fused(biphasic());
  ASSERT_TRUE(f.index_vs_grade.rho);
  EXPECT_EQ(f.index_vs_grade.n_pairs, 5U);  // the baseline is not paired with a course grade
  EXPECT_GT(*f.index_vs_grade.rho, 0.8);
  EXPECT_EQ(f.recordings[4].eeg_grade_support, "EEG supports grade >= 3, needs confirmation");
  EXPECT_TRUE(f.recordings[1].eeg_grade_support.empty());
  EXPECT_EQ(f.recordings[4].active_treatments,
            (std::vector<std::string>{"levetiracetam", "anakinra", "dexamethasone"}));
}

TEST(Fusion, LateralizedRelapseMatchesTheRightSidedSign) {
  const auto f = fused(biphasic());
  const auto it = std::find_if(f.flags.begin(), f.flags.end(),
                               [](const Flag& g) { return g.kind == "lateralized_matches_sign"; });
  ASSERT_NE(it, f.flags.end());
  EXPECT_DOUBLE_EQ(it->day, 40.2);
  EXPECT_EQ(it->evidence.front(), "left LPD");
  // Seizures at the relapse are recorded clinically: no nonconvulsive flag.
  EXPECT_TRUE(std::none_of(f.flags.begin(), f.flags.end(), [](const Flag& g) {
    return g.kind == "possible_nonconvulsive_seizure" || g.kind == "abnormal_at_last_recording";
  }));
}

// Repeated findings of one kind are one line with their count, in order of first onset; the
// other hemisphere's findings stay out of this side's flag.
TEST(Fusion, LateralizedEvidenceCountsRepeatedFindings) {
  auto c = biphasic();
  c.recordings[4].measures.lateralized = {{sites::Side::Left, "LPD", 30.0},
                                          {sites::Side::Left, "LRDA", 50.0},
                                          {sites::Side::Right, "LPD", 55.0},
                                          {sites::Side::Left, "LPD", 70.0},
                                          {sites::Side::Left, "LPD", 110.0}};
  const auto f = fused(c);
  const auto it = std::find_if(f.flags.begin(), f.flags.end(),
                               [](const Flag& g) { return g.kind == "lateralized_matches_sign"; });
  ASSERT_NE(it, f.flags.end());
  ASSERT_EQ(it->evidence.size(), 3U);
  EXPECT_EQ(it->evidence[0], "left LPD (3)");
  EXPECT_EQ(it->evidence[1], "left LRDA");
  EXPECT_EQ(it->evidence[2].rfind("note ", 0), 0U) << it->evidence[2];
}

TEST(Fusion, FlagsUnrecordedSeizuresWorseningAgainstTheGradeSedationAndAnAbnormalEnd) {
  auto c = biphasic();
  c.grades[6].seizure_recorded = false;    // relapse seizures not seen at bedside
  c.grades[6].note = "left arm weakness";  // a sign pointing to the right hemisphere
  c.recordings[2].measures = measures(0.70, 0.75, std::nullopt);  // d18 worse, grade 4 -> 2
  c.recordings[2].sedation = "propofol";
  c.recordings.pop_back();  // the course ends at the relapse
  const auto f = fused(c);
  std::vector<std::string> kinds;
  for (const auto& flag : f.flags)
    kinds.push_back(flag.kind);
  const std::vector<std::string> expected{"eeg_worse_grade_better",
                                          "sedation_differs",
                                          "sedation_differs",
                                          "possible_nonconvulsive_seizure",
                                          "lateralized_contradicts_sign",
                                          "abnormal_at_last_recording"};
  EXPECT_EQ(kinds, expected);
  EXPECT_NE(f.flags[3].message.find("needs confirmation"), std::string::npos);
}

// The last recording with nothing abnormal but no detection: "not shown normal", not "still
// abnormal", with what was not judged as its evidence.
TEST(Fusion, AnUndeterminedLastRecordingIsNotCalledAbnormal) {
  auto c = biphasic();
  c.recordings.back().measures.analysed_s = 0.0;
  const auto f = fused(c);
  ASSERT_FALSE(f.flags.empty());
  const auto& last = f.flags.back();
  EXPECT_EQ(last.kind, "undetermined_at_last_recording");
  EXPECT_EQ(last.message.rfind("EEG not shown normal at the last recording", 0), 0U)
      << last.message;
  EXPECT_EQ(last.evidence, std::vector<std::string>{"epileptiform detection not run"});
  EXPECT_TRUE(std::none_of(f.flags.begin(), f.flags.end(),
                           [](const Flag& g) { return g.kind == "abnormal_at_last_recording"; }));
}

TEST(Fusion, WithoutABaselineAdultLimitsAreTheReference) {
  auto c = biphasic();
  c.recordings.erase(c.recordings.begin());
  const auto f = fused(c);
  EXPECT_FALSE(f.baseline);
  EXPECT_EQ(f.reference, NormalReference::AdultLimits);
  EXPECT_TRUE(f.recordings[2].normality.normal);
  EXPECT_EQ(f.recordings[2].normality.reference, NormalReference::AdultLimits);
}

TEST(Fusion, NeverResolvedEpisodeHasNoNormalRecordingAndUnsortedInputIsRefused) {
  auto c = biphasic();
  c.recordings.resize(3);
  c.episodes = {{14.0, 4, 14.0, std::nullopt, false}};
  const auto f = fused(c);
  EXPECT_FALSE(f.episodes[0].first_normal);
  EXPECT_TRUE(f.episodes[0].lags.empty());
  std::swap(c.recordings[1], c.recordings[2]);
  EXPECT_THROW((void)fused(c), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::clinical
