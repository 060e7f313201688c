#pragma once

#include <CLI/CLI.hpp>

#include "eegtrack/pipeline/detection_params.hpp"

namespace eegtrack::cli {

/// The detector thresholds a user is most likely to change, as analyze options; every
/// threshold, changed or not, is written to summary.json (parameters.detection).
void add_detection_options(CLI::App& cmd, pipeline::DetectionParams& p);

}  // namespace eegtrack::cli
