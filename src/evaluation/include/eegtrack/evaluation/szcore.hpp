#pragma once

#include <vector>

#include "eegtrack/evaluation/interval.hpp"

namespace eegtrack::evaluation {

/// Event scoring of the SzCORE framework (Dan et al., Epilepsia 2024), defaults as in its
/// reference implementation (the `timescoring` package, EventScoring.Parameters).
struct SzcoreParameters {
  double tolerance_before_s = 30.0;  ///< a detection may start this early
  double tolerance_after_s = 60.0;   ///< ... and end this late, without a false positive
  double max_event_s = 300.0;        ///< longer events are split into pieces this long
  double min_gap_between_s = 90.0;   ///< events closer than this are merged first
};

/// Counts of one recording, or sums over many: SzCORE aggregates by summing counts over the
/// recordings (micro-average) before forming the ratios.
struct SzcoreCounts {
  int reference_events = 0;
  int true_positives = 0;   ///< reference events hit by a detection
  int false_positives = 0;  ///< detections not wholly inside the windows of hit references
  double duration_s = 0.0;  ///< recording time scored

  SzcoreCounts& operator+=(const SzcoreCounts& other) noexcept;
};

/// The ratios of SzCORE; NaN where undefined (no reference event, no detection).
[[nodiscard]] double sensitivity(const SzcoreCounts& counts) noexcept;
[[nodiscard]] double precision(const SzcoreCounts& counts) noexcept;
/// 0 when sensitivity and precision are both 0, NaN when either is undefined.
[[nodiscard]] double f1_score(const SzcoreCounts& counts) noexcept;
/// False positives per hour of scored recording (SzCORE prints them per 24 h: multiply by 24).
[[nodiscard]] double false_positives_per_hour(const SzcoreCounts& counts) noexcept;

/// Events closer than min_gap_s joined into one, in onset order.
[[nodiscard]] std::vector<Interval> merge_close_events(std::vector<Interval> events,
                                                       double min_gap_s);
/// Events longer than max_s cut into consecutive pieces of max_s (the last one shorter).
[[nodiscard]] std::vector<Interval> split_long_events(const std::vector<Interval>& events,
                                                      double max_s);

/// Scores the detections of one recording against its reference seizures. Both are first
/// clipped to [0, recording_duration_s], merged and split; a reference is a true positive when
/// a detection overlaps it widened by the tolerances; a detection is a false positive when any
/// part of it lies outside the widened windows of the references that were hit.
[[nodiscard]] SzcoreCounts score_szcore(const std::vector<Interval>& references,
                                        const std::vector<Interval>& detections,
                                        double recording_duration_s,
                                        const SzcoreParameters& parameters = {});

}  // namespace eegtrack::evaluation
