#pragma once

#include "eegtrack/findings/epileptiform.hpp"
#include "eegtrack/pipeline/detection_runner.hpp"

namespace eegtrack::pipeline {

/// Counts, rates, seizure burden and pattern prevalence of a detection result, with how the
/// detectors ran: the epileptiform part of the findings.
[[nodiscard]] findings::Epileptiform summarize_epileptiform(const DetectionResult& result);

}  // namespace eegtrack::pipeline
