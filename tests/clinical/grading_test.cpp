// ASTCT ICANS (adult) and CRS grades, cell by cell and footnote by footnote
// (docs/clinical-background.md §1.1-1.3).
#include "eegtrack/clinical/grading.hpp"

#include <gtest/gtest.h>

namespace eegtrack::clinical {
namespace {

Assessment alert() {
  Assessment a;
  a.ice = 10;
  a.consciousness = Consciousness::Awake;
  a.temperature_c = 36.8;
  return a;
}

TEST(IcansGrade, IceScoreBands) {
  const int expected[11] = {3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0};
  for (int ice = 0; ice <= 10; ++ice) {
    auto a = alert();
    a.ice = ice;
    const auto g = icans_grade(a);
    EXPECT_EQ(g.grade, expected[ice]) << "ICE " << ice;
    if (expected[ice] > 0) {
      EXPECT_EQ(g.deciding, std::vector<std::string>{"ICE " + std::to_string(ice)});
    } else {
      EXPECT_TRUE(g.deciding.empty());
    }
  }
}

TEST(IcansGrade, IceZeroIsGradeFourOnlyWhenUnarousable) {
  auto a = alert();
  a.ice = 0;  // awake with global aphasia
  EXPECT_EQ(icans_grade(a).grade, 3);
  a.consciousness = Consciousness::Unarousable;
  const auto g = icans_grade(a);
  EXPECT_EQ(g.grade, 4);
  EXPECT_EQ(g.deciding,
            (std::vector<std::string>{"ICE 0 (unarousable)", "consciousness: unarousable"}));
}

TEST(IcansGrade, ConsciousnessCells) {
  const std::pair<Consciousness, int> cells[] = {{Consciousness::Awake, 0},
                                                 {Consciousness::Voice, 2},
                                                 {Consciousness::Tactile, 3},
                                                 {Consciousness::Unarousable, 4}};
  for (const auto& [c, grade] : cells) {
    auto a = alert();
    a.ice.reset();
    a.consciousness = c;
    EXPECT_EQ(icans_grade(a).grade, grade) << to_string(c);
  }
}

TEST(IcansGrade, SedationMeansConsciousnessIsNotScored) {
  auto a = alert();
  a.ice = 0;
  a.consciousness = Consciousness::Unarousable;
  a.sedated = true;  // propofol after intubation
  const auto g = icans_grade(a);
  EXPECT_EQ(g.grade, 3);  // ICE 0 remains, but not the unarousable grade 4
  EXPECT_EQ(g.deciding, std::vector<std::string>{"ICE 0"});
  EXPECT_EQ(g.notes, std::vector<std::string>{"consciousness not scored: sedated"});
  a.ice.reset();
  const auto only_sedated = icans_grade(a);  // intubated on propofol, nothing to score
  EXPECT_FALSE(only_sedated.assessable);
  EXPECT_EQ(only_sedated.notes,
            (std::vector<std::string>{"ICE not assessed", "consciousness not scored: sedated",
                                      "not assessable: no domain could be scored"}));
  a.seizure = SeizureFinding::Repetitive;  // seizures are seen under sedation too
  EXPECT_TRUE(icans_grade(a).assessable);
  EXPECT_EQ(icans_grade(a).grade, 4);
}

TEST(IcansGrade, SeizureMotorAndEdemaCells) {
  const std::pair<SeizureFinding, int> seizures[] = {{SeizureFinding::None, 0},
                                                     {SeizureFinding::ClinicalResolved, 3},
                                                     {SeizureFinding::NonconvulsiveResolved, 3},
                                                     {SeizureFinding::Prolonged, 4},
                                                     {SeizureFinding::Repetitive, 4}};
  for (const auto& [s, grade] : seizures) {
    auto a = alert();
    a.seizure = s;
    EXPECT_EQ(icans_grade(a).grade, grade) << to_string(s);
  }
  auto motor = alert();
  motor.motor_weakness = true;
  EXPECT_EQ(icans_grade(motor).grade, 4);
  EXPECT_EQ(icans_grade(motor).deciding, std::vector<std::string>{"deep focal motor weakness"});
  const std::pair<Edema, int> edema[] = {{Edema::None, 0}, {Edema::Focal, 3}, {Edema::Diffuse, 4}};
  for (const auto& [e, grade] : edema) {
    auto a = alert();
    a.edema = e;
    EXPECT_EQ(icans_grade(a).grade, grade) << to_string(e);
  }
}

TEST(IcansGrade, WorstDomainWithEveryDomainAtIt) {
  auto a = alert();
  a.ice = 3;                                     // grade 2
  a.seizure = SeizureFinding::ClinicalResolved;  // grade 3: the ASTCT worked example
  EXPECT_EQ(icans_grade(a).grade, 3);
  a.ice = 1;
  a.edema = Edema::Focal;
  const auto g = icans_grade(a);
  EXPECT_EQ(g.deciding,
            (std::vector<std::string>{"ICE 1", "seizure: clinical_resolved", "edema: focal"}));
}

TEST(CrsGrade, FeverIsRequiredUntilTocilizumabOrASteroid) {
  auto a = alert();
  a.hypotension = Hypotension::OneVasopressor;
  const auto no_fever = crs_grade(a, false);
  EXPECT_EQ(no_fever.grade, 0);
  EXPECT_EQ(no_fever.notes.back(), "hypotension or hypoxia without fever: not graded as CRS");
  EXPECT_EQ(crs_grade(a, true).grade, 3);
  Treatment tocilizumab;
  tocilizumab.drug = "tocilizumab";
  tocilizumab.start = a.at;
  EXPECT_EQ(crs_grade(a, std::vector<Treatment>{tocilizumab}).grade, 3);
  tocilizumab.start.seconds = a.at.seconds + 3600.0;  // given an hour after the assessment
  EXPECT_EQ(crs_grade(a, std::vector<Treatment>{tocilizumab}).grade, 0);
  for (const char* drug : {"dexamethasone", "methylprednisolone", "anakinra", "siltuximab"})
    EXPECT_TRUE(waives_fever(drug)) << drug;
  EXPECT_FALSE(waives_fever("levetiracetam"));
}

TEST(CrsGrade, EveryCellAndTheWorseOfHypotensionAndOxygen) {
  auto a = alert();
  a.temperature_c = 38.0;  // the threshold itself is fever
  EXPECT_EQ(crs_grade(a, false).grade, 1);
  EXPECT_EQ(crs_grade(a, false).deciding, std::vector<std::string>{"fever"});
  const std::pair<Hypotension, int> hypo[] = {{Hypotension::NoVasopressor, 2},
                                              {Hypotension::OneVasopressor, 3},
                                              {Hypotension::MultipleVasopressors, 4}};
  for (const auto& [h, grade] : hypo) {
    auto b = a;
    b.hypotension = h;
    EXPECT_EQ(crs_grade(b, false).grade, grade) << to_string(h);
  }
  const std::pair<Oxygen, int> oxy[] = {
      {Oxygen::LowFlow, 2}, {Oxygen::HighFlow, 3}, {Oxygen::PositivePressure, 4}};
  for (const auto& [o, grade] : oxy) {
    auto b = a;
    b.oxygen = o;
    EXPECT_EQ(crs_grade(b, false).grade, grade) << to_string(o);
  }
  a.hypotension = Hypotension::OneVasopressor;  // ASTCT example: fever, one vasopressor,
  a.oxygen = Oxygen::LowFlow;                   // low-flow oxygen -> grade 3
  const auto g = crs_grade(a, false);
  EXPECT_EQ(g.grade, 3);
  EXPECT_EQ(g.deciding, std::vector<std::string>{"hypotension: one_vasopressor"});
  a.temperature_c = 37.9;
  EXPECT_EQ(crs_grade(a, false).grade, 0);
}

}  // namespace
}  // namespace eegtrack::clinical
