#include "eegtrack/detect/reconcile.hpp"

#include <gtest/gtest.h>

namespace eegtrack::detect {
namespace {

Event event(EventType type, double onset_s, double duration_s, sites::Laterality side) {
  Event e;
  e.type = type;
  e.onset_s = onset_s;
  e.duration_s = duration_s;
  e.side = side;
  return e;
}

TEST(ReconcileEvents, DischargesInsideTrainsBelongToTheTrain) {
  std::vector<Event> events{
      event(EventType::Spike, 12.0, 0.05, sites::Laterality::Left),   // inside the LPD train
      event(EventType::Sharp, 25.1, 0.1, sites::Laterality::Left),    // within the margin
      event(EventType::Spike, 14.0, 0.05, sites::Laterality::Right),  // other side: kept
      event(EventType::Spike, 40.0, 0.05, sites::Laterality::Left),   // after the train: kept
      event(EventType::LPD, 10.0, 15.0, sites::Laterality::Left),     // 10-25 s
      event(EventType::Sharp, 61.0, 0.1, sites::Laterality::Right),   // inside a generalized train
      event(EventType::GPD, 60.0, 20.0, sites::Laterality::Bilateral),  // 60-80 s
      event(EventType::BIRD, 101.0, 2.0, sites::Laterality::Left),      // inside a seizure
      event(EventType::BIRD, 130.0, 2.0, sites::Laterality::Left),      // after it: kept
      event(EventType::Seizure, 100.0, 20.0, sites::Laterality::Left),
      event(EventType::LRDA, 104.0, 8.0, sites::Laterality::Left),        // inside the seizure
      event(EventType::GRDA, 115.0, 10.0, sites::Laterality::Bilateral),  // outlasts it: kept
      event(EventType::Spike, 5.0, 0.05, sites::Laterality::Left),        // before everything: kept
  };
  ReconcileCounts counts;
  const auto kept = reconcile_events(events, &counts);
  EXPECT_EQ(counts.discharges_in_patterns, 3u);
  EXPECT_EQ(counts.birds_in_seizures, 1u);
  EXPECT_EQ(counts.patterns_in_seizures, 1u);
  ASSERT_EQ(kept.size(), 8u);
  for (std::size_t i = 1; i < kept.size(); ++i)
    EXPECT_LE(kept[i - 1].onset_s, kept[i].onset_s);
  EXPECT_EQ(kept.front().onset_s, 5.0);
  std::size_t spikes = 0;
  for (const auto& e : kept)
    spikes += e.type == EventType::Spike ? 1 : 0;
  EXPECT_EQ(spikes, 3u);  // 5 s, 14 s (right) and 40 s
}

TEST(ReconcileEvents, SpikesOnRhythmicDeltaMakeItRdaPlusS) {
  std::vector<Event> events{
      event(EventType::LRDA, 0.0, 30.0, sites::Laterality::Left),
      event(EventType::Spike, 10.0, 0.05, sites::Laterality::Left),
      event(EventType::Sharp, 20.0, 0.1, sites::Laterality::Left),
      event(EventType::Spike, 15.0, 0.05, sites::Laterality::Right),  // other side
      event(EventType::GRDA, 60.0, 20.0, sites::Laterality::Bilateral)};
  ReconcileCounts counts;
  const auto kept = reconcile_events(events, &counts);
  EXPECT_EQ(counts.discharges_in_patterns, 2u);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].type, EventType::LRDA);
  EXPECT_EQ(kept[0].modifiers, "+S");  // once, however many spikes
  EXPECT_EQ(kept[1].side, sites::Laterality::Right);
  EXPECT_EQ(kept[2].type, EventType::GRDA);
  EXPECT_EQ(kept[2].modifiers, "");  // no spike on it
}

TEST(ReconcileEvents, RhythmicDeltaWithPeriodicDischargesIsPdPlusR) {
  Event lpd = event(EventType::LPD, 10.0, 30.0, sites::Laterality::Right);
  lpd.modifiers = "triphasic";
  std::vector<Event> events{
      lpd, event(EventType::LRDA, 25.0, 30.0, sites::Laterality::Right),  // overlaps
      event(EventType::LRDA, 20.0, 10.0, sites::Laterality::Left),        // other side
      event(EventType::GRDA, 100.0, 10.0, sites::Laterality::Bilateral)};
  ReconcileCounts counts;
  const auto kept = reconcile_events(events, &counts);
  EXPECT_EQ(counts.rda_in_periodic, 1u);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].type, EventType::LPD);
  EXPECT_EQ(kept[0].modifiers, "+R triphasic");
  EXPECT_EQ(kept[1].type, EventType::LRDA);
  EXPECT_EQ(kept[1].side, sites::Laterality::Left);
  EXPECT_EQ(kept[2].type, EventType::GRDA);
}

TEST(EventTypes, NamesRoundTrip) {
  for (const auto t :
       {EventType::Spike, EventType::Sharp, EventType::GPD, EventType::LPD, EventType::BIPD,
        EventType::GRDA, EventType::LRDA, EventType::BIRD, EventType::Seizure})
    EXPECT_EQ(parse_event_type(to_string(t)), t);
  EXPECT_STREQ(to_string(EventType::GPD), "GPD");
  EXPECT_THROW((void)parse_event_type("gpd"), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::detect
