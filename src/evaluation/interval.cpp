#include "eegtrack/evaluation/interval.hpp"

#include <algorithm>

namespace eegtrack::evaluation {

double overlap_s(const Interval& a, const Interval& b) noexcept {
  return std::max(0.0, std::min(a.offset_s, b.offset_s) - std::max(a.onset_s, b.onset_s));
}

bool overlaps(const Interval& a, const Interval& b) noexcept {
  // Written with strict and non-strict comparisons so that an instantaneous detection (a
  // zero-length event) inside a seizure still counts, while back-to-back intervals do not.
  if (a.duration_s() <= 0.0)
    return a.onset_s >= b.onset_s && a.onset_s < b.offset_s;
  if (b.duration_s() <= 0.0)
    return b.onset_s >= a.onset_s && b.onset_s < a.offset_s;
  return a.onset_s < b.offset_s && b.onset_s < a.offset_s;
}

std::vector<Interval> union_of(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& x, const Interval& y) { return x.onset_s < y.onset_s; });
  std::vector<Interval> joined;
  for (const auto& interval : intervals) {
    if (!joined.empty() && interval.onset_s <= joined.back().offset_s) {
      joined.back().offset_s = std::max(joined.back().offset_s, interval.offset_s);
    } else {
      joined.push_back(interval);
    }
  }
  return joined;
}

double covered_s(const Interval& target, const std::vector<Interval>& cover) {
  double total = 0.0;
  for (const auto& piece : union_of(cover))
    total += overlap_s(target, piece);
  return total;
}

}  // namespace eegtrack::evaluation
