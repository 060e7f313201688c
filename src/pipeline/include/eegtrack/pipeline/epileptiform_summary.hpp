#pragma once

#include "eegtrack/findings/epileptiform.hpp"
#include "eegtrack/pipeline/detection_runner.hpp"

namespace eegtrack::pipeline {

/// Counts, rates, seizure burden and pattern prevalence of a detection result, with how the
/// detectors ran: the epileptiform part of the findings. Rates per hour are given only when at
/// least min_analysed_for_rates_s of EEG was analysed (DetectionParams).
[[nodiscard]] findings::Epileptiform summarize_epileptiform(
    const DetectionResult& result,
    double min_analysed_for_rates_s = DetectionParams{}.min_analysed_for_rates_s);

}  // namespace eegtrack::pipeline
