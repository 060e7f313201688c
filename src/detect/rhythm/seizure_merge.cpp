#include "seizure_merge.hpp"

#include <algorithm>
#include <sstream>
#include <string>

namespace eegtrack::detect::detail {

namespace {

double end_of(const Event& e) {
  return e.onset_s + e.duration_s;
}

void add_modifiers(std::string& into, const std::string& more) {
  std::istringstream words(more);
  std::string word;
  while (words >> word) {
    std::istringstream existing(into);
    std::string have;
    bool found = false;
    while (existing >> have)
      found = found || have == word;
    if (!found)
      into += (into.empty() ? "" : " ") + word;
  }
}

void absorb(Event& into, const Event& other) {
  const double end = std::max(end_of(into), end_of(other));
  into.duration_s = end - into.onset_s;
  for (const auto& c : other.channels) {
    if (std::find(into.channels.begin(), into.channels.end(), c) == into.channels.end())
      into.channels.push_back(c);
  }
  add_modifiers(into.modifiers, other.modifiers);
  into.confidence = std::max(into.confidence, other.confidence);
}

}  // namespace

std::vector<Event> release_merged(std::vector<Event>& pending, double release_before_s) {
  // Sorting by onset, then duration, makes the result independent of the order events arrived.
  std::stable_sort(pending.begin(), pending.end(), [](const Event& a, const Event& b) {
    if (a.onset_s != b.onset_s)
      return a.onset_s < b.onset_s;
    return a.duration_s != b.duration_s ? a.duration_s > b.duration_s : a.modifiers < b.modifiers;
  });
  std::vector<Event> released;
  std::vector<Event> kept;
  std::size_t i = 0;
  while (i < pending.size()) {
    Event group = pending[i];
    std::size_t j = i + 1;
    while (j < pending.size() && pending[j].onset_s <= end_of(group) + 1e-9)
      absorb(group, pending[j++]);
    if (end_of(group) < release_before_s) {
      released.push_back(std::move(group));
    } else {
      kept.insert(kept.end(), pending.begin() + static_cast<std::ptrdiff_t>(i),
                  pending.begin() + static_cast<std::ptrdiff_t>(j));
    }
    i = j;
  }
  pending = std::move(kept);
  return released;
}

}  // namespace eegtrack::detect::detail
