#pragma once

#include <string>
#include <vector>

#include "eegtrack/evaluation/recording_score.hpp"

namespace eegtrack::evaluation {

/// False seizure events on recordings of one kind, and the time they came from.
struct FalseSeizureRate {
  int recordings = 0;
  int false_detections = 0;
  int recordings_with_false = 0;  ///< recordings with at least one false seizure
  double duration_s = 0.0;

  [[nodiscard]] double per_hour() const noexcept;  ///< NaN when no time was scored
};

/// The validation figures of a group of recordings (one patient, one half, all, healthy).
struct GroupSummary {
  std::string level;  ///< "patient", "half", "all" or "healthy"
  std::string group;  ///< "chb01", "odd", "even", "all", "healthy"
  int recordings = 0;
  int seizures = 0;              ///< reference seizures long enough to count
  int found = 0;                 ///< ... overlapped by a detection
  int short_seizures = 0;        ///< reference seizures too short to count (listed only)
  double median_coverage = 0.0;  ///< over the counted seizures, 0-1; NaN when none
  double mean_coverage = 0.0;
  double median_latency_s = 0.0;  ///< over the counted seizures found; NaN when none
  FalseSeizureRate ictal{};       ///< detections outside the seizures of ictal recordings
  FalseSeizureRate postictal{};
  FalseSeizureRate interictal{};
  FalseSeizureRate healthy{};
  SzcoreCounts szcore{};  ///< summed over the group's recordings (all seizures, any length)
};

/// "odd" or "even" by the number at the end of a patient id ("chb01" -> "odd"), "" when the id
/// does not end in a number. Thresholds are chosen on one half and checked on the other.
[[nodiscard]] std::string patient_half(const std::string& patient);

/// One group's figures.
[[nodiscard]] GroupSummary summarize(std::string level, std::string group,
                                     const std::vector<const RecordingScore*>& scores);

/// Rows of a validation table: one per patient (in id order), the odd and the even half, all
/// patients, and the healthy recordings when there are any.
[[nodiscard]] std::vector<GroupSummary> summarize_validation(
    const std::vector<RecordingScore>& scores);

}  // namespace eegtrack::evaluation
