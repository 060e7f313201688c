// Seizure assembly on hand-built event lists: pieces of one ictal rhythm become one seizure
// (ACNS ESz rule (a): > 2.5 Hz on average for >= 10 s), slow pieces never do, and a detected
// seizure is extended over fast pieces but not over post-ictal delta.
#include "eegtrack/detect/rhythm/seizure_assembly.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace eegtrack::detect {
namespace {

using sites::Laterality;

Event piece(EventType type, double onset, double duration, double hz,
            Laterality side = Laterality::Left, std::vector<std::string> channels = {"T7-avg"}) {
  Event e;
  e.type = type;
  e.onset_s = onset;
  e.duration_s = duration;
  e.frequency_hz = hz;
  e.side = side;
  e.channels = std::move(channels);
  e.confidence = 0.6;
  return e;
}

std::vector<Event> seizures_in(const std::vector<Event>& events) {
  std::vector<Event> out;
  std::copy_if(events.begin(), events.end(), std::back_inserter(out),
               [](const Event& e) { return e.type == EventType::Seizure; });
  return out;
}

TEST(SeizureAssembly, FastPiecesOfOneRhythmBecomeOneSeizure) {
  // BIRDs at 5-6 Hz, then LRDA at 3 Hz, leading channel and frequency changing: 4-22 s.
  const std::vector<Event> events{
      piece(EventType::BIRD, 4.0, 3.0, 6.0, Laterality::Left, {"T7-avg"}),
      piece(EventType::BIRD, 8.0, 4.0, 5.0, Laterality::Left, {"F7-avg"}),
      piece(EventType::LRDA, 14.0, 8.0, 3.0, Laterality::Left, {"P7-avg", "T7-avg"}),
      piece(EventType::Spike, 30.0, 0.1, std::nan(""))};
  std::size_t assembled = 0;
  const auto out = assemble_seizures(events, {}, &assembled);
  EXPECT_EQ(assembled, 1U);
  const auto s = seizures_in(out);
  ASSERT_EQ(s.size(), 1U);
  EXPECT_DOUBLE_EQ(s[0].onset_s, 4.0);
  EXPECT_DOUBLE_EQ(s[0].duration_s, 18.0);
  EXPECT_EQ(s[0].side, Laterality::Left);
  EXPECT_EQ(s[0].channels, (std::vector<std::string>{"P7-avg", "T7-avg"}));  // the longest piece
  EXPECT_NEAR(s[0].frequency_hz, (3 * 6.0 + 4 * 5.0 + 8 * 3.0) / 15.0, 1e-12);
  EXPECT_EQ(s[0].modifiers, "assembled");
  EXPECT_EQ(out.size(), events.size() + 1);  // pieces stay for reconcile_events
}

TEST(SeizureAssembly, SlowShortSparseOrSinglePiecesAreNotSeizures) {
  // GRDA at 2 Hz for 30 s in two pieces: rhythmic delta, not > 2.5 Hz.
  EXPECT_TRUE(seizures_in(assemble_seizures({piece(EventType::GRDA, 0, 15, 2.0),
                                             piece(EventType::GRDA, 16, 14, 2.0)}))
                  .empty());
  // Two BIRDs at 6 Hz spanning 8 s: too short.
  EXPECT_TRUE(seizures_in(assemble_seizures({piece(EventType::BIRD, 0, 3, 6.0),
                                             piece(EventType::BIRD, 5, 3, 6.0)}))
                  .empty());
  // Two BIRDs 7 s apart: separate runs (gap above max_gap_s).
  EXPECT_TRUE(seizures_in(assemble_seizures({piece(EventType::BIRD, 0, 4, 6.0),
                                             piece(EventType::BIRD, 11, 4, 6.0)}))
                  .empty());
  // Rhythmic delta alone at 4 Hz (a slowed background) is not epileptiform.
  EXPECT_TRUE(seizures_in(assemble_seizures({piece(EventType::GRDA, 0, 20, 4.0),
                                             piece(EventType::GRDA, 21, 20, 4.0)}))
                  .empty());
  // One long LRDA at 3 Hz is the pattern detector's call, not a run.
  EXPECT_TRUE(seizures_in(assemble_seizures({piece(EventType::LRDA, 0, 30, 3.0)})).empty());
}

TEST(SeizureAssembly, SidesThatDifferMakeABilateralSeizure) {
  const auto s =
      seizures_in(assemble_seizures({piece(EventType::BIRD, 0, 6, 5.0, Laterality::Left),
                                     piece(EventType::BIRD, 7, 6, 5.0, Laterality::Right)}));
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].side, Laterality::Bilateral);
}

TEST(SeizureAssembly, ADetectedSeizureGrowsOverFastPiecesButNotOverPostIctalDelta) {
  std::size_t assembled = 0;
  const auto grown = seizures_in(
      assemble_seizures({piece(EventType::BIRD, 2, 3, 7.0), piece(EventType::Seizure, 6, 12, 4.0),
                         piece(EventType::LRDA, 20, 6, 3.0)},
                        {}, &assembled));
  ASSERT_EQ(grown.size(), 1U);
  EXPECT_EQ(assembled, 1U);
  EXPECT_DOUBLE_EQ(grown[0].onset_s, 2.0);
  EXPECT_DOUBLE_EQ(grown[0].duration_s, 24.0);
  EXPECT_EQ(grown[0].modifiers, "assembled");
  // 40 s of 1.5 Hz GRDA after a 12-s seizure: the run averages below 2.5 Hz.
  const auto kept = seizures_in(assemble_seizures(
      {piece(EventType::Seizure, 0, 12, 4.0), piece(EventType::GRDA, 13, 40, 1.5)}));
  ASSERT_EQ(kept.size(), 1U);
  EXPECT_DOUBLE_EQ(kept[0].duration_s, 12.0);
  // Two detected seizures joined by BIRDs are one.
  const auto joined = seizures_in(
      assemble_seizures({piece(EventType::Seizure, 0, 10, 4.0), piece(EventType::BIRD, 11, 3, 6.0),
                         piece(EventType::Seizure, 15, 10, 4.0)}));
  ASSERT_EQ(joined.size(), 1U);
  EXPECT_DOUBLE_EQ(joined[0].duration_s, 25.0);
}

TEST(SeizureAssembly, ParametersAreCheckedAndListed) {
  AssemblyParams p;
  EXPECT_NO_THROW(validate(p));
  p.max_gap_s = -1.0;
  EXPECT_THROW(validate(p), std::invalid_argument);
  EXPECT_EQ(parameter_list(AssemblyParams{}).front().name, "assembly_max_gap_s");
  EXPECT_DOUBLE_EQ(parameter_list(AssemblyParams{}).front().value, 6.0);
}

}  // namespace
}  // namespace eegtrack::detect
