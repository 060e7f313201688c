#include "eegtrack/report/eeg_page_selection.hpp"

#include <algorithm>
#include <cmath>

namespace eegtrack::report {
namespace {

using detect::EventType;

bool is_spike(EventType t) {
  return t == EventType::Spike || t == EventType::Sharp;
}

std::vector<std::size_t> by_confidence(const std::vector<detect::Event>& events,
                                       std::vector<std::size_t> indices) {
  std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
    return events[a].confidence > events[b].confidence;
  });
  return indices;
}

}  // namespace

std::vector<PageRequest> select_eeg_pages(const std::vector<detect::Event>& events,
                                          double recording_s, const PageSelectionParams& p) {
  std::vector<PageRequest> pages;
  const double length = std::min(p.page_s, recording_s);
  const auto add = [&](std::size_t i, double start, const std::string& kind, std::size_t number) {
    start = std::clamp(start, 0.0, std::max(0.0, recording_s - length));
    for (const auto& page : pages)
      if (std::abs(page.start_s - start) < p.min_page_separation_s)
        return false;
    pages.push_back({i, start, length, kind + " " + std::to_string(number)});
    return true;
  };

  std::size_t n = 0;
  for (std::size_t i = 0; i < events.size() && n < p.max_seizures; ++i)
    if (events[i].type == EventType::Seizure &&
        add(i, events[i].onset_s - p.seizure_lead_s, "Seizure", n + 1))
      ++n;

  for (const auto type : {EventType::GPD, EventType::LPD, EventType::BIPD, EventType::GRDA,
                          EventType::LRDA, EventType::BIRD}) {
    std::vector<std::size_t> of_type;
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].type == type)
        of_type.push_back(i);
    n = 0;
    for (const auto i : by_confidence(events, of_type)) {
      if (n >= p.max_per_pattern)
        break;
      if (add(i, events[i].onset_s - p.pattern_lead_s, detect::to_string(type), n + 1))
        ++n;
    }
  }

  std::vector<std::size_t> spikes;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (is_spike(events[i].type))
      spikes.push_back(i);
  n = 0;
  for (const auto i : by_confidence(events, spikes)) {
    if (n >= p.max_spikes)
      break;
    const double centre = events[i].onset_s + events[i].duration_s / 2.0;
    const std::string kind = events[i].type == EventType::Spike ? "Spike" : "Sharp wave";
    if (add(i, centre - length / 2.0, kind, n + 1))
      ++n;
  }
  return pages;
}

}  // namespace eegtrack::report
