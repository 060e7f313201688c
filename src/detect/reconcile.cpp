#include "eegtrack/detect/reconcile.hpp"

#include <algorithm>

namespace eegtrack::detect {
namespace {

bool is_discharge(EventType t) {
  return t == EventType::Spike || t == EventType::Sharp;
}

bool is_train(EventType t) {
  return t == EventType::GPD || t == EventType::LPD || t == EventType::BIPD ||
         t == EventType::Seizure;
}

bool is_pattern(EventType t) {
  return t == EventType::GPD || t == EventType::LPD || t == EventType::BIPD ||
         t == EventType::GRDA || t == EventType::LRDA;
}

bool lateral(Laterality s) {
  return s == Laterality::Left || s == Laterality::Right;
}

bool compatible(Laterality a, Laterality b) {
  return a == b || !lateral(a) || !lateral(b);
}

bool inside(const Event& e, const Event& span, double margin_s) {
  return e.onset_s >= span.onset_s - margin_s &&
         e.onset_s <= span.onset_s + span.duration_s + margin_s && compatible(e.side, span.side);
}

}  // namespace

std::vector<Event> reconcile_events(std::vector<Event> events, ReconcileCounts* counts,
                                    double margin_s) {
  std::vector<const Event*> trains, seizures;
  for (const auto& e : events) {
    if (is_train(e.type))
      trains.push_back(&e);
    if (e.type == EventType::Seizure)
      seizures.push_back(&e);
  }
  ReconcileCounts local;
  std::vector<Event> kept;
  kept.reserve(events.size());
  for (const auto& e : events) {
    const auto within = [&](const std::vector<const Event*>& spans) {
      return std::any_of(spans.begin(), spans.end(),
                         [&](const Event* s) { return inside(e, *s, margin_s); });
    };
    if (is_discharge(e.type) && within(trains)) {
      ++local.discharges_in_patterns;
      continue;
    }
    if (e.type == EventType::BIRD && within(seizures)) {
      ++local.birds_in_seizures;
      continue;
    }
    const auto wholly_inside = [&](const Event* s) {
      return inside(e, *s, margin_s) &&
             e.onset_s + e.duration_s <= s->onset_s + s->duration_s + margin_s;
    };
    if (is_pattern(e.type) && std::any_of(seizures.begin(), seizures.end(), wholly_inside)) {
      ++local.patterns_in_seizures;
      continue;
    }
    kept.push_back(e);
  }
  if (counts)
    *counts = local;
  sort_events(kept);
  return kept;
}

}  // namespace eegtrack::detect
