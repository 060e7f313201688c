#pragma once
// The demo patient's course (docs/demo-patient.md), modelled on the case of
// docs/clinical-background.md §7: the course file's text and the recordings it lists.

#include <string>
#include <vector>

namespace eegtrack::demo {

/// What a recording of the course shows, and when it was made.
enum class Picture {
  Baseline,      ///< the source recording as it is
  MildSlowing,   ///< CRS on day 3: slightly slower (k = 1.1)
  Coma,          ///< ICANS grade 4: delta/theta, high voltage (k = 2.8, x 1.5)
  Improving,     ///< three days into treatment (k = 1.6)
  Normal,        ///< normal again: the source with new electrode noise
  Relapse,       ///< left focal slowing, left temporal periodic discharges, a left seizure
  FocalResidue,  ///< after the relapse: mild left focal slowing only
};

struct PlannedRecording {
  std::string file;  ///< under eeg/
  std::string label;
  std::string at;        ///< ISO 8601 local
  std::string sedation;  ///< "" when none
  Picture picture;
  double duration_s = 180.0;  ///< the relapse is longer: background, discharges, seizure
};

/// The recordings of the course, in time order.
[[nodiscard]] std::vector<PlannedRecording> planned_recordings();

/// The course file (YAML, docs/course-file.md) listing the recordings under eeg/.
[[nodiscard]] std::string course_yaml();

}  // namespace eegtrack::demo
