#pragma once
// How each recording of the demo course is made from the source (docs/demo-patient.md): the
// edits of simulated_eeg.hpp per Picture, and the annotations that say in the file what was
// simulated where.

#include <cstdint>
#include <vector>

#include "demo_course.hpp"
#include "eegtrack/io/annotations.hpp"
#include "simulated_eeg.hpp"

namespace eegtrack::demo {

/// One recording ready to write.
struct SimulatedRecording {
  Eeg eeg;
  std::vector<io::Annotation> annotations;  ///< "SIMULATED recording" at 0 s, then the edits
};

/// The day-40 relapse (Picture::Relapse), seconds from the recording start: left focal delta
/// throughout, left temporal periodic discharges before and after a left seizure with 60 s of
/// background before the first discharges (the detectors' backgrounds warm up on it).
struct RelapseTimes {
  static constexpr double kDeltaRmsUv = 25.0;
  static constexpr double kDischargeUv = 90.0;
  static constexpr double kDischargePeriodS = 1.1;
  static constexpr double kDischargesStartS = 60.0;
  static constexpr double kDischargesEndS = 150.0;
  static constexpr double kLateDischargesStartS = 220.0;
  static constexpr double kLateDischargesEndS = 290.0;
  static constexpr SeizureShape kSeizure{.onset_s = 160.0,
                                         .duration_s = 40.0,
                                         .start_hz = 7.0,
                                         .end_hz = 2.5,
                                         .start_uv = 60.0,
                                         .end_uv = 160.0,
                                         .postictal_s = 15.0,
                                         .postictal_rms_uv = 40.0};
};

/// The recording `plan` describes, made from `source` (a healthy recording at least as long as
/// plan.duration_s after its stretch; shorter stretches are extended palindromically). The
/// seed drives every random part (electrode noise, delta, discharge jitter); the same seed
/// gives the same samples.
[[nodiscard]] SimulatedRecording simulate(const Eeg& source, const PlannedRecording& plan,
                                          std::uint64_t seed);

}  // namespace eegtrack::demo
