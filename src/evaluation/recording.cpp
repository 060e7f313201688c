#include "eegtrack/evaluation/recording.hpp"

namespace eegtrack::evaluation {

const char* to_string(RecordingKind kind) noexcept {
  switch (kind) {
    case RecordingKind::Ictal:
      return "ictal";
    case RecordingKind::PostIctal:
      return "postictal";
    case RecordingKind::Interictal:
      return "interictal";
    case RecordingKind::Healthy:
      return "healthy";
  }
  return "unknown";
}

}  // namespace eegtrack::evaluation
