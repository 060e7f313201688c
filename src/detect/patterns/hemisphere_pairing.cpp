// Spatial description of patterns (channels, side, region, frontal predominance) and the pairing
// of the two hemispheres' PD trains into GPD, LPD or BIPD events.

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "periodic_trains.hpp"

namespace eegtrack::detect::detail {
namespace {

bool overlaps(const PdTrain& a, const PdTrain& b) {
  return a.onset_s < b.end_s && b.onset_s < a.end_s;
}

std::string format_hz(double hz) {
  std::ostringstream s;
  s.precision(2);
  s << std::fixed << hz;
  return s.str();
}

EventType classify(const std::vector<const PdTrain*>& group, int& side) {
  bool left = false;
  bool right = false;
  for (const PdTrain* t : group) {
    left = left || t->lateral_side < 0;
    right = right || t->lateral_side > 0;
  }
  if (left && right) {
    side = 0;
    return EventType::BIPD;
  }
  side = left ? -1 : (right ? 1 : 0);
  return side == 0 ? EventType::GPD : EventType::LPD;
}

}  // namespace

std::vector<int> involved_channels(const std::vector<double>& amplitude) {
  std::vector<int> order(amplitude.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return amplitude[static_cast<std::size_t>(a)] > amplitude[static_cast<std::size_t>(b)];
  });
  const double top = amplitude.empty() ? 0.0 : amplitude[static_cast<std::size_t>(order[0])];
  std::vector<int> out;
  for (int c : order) {
    if (amplitude[static_cast<std::size_t>(c)] >= 0.5 * top && top > 0.0)
      out.push_back(c);
  }
  return out;
}

bool frontally_predominant(const std::vector<double>& amplitude,
                           const std::vector<PatternChannel>& channels, double ratio) {
  double anterior = 0.0;
  double posterior = 0.0;
  int n_anterior = 0;
  int n_posterior = 0;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (channels[c].region == sites::Region::Frontal) {
      anterior += amplitude[c];
      ++n_anterior;
    } else if (channels[c].region == sites::Region::Parietal ||
               channels[c].region == sites::Region::Occipital) {
      posterior += amplitude[c];
      ++n_posterior;
    }
  }
  if (n_anterior == 0 || n_posterior == 0)
    return false;
  return anterior / n_anterior > ratio * (posterior / n_posterior);
}

int lateral_side(const std::vector<double>& amplitude, const std::vector<PatternChannel>& channels,
                 double ratio) {
  double left = 0.0;
  double right = 0.0;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (channels[c].side == sites::Side::Left)
      left = std::max(left, amplitude[c]);
    else if (channels[c].side == sites::Side::Right)
      right = std::max(right, amplitude[c]);
  }
  if (left > ratio * right)
    return -1;
  if (right > ratio * left)
    return 1;
  return 0;
}

int field_side(const std::vector<double>& signed_map, const std::vector<PatternChannel>& channels,
               double ratio) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double left_max = -kInf;
  double left_min = kInf;
  double right_max = -kInf;
  double right_min = kInf;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (channels[c].side == sites::Side::Left) {
      left_max = std::max(left_max, signed_map[c]);
      left_min = std::min(left_min, signed_map[c]);
    } else if (channels[c].side == sites::Side::Right) {
      right_max = std::max(right_max, signed_map[c]);
      right_min = std::min(right_min, signed_map[c]);
    }
  }
  const double left = left_max > left_min ? left_max - left_min : 0.0;
  const double right = right_max > right_min ? right_max - right_min : 0.0;
  if (left > ratio * right)
    return -1;
  if (right > ratio * left)
    return 1;
  return 0;
}

Event pd_event(EventType type, const std::vector<const PdTrain*>& trains,
               const std::vector<PatternChannel>& channels, const PatternParams& p) {
  Event e;
  e.type = type;
  const PdTrain* strongest = trains.front();
  std::vector<double> map(trains.front()->map.size(), 0.0);
  double onset = trains.front()->onset_s;
  double end = trains.front()->end_s;
  bool triphasic = false;
  for (const PdTrain* t : trains) {
    onset = std::min(onset, t->onset_s);
    end = std::max(end, t->end_s);
    triphasic = triphasic || t->triphasic;
    for (std::size_t c = 0; c < map.size(); ++c)
      map[c] = std::max(map[c], t->map[c]);
    if (*std::max_element(t->map.begin(), t->map.end()) >
        *std::max_element(strongest->map.begin(), strongest->map.end()))
      strongest = t;
    e.confidence = std::max(e.confidence, t->confidence);
  }
  e.onset_s = onset;
  e.duration_s = end - onset;
  e.frequency_hz = strongest->rate_hz;
  const auto involved = involved_channels(map);
  for (int c : involved)
    e.channels.push_back(channels[static_cast<std::size_t>(c)].label);
  const auto& top = channels[static_cast<std::size_t>(involved.front())];
  e.focus = top.plus;
  e.region = top.region;
  int side = 0;  // an LPD group holds lateralized trains of one side only
  for (const PdTrain* t : trains)
    side = side != 0 ? side : t->lateral_side;
  e.side = type == EventType::LPD ? (side < 0 ? sites::Laterality::Left : sites::Laterality::Right)
                                  : sites::Laterality::Bilateral;
  std::vector<std::string> notes;
  if (triphasic)
    notes.emplace_back("triphasic");
  if (type == EventType::GPD && frontally_predominant(map, channels, p.frontal_ratio))
    notes.emplace_back("frontally_predominant");
  if (type == EventType::BIPD) {
    for (const PdTrain* t : trains)
      notes.push_back(std::string(t->lateral_side < 0 ? "left_hz=" : "right_hz=") +
                      format_hz(t->rate_hz));
  }
  for (const auto& n : notes)
    e.modifiers += (e.modifiers.empty() ? "" : " ") + n;
  return e;
}

void HemispherePairing::resolve(std::optional<double> left_open_since,
                                std::optional<double> right_open_since,
                                const std::vector<PatternChannel>& channels, const PatternParams& p,
                                std::vector<Event>& out) {
  std::sort(pending_.begin(), pending_.end(),
            [](const PdTrain& a, const PdTrain& b) { return a.onset_s < b.onset_s; });
  std::vector<char> done(pending_.size(), 0);
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const PdTrain& a = pending_[i];
    const auto& other_open = a.hemisphere < 0 ? right_open_since : left_open_since;
    if (done[i] != 0 || (other_open && *other_open <= a.end_s))
      continue;  // the other hemisphere may still add an overlapping train
    std::vector<const PdTrain*> group{&a};
    done[i] = 1;
    for (std::size_t j = i + 1; j < pending_.size(); ++j) {
      if (done[j] == 0 && overlaps(a, pending_[j])) {
        group.push_back(&pending_[j]);
        done[j] = 1;
      }
    }
    int side = 0;
    const EventType type = classify(group, side);
    out.push_back(pd_event(type, group, channels, p));
  }
  std::vector<PdTrain> keep;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (done[i] == 0)
      keep.push_back(std::move(pending_[i]));
  }
  pending_ = std::move(keep);
}

}  // namespace eegtrack::detect::detail
