#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/evaluation/recording.hpp"
#include "eegtrack/evaluation/szcore.hpp"

namespace eegtrack::evaluation {

struct ScoringParameters {
  /// Seizures shorter than this are listed but not counted as found or missed: ACNS 2021 needs
  /// 10 s for an electrographic seizure, so a detector built on it cannot call them.
  double min_seizure_s = 10.0;
  SzcoreParameters szcore{};
};

/// How one reference seizure was detected (plain any-overlap, no tolerance).
struct SeizureOutcome {
  Interval seizure{};
  bool counted = true;    ///< long enough to count (ScoringParameters::min_seizure_s)
  bool found = false;     ///< a detection overlaps it
  double coverage = 0.0;  ///< fraction of the seizure covered by detections, 0-1
  /// Onset of the first overlapping detection minus the seizure onset; empty when not found.
  /// Meaningful as a detection delay only when the recording holds background before the
  /// seizure (preictal_s > 0); when it starts at the onset, it is the time the detector needed
  /// to call a seizure it saw without any background.
  std::optional<double> latency_s{};
  double preictal_s = 0.0;  ///< recording time before the seizure onset
};

/// Everything measured on one recording.
struct RecordingScore {
  std::string name;
  std::string patient;
  RecordingKind kind = RecordingKind::Ictal;
  double duration_s = 0.0;
  int detections = 0;
  int false_detections = 0;  ///< detections that overlap no reference seizure
  std::vector<SeizureOutcome> seizures{};
  SzcoreCounts szcore{};
};

[[nodiscard]] RecordingScore score_recording(const Recording& recording,
                                             const ScoringParameters& parameters = {});

}  // namespace eegtrack::evaluation
