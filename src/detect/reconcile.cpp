#include "eegtrack/detect/reconcile.hpp"

#include <algorithm>
#include <string>

namespace eegtrack::detect {
namespace {

bool is_discharge(EventType t) {
  return t == EventType::Spike || t == EventType::Sharp;
}

bool is_periodic(EventType t) {
  return t == EventType::GPD || t == EventType::LPD || t == EventType::BIPD;
}

bool is_rhythmic_delta(EventType t) {
  return t == EventType::GRDA || t == EventType::LRDA;
}

bool is_pattern(EventType t) {
  return is_periodic(t) || is_rhythmic_delta(t);
}

bool lateral(sites::Laterality s) {
  return s == sites::Laterality::Left || s == sites::Laterality::Right;
}

bool compatible(sites::Laterality a, sites::Laterality b) {
  return a == b || !lateral(a) || !lateral(b);
}

bool overlaps(const Event& a, const Event& b, double margin_s) {
  return a.onset_s < b.onset_s + b.duration_s + margin_s &&
         b.onset_s < a.onset_s + a.duration_s + margin_s && compatible(a.side, b.side);
}

void add_modifier(Event& e, const std::string& token) {
  if (e.modifiers.find(token) != std::string::npos)
    return;
  e.modifiers = e.modifiers.empty() ? token : token + " " + e.modifiers;
}

bool inside(const Event& e, const Event& span, double margin_s) {
  return e.onset_s >= span.onset_s - margin_s &&
         e.onset_s <= span.onset_s + span.duration_s + margin_s && compatible(e.side, span.side);
}

}  // namespace

std::vector<Event> reconcile_events(std::vector<Event> events, ReconcileCounts* counts,
                                    double margin_s) {
  ReconcileCounts local;
  // ACNS 2021: a pattern that is both periodic and rhythmic delta is PD+R; rhythmic delta with
  // superimposed spikes or sharp waves is RDA+S. Both are marked on the surviving pattern.
  std::vector<bool> drop(events.size(), false);
  for (std::size_t r = 0; r < events.size(); ++r) {
    if (!is_rhythmic_delta(events[r].type))
      continue;
    for (auto& pd : events) {
      if (is_periodic(pd.type) && overlaps(events[r], pd, margin_s)) {
        add_modifier(pd, "+R");
        drop[r] = true;
      }
    }
    local.rda_in_periodic += drop[r] ? 1 : 0;
  }
  std::vector<std::size_t> trains, seizures, rhythmic;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventType t = events[i].type;
    if (is_periodic(t) || t == EventType::Seizure)
      trains.push_back(i);
    if (t == EventType::Seizure)
      seizures.push_back(i);
    if (is_rhythmic_delta(t) && !drop[i])
      rhythmic.push_back(i);
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (drop[i])
      continue;
    const auto within = [&](const std::vector<std::size_t>& spans) {
      return std::any_of(spans.begin(), spans.end(),
                         [&](std::size_t s) { return inside(e, events[s], margin_s); });
    };
    if (is_discharge(e.type)) {
      bool in_rhythm = false;
      for (std::size_t r : rhythmic) {
        if (inside(e, events[r], margin_s)) {
          add_modifier(events[r], "+S");
          in_rhythm = true;
        }
      }
      if (in_rhythm || within(trains)) {
        ++local.discharges_in_patterns;
        drop[i] = true;
      }
      continue;
    }
    if (e.type == EventType::BIRD && within(seizures)) {
      ++local.birds_in_seizures;
      drop[i] = true;
      continue;
    }
    const auto wholly_inside = [&](std::size_t s) {
      return inside(e, events[s], margin_s) &&
             e.onset_s + e.duration_s <= events[s].onset_s + events[s].duration_s + margin_s;
    };
    if (is_pattern(e.type) && std::any_of(seizures.begin(), seizures.end(), wholly_inside)) {
      ++local.patterns_in_seizures;
      drop[i] = true;
    }
  }
  std::vector<Event> kept;
  kept.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!drop[i])
      kept.push_back(std::move(events[i]));
  }
  if (counts)
    *counts = local;
  sort_events(kept);
  return kept;
}

}  // namespace eegtrack::detect
