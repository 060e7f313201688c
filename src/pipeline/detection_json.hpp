#pragma once
// Private: the detection parts of summary.json.

#include <nlohmann/json.hpp>

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/pipeline/detection_params.hpp"

namespace eegtrack::pipeline::detail {

/// parameters.detection: montages, artifact rule and every detector threshold by name.
[[nodiscard]] nlohmann::json detection_parameters_json(const DetectionParams& params);

/// summary.json "epileptiform": counts, rates, focus, seizure burden, pattern prevalence and
/// the 2HELPS2B EEG points (clinical::two_helps2b_eeg_points).
[[nodiscard]] nlohmann::json epileptiform_json(const findings::RecordingFindings& findings);

}  // namespace eegtrack::pipeline::detail
