#include "eegtrack/pipeline/events_output.hpp"

#include <cmath>
#include <string>

#include "eegtrack/findings/event_fields.hpp"

namespace eegtrack::pipeline {
namespace {

// The region column: the region's name, empty when the event has none.
std::string region_text(const detect::Event& e) {
  return e.region ? sites::to_string(*e.region) : "";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

io::Table events_table(const std::vector<detect::Event>& events) {
  std::vector<double> onset, duration, frequency, confidence;
  std::vector<std::string> type, channels, side, region, focus, modifiers;
  for (const auto& e : events) {
    onset.push_back(e.onset_s);
    duration.push_back(e.duration_s);
    type.push_back(detect::to_string(e.type));
    channels.push_back(joined(e.channels));
    side.push_back(sites::to_string(e.side));
    region.push_back(region_text(e));
    focus.push_back(e.focus);
    frequency.push_back(e.frequency_hz);
    confidence.push_back(e.confidence);
    modifiers.push_back(e.modifiers);
  }
  using namespace findings;
  const auto column = [](const EventField& field, io::ColumnValues values) {
    return io::TableColumn{std::string(field.name), std::move(values), std::string(field.units)};
  };
  return {{column(kEventOnset, onset), column(kEventDuration, duration), column(kEventType, type),
           column(kEventChannels, channels), column(kEventSide, side), column(kEventRegion, region),
           column(kEventFocus, focus), column(kEventFrequency, frequency),
           column(kEventConfidence, confidence), column(kEventModifiers, modifiers)}};
}

nlohmann::json events_json(const std::vector<detect::Event>& events) {
  using namespace findings;
  const auto key = [](const EventField& field) { return std::string(field.name); };
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : events) {
    out.push_back(
        {{key(kEventType), detect::to_string(e.type)},
         {key(kEventOnset), e.onset_s},
         {key(kEventDuration), e.duration_s},
         {key(kEventChannels), e.channels},
         {key(kEventSide), sites::to_string(e.side)},
         {key(kEventRegion),
          e.region ? nlohmann::json(sites::to_string(*e.region)) : nlohmann::json(nullptr)},
         {key(kEventFocus), e.focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.focus)},
         {key(kEventFrequency),
          std::isfinite(e.frequency_hz) ? nlohmann::json(e.frequency_hz) : nlohmann::json(nullptr)},
         {key(kEventConfidence), e.confidence},
         {key(kEventModifiers), e.modifiers}});
  }
  return out;
}

}  // namespace eegtrack::pipeline
