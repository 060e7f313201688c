#include "eegtrack/detect/event.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace eegtrack::detect {
namespace {

constexpr std::array<std::pair<EventType, const char*>, 9> kTypeNames = {{
    {EventType::Spike, "spike"},
    {EventType::Sharp, "sharp"},
    {EventType::GPD, "GPD"},
    {EventType::LPD, "LPD"},
    {EventType::BIPD, "BIPD"},
    {EventType::GRDA, "GRDA"},
    {EventType::LRDA, "LRDA"},
    {EventType::BIRD, "BIRD"},
    {EventType::Seizure, "seizure"},
}};

}  // namespace

const char* to_string(EventType type) noexcept {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type)
      return name;
  }
  return "unknown";
}

EventType parse_event_type(std::string_view text) {
  for (const auto& [t, name] : kTypeNames) {
    if (text == name)
      return t;
  }
  throw std::invalid_argument("parse_event_type: unknown event type (" + std::string(text) + ")");
}

bool leads_posteriorly(const Event& e) {
  auto region = e.region;
  if (!region)
    if (const auto site = sites::electrode_site(e.focus))
      region = site->region;
  return region && (*region == sites::Region::Parietal || *region == sites::Region::Occipital);
}

void sort_events(std::vector<Event>& events) {
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    const std::string& ca = a.channels.empty() ? std::string() : a.channels.front();
    const std::string& cb = b.channels.empty() ? std::string() : b.channels.front();
    return std::tie(a.onset_s, a.type, ca) < std::tie(b.onset_s, b.type, cb);
  });
}

}  // namespace eegtrack::detect
