#include "events_test_support.hpp"

namespace eegtrack::exports::test {

std::vector<detect::Event> sample_events() {
  using detect::EventType;
  using sites::Laterality;
  std::vector<detect::Event> events(4);
  events[0] = {.type = EventType::Spike,
               .onset_s = 3.5,
               .duration_s = 0.06,
               .channels = {"T7-avg"},
               .side = Laterality::Left,
               .region = sites::Region::Temporal,
               .focus = "T7",
               .confidence = 0.4};
  events[1] = {.type = EventType::LPD,
               .onset_s = 20.0,
               .duration_s = 12.0,
               .channels = {"T7-avg", "P7-avg"},
               .side = Laterality::Left,
               .region = sites::Region::Temporal,
               .focus = "T7",
               .frequency_hz = 1.5,
               .confidence = 0.6,
               .modifiers = "+F"};
  events[2] = {.type = EventType::GRDA,
               .onset_s = 60.0,
               .duration_s = 10.5,
               .channels = {"Fp1-avg", "Fp2-avg"},
               .side = Laterality::Bilateral,
               .frequency_hz = 2.0,
               .confidence = 0.5};
  events[3] = {.type = EventType::Seizure,
               .onset_s = 100.25,
               .duration_s = 31.0977,
               .channels = {"F4-C4", "bad\tlabel\n"},
               .side = Laterality::Right,
               .region = sites::Region::Frontal,
               .focus = "F4",
               .frequency_hz = 2.8,
               .confidence = 0.8,
               .modifiers = "assembled"};
  return events;
}

}  // namespace eegtrack::exports::test
