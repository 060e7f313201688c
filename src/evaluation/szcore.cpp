#include "eegtrack/evaluation/szcore.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eegtrack::evaluation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Below the 0.1-s resolution at which the reference implementation compares masks.
constexpr double kTimeEpsilon_s = 1e-6;

std::vector<Interval> clipped(const std::vector<Interval>& events, double duration_s) {
  std::vector<Interval> out;
  for (const auto& e : events) {
    const Interval c{std::max(0.0, e.onset_s), std::min(duration_s, e.offset_s)};
    if (c.offset_s >= c.onset_s && c.onset_s < duration_s)
      out.push_back(c);
  }
  return out;
}

std::vector<Interval> prepared(const std::vector<Interval>& events, double duration_s,
                               const SzcoreParameters& p) {
  return split_long_events(merge_close_events(clipped(events, duration_s), p.min_gap_between_s),
                           p.max_event_s);
}

}  // namespace

SzcoreCounts& SzcoreCounts::operator+=(const SzcoreCounts& other) noexcept {
  reference_events += other.reference_events;
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  duration_s += other.duration_s;
  return *this;
}

double sensitivity(const SzcoreCounts& c) noexcept {
  return c.reference_events > 0 ? static_cast<double>(c.true_positives) / c.reference_events : kNaN;
}

double precision(const SzcoreCounts& c) noexcept {
  const int detections = c.true_positives + c.false_positives;
  return detections > 0 ? static_cast<double>(c.true_positives) / detections : kNaN;
}

double f1_score(const SzcoreCounts& c) noexcept {
  const double s = sensitivity(c);
  const double p = precision(c);
  if (std::isnan(s) || std::isnan(p))
    return kNaN;
  return s + p > 0.0 ? 2.0 * s * p / (s + p) : 0.0;
}

double false_positives_per_hour(const SzcoreCounts& c) noexcept {
  return c.duration_s > 0.0 ? c.false_positives / (c.duration_s / 3600.0) : kNaN;
}

std::vector<Interval> merge_close_events(std::vector<Interval> events, double min_gap_s) {
  std::sort(events.begin(), events.end(),
            [](const Interval& a, const Interval& b) { return a.onset_s < b.onset_s; });
  std::vector<Interval> merged;
  for (const auto& e : events) {
    if (!merged.empty() && e.onset_s - merged.back().offset_s < min_gap_s) {
      merged.back().offset_s = std::max(merged.back().offset_s, e.offset_s);
    } else {
      merged.push_back(e);
    }
  }
  return merged;
}

std::vector<Interval> split_long_events(const std::vector<Interval>& events, double max_s) {
  std::vector<Interval> pieces;
  for (const auto& e : events) {
    double start = e.onset_s;
    while (e.offset_s - start > max_s) {
      pieces.push_back({start, start + max_s});
      start += max_s;
    }
    pieces.push_back({start, e.offset_s});
  }
  return pieces;
}

SzcoreCounts score_szcore(const std::vector<Interval>& references,
                          const std::vector<Interval>& detections, double recording_duration_s,
                          const SzcoreParameters& parameters) {
  const auto refs = prepared(references, recording_duration_s, parameters);
  const auto hyps = prepared(detections, recording_duration_s, parameters);
  SzcoreCounts counts;
  counts.reference_events = static_cast<int>(refs.size());
  counts.duration_s = recording_duration_s;
  std::vector<Interval> hit_windows;
  for (const auto& ref : refs) {
    const Interval window{
        std::max(0.0, ref.onset_s - parameters.tolerance_before_s),
        std::min(recording_duration_s, ref.offset_s + parameters.tolerance_after_s)};
    const bool hit = std::any_of(hyps.begin(), hyps.end(),
                                 [&](const Interval& h) { return overlaps(h, window); });
    if (hit) {
      ++counts.true_positives;
      hit_windows.push_back(window);
    }
  }
  for (const auto& h : hyps) {
    if (covered_s(h, hit_windows) < h.duration_s() - kTimeEpsilon_s ||
        (h.duration_s() <= 0.0 && std::none_of(hit_windows.begin(), hit_windows.end(),
                                               [&](const Interval& w) { return overlaps(h, w); })))
      ++counts.false_positives;
  }
  return counts;
}

}  // namespace eegtrack::evaluation
