#pragma once

#include <vector>

namespace eegtrack::evaluation {

/// A stretch of a recording in seconds from its start, [onset_s, offset_s).
struct Interval {
  double onset_s = 0.0;
  double offset_s = 0.0;

  [[nodiscard]] double duration_s() const noexcept { return offset_s - onset_s; }
};

/// Seconds shared by a and b (0 when they are apart or only touch).
[[nodiscard]] double overlap_s(const Interval& a, const Interval& b) noexcept;

/// True when a and b share some time. Two intervals that only touch do not overlap; a
/// zero-length event inside the other interval does.
[[nodiscard]] bool overlaps(const Interval& a, const Interval& b) noexcept;

/// The union of the intervals, sorted by onset, with overlapping or touching ones joined.
[[nodiscard]] std::vector<Interval> union_of(std::vector<Interval> intervals);

/// Seconds of `target` covered by at least one of `cover` (overlaps counted once).
[[nodiscard]] double covered_s(const Interval& target, const std::vector<Interval>& cover);

}  // namespace eegtrack::evaluation
