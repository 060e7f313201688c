#pragma once

#include <string>
#include <vector>

#include "eegtrack/evaluation/interval.hpp"

namespace eegtrack::evaluation {

/// What a recording is for in a validation: it holds reference seizures; it is a post-ictal
/// window of a seizure patient (seizure-free by annotation, but close to a seizure); it is a
/// seizure-free recording of a seizure patient away from seizures (interictal); or it is a
/// recording of a person without seizures. False seizures are counted per kind because the
/// post-ictal windows may hold real rhythmic activity that the healthy recordings never do.
enum class RecordingKind { Ictal, PostIctal, Interictal, Healthy };

/// "ictal", "postictal", "interictal", "healthy".
[[nodiscard]] const char* to_string(RecordingKind kind) noexcept;

/// One recording with its reference seizures and the detector's seizure events, in seconds from
/// the recording start.
struct Recording {
  std::string name;     ///< file stem, as in the analyze outputs
  std::string patient;  ///< e.g. "chb01"; empty for healthy recordings
  RecordingKind kind = RecordingKind::Ictal;
  double duration_s = 0.0;
  std::vector<Interval> seizures{};
  std::vector<Interval> detections{};
};

}  // namespace eegtrack::evaluation
