#pragma once

#include <optional>

#include "eegtrack/findings/recording_findings.hpp"

namespace eegtrack::clinical {

/// The EEG items of 2HELPS2B (Struck et al., JAMA Neurol 2017; docs/clinical-background.md §5.4),
/// the risk of seizures from one recording: BIRDs 2, LPD/LRDA/BIPD 1, sporadic discharges 1, any
/// periodic or rhythmic pattern > 2 Hz 1, plus features (a "+" modifier) 1; 0 to 6. The clinical
/// item (prior seizure, 1 point) is not known from the EEG and is not included. Absent when the
/// detectors did not run (findings::detectors_ran): the items were not looked for.
[[nodiscard]] std::optional<int> two_helps2b_eeg_points(
    const findings::RecordingFindings& findings);

}  // namespace eegtrack::clinical
