#include "eegtrack/detect/rhythm/seizure_burden.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace eegtrack::detect {

namespace {

constexpr double kHourS = 3600.0;
constexpr double kStatusContinuousS = 600.0;    // ESE: >= 10 continuous minutes
constexpr double kStatusMinutesPerHour = 12.0;  // ESE: >= 20 % of any 60-min window

using Interval = std::pair<double, double>;

std::vector<Interval> merged_seizures(std::span<const Event> events) {
  std::vector<Interval> spans;
  for (const Event& e : events) {
    if (e.type == EventType::Seizure)
      spans.emplace_back(e.onset_s, e.onset_s + e.duration_s);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Interval> merged;
  for (const Interval& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, s.second);
    else
      merged.push_back(s);
  }
  return merged;
}

double seconds_inside(const std::vector<Interval>& spans, double from, double to) {
  double total = 0.0;
  for (const Interval& s : spans)
    total += std::max(0.0, std::min(to, s.second) - std::max(from, s.first));
  return total;
}

}  // namespace

SeizureBurden seizure_burden(std::span<const Event> events) {
  SeizureBurden out;
  for (const Event& e : events) {
    if (e.type != EventType::Seizure)
      continue;
    ++out.seizure_count;
    out.longest_seizure_s = std::max(out.longest_seizure_s, e.duration_s);
  }
  const std::vector<Interval> spans = merged_seizures(events);
  // The covered time of a sliding window is piecewise linear in its start, so its maximum is
  // reached with the window starting at an onset or ending at an offset.
  double best_s = 0.0;
  for (const Interval& s : spans) {
    for (const double start : {s.first, s.second - kHourS}) {
      const double covered = seconds_inside(spans, start, start + kHourS);
      if (covered > best_s + 1e-9) {
        best_s = covered;
        out.worst_hour_start_s = start;
      }
    }
  }
  double longest_merged_s = 0.0;
  for (const Interval& s : spans)
    longest_merged_s = std::max(longest_merged_s, s.second - s.first);
  out.seizure_burden_max_min_per_h = best_s / 60.0;
  out.electrographic_status = longest_merged_s >= kStatusContinuousS ||
                              out.seizure_burden_max_min_per_h >= kStatusMinutesPerHour - 1e-9;
  return out;
}

}  // namespace eegtrack::detect
