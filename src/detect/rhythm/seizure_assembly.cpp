#include "eegtrack/detect/rhythm/seizure_assembly.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "eegtrack/dsp/require.hpp"

namespace eegtrack::detect {
namespace {

bool is_piece(EventType t) {
  return t == EventType::BIRD || t == EventType::GPD || t == EventType::LPD ||
         t == EventType::BIPD || t == EventType::GRDA || t == EventType::LRDA ||
         t == EventType::Seizure;
}

double end_of(const Event& e) {
  return e.onset_s + e.duration_s;
}

void add_modifier(Event& e, const char* token) {
  if (e.modifiers.find(token) != std::string::npos)
    return;
  e.modifiers = e.modifiers.empty() ? token : e.modifiers + " " + token;
}

// The run's common side; bilateral when lateral pieces disagree.
sites::Laterality common_side(const std::vector<const Event*>& run) {
  std::optional<sites::Laterality> side;
  for (const auto* e : run) {
    if (!side)
      side = e->side;
    else if (*side != e->side)
      return sites::Laterality::Bilateral;
  }
  return side.value_or(sites::Laterality::Unknown);
}

// One seizure spanning the run, described by its longest piece.
Event run_seizure(const std::vector<const Event*>& run, double onset, double end) {
  const auto* longest = *std::max_element(
      run.begin(), run.end(), [](auto* a, auto* b) { return a->duration_s < b->duration_s; });
  Event s = *longest;
  s.type = EventType::Seizure;
  s.onset_s = onset;
  s.duration_s = end - onset;
  s.side = common_side(run);
  double weight = 0.0, confidence = 0.0, frequency = 0.0, frequency_weight = 0.0;
  for (const auto* e : run) {
    weight += e->duration_s;
    confidence += e->duration_s * e->confidence;
    if (std::isfinite(e->frequency_hz)) {
      frequency += e->duration_s * e->frequency_hz;
      frequency_weight += e->duration_s;
    }
  }
  s.confidence = weight > 0.0 ? confidence / weight : 0.0;
  s.frequency_hz = frequency_weight > 0.0 ? frequency / frequency_weight
                                          : std::numeric_limits<double>::quiet_NaN();
  s.modifiers = "assembled";
  return s;
}

double mean_frequency(const std::vector<const Event*>& run) {
  double sum = 0.0, weight = 0.0;
  for (const auto* e : run)
    if (std::isfinite(e->frequency_hz)) {
      sum += e->duration_s * e->frequency_hz;
      weight += e->duration_s;
    }
  return weight > 0.0 ? sum / weight : 0.0;
}

}  // namespace

void validate(const AssemblyParams& p) {
  constexpr const char* kWhere = "AssemblyParams";
  dsp::require(p.max_gap_s >= 0.0 && p.max_gap_s <= 30.0, kWhere, "max_gap_s", p.max_gap_s,
               "must be in [0, 30] s");
  dsp::require(p.min_duration_s > 0.0 && std::isfinite(p.min_duration_s), kWhere, "min_duration_s",
               p.min_duration_s, "must be finite and > 0");
  dsp::require(p.min_mean_frequency_hz >= 0.0 && std::isfinite(p.min_mean_frequency_hz), kWhere,
               "min_mean_frequency_hz", p.min_mean_frequency_hz, "must be finite and >= 0");
  dsp::require(p.min_pieces >= 1, kWhere, "min_pieces", static_cast<double>(p.min_pieces),
               "must be >= 1");
}

ParameterList parameter_list(const AssemblyParams& p) {
  return {{"assembly_max_gap_s", p.max_gap_s},
          {"assembly_min_duration_s", p.min_duration_s},
          {"assembly_min_mean_frequency_hz", p.min_mean_frequency_hz},
          {"assembly_min_pieces", static_cast<double>(p.min_pieces)}};
}

std::vector<Event> assemble_seizures(std::vector<Event> events, const AssemblyParams& p,
                                     std::size_t* assembled) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (is_piece(events[i].type))
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return events[a].onset_s < events[b].onset_s;
  });
  std::vector<Event> added;
  std::vector<bool> drop(events.size(), false);
  std::size_t count = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::vector<std::size_t> members{order[i]};
    double end = end_of(events[order[i]]);
    std::size_t j = i + 1;
    for (; j < order.size() && events[order[j]].onset_s <= end + p.max_gap_s; ++j) {
      members.push_back(order[j]);
      end = std::max(end, end_of(events[order[j]]));
    }
    i = j;
    const double onset = events[members.front()].onset_s;
    std::vector<const Event*> run;
    std::vector<std::size_t> seizures;
    for (std::size_t m : members) {
      run.push_back(&events[m]);
      if (events[m].type == EventType::Seizure)
        seizures.push_back(m);
    }
    if (!seizures.empty()) {
      // Slow pieces (post-ictal delta, periodic discharges) do not stretch a seizure: the run
      // must average above the ESz frequency as a whole.
      if (members.size() == 1 || !(mean_frequency(run) > p.min_mean_frequency_hz))
        continue;
      // One seizure for the whole run: the first detected one, grown over the pieces.
      Event& s = events[seizures.front()];
      const bool grows = onset < s.onset_s || end > end_of(s) || seizures.size() > 1;
      s.duration_s = end - onset;
      s.onset_s = onset;
      for (std::size_t k = 1; k < seizures.size(); ++k)
        drop[seizures[k]] = true;
      if (grows) {
        add_modifier(s, "assembled");
        ++count;
      }
      continue;
    }
    // Rhythmic delta alone is not epileptiform (a slowed background gives long GRDA at 3-4 Hz):
    // a run needs a BIRD or a periodic discharge train among its pieces.
    const bool epileptiform = std::any_of(run.begin(), run.end(), [](const Event* e) {
      return e->type == EventType::BIRD || e->type == EventType::GPD || e->type == EventType::LPD ||
             e->type == EventType::BIPD;
    });
    // A slowed posterior dominant rhythm comes and goes as posterior theta "BIRDs" and RDA: a
    // run whose fast pieces (those above the ESz frequency, which make its mean) all lead from
    // parietal or occipital channels is that rhythm, not a seizure, even with a slow periodic
    // fragment elsewhere (time-stretched healthy EEG, docs/detect-seizures.md).
    bool any_fast = false, fast_elsewhere = false;
    for (const Event* e : run)
      if (std::isfinite(e->frequency_hz) && e->frequency_hz > p.min_mean_frequency_hz) {
        any_fast = true;
        fast_elsewhere = fast_elsewhere || !leads_posteriorly(*e);
      }
    const bool posterior_rhythm = any_fast && !fast_elsewhere;
    if (!epileptiform || posterior_rhythm || static_cast<int>(members.size()) < p.min_pieces ||
        end - onset < p.min_duration_s || !(mean_frequency(run) > p.min_mean_frequency_hz))
      continue;
    added.push_back(run_seizure(run, onset, end));
    ++count;
  }
  std::vector<Event> out;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (!drop[i])
      out.push_back(std::move(events[i]));
  out.insert(out.end(), added.begin(), added.end());
  sort_events(out);
  if (assembled != nullptr)
    *assembled = count;
  return out;
}

}  // namespace eegtrack::detect
