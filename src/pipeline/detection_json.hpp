#pragma once
// Private: the detection parts of summary.json.

#include <nlohmann/json.hpp>

#include "eegtrack/pipeline/detection_params.hpp"
#include "eegtrack/pipeline/epileptiform_summary.hpp"

namespace eegtrack::pipeline::detail {

/// parameters.detection: montages, artifact rule and every detector threshold by name.
[[nodiscard]] nlohmann::json detection_parameters_json(const DetectionParams& params);

/// summary.json "epileptiform": counts, rates, focus, seizure burden, pattern prevalence.
[[nodiscard]] nlohmann::json epileptiform_json(const EpileptiformSummary& summary,
                                               const DetectionResult& result);

}  // namespace eegtrack::pipeline::detail
