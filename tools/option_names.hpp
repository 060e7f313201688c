#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "eegtrack/dsp/require.hpp"

namespace eegtrack::cli {

/// Records that the library parameter `where`.`field` (as a dsp::ParameterError names it) is
/// set by `option`, so a refused value is reported under the option the user typed.
/// Returns option for chaining.
CLI::Option* names_parameter(CLI::Option* option, const std::string& where,
                             const std::string& field);

/// "--seizure-min-duration-s nan: must be finite and > 0 (SeizureParams.min_duration_s)", or
/// the library's own message for a parameter no option sets.
[[nodiscard]] std::string describe(const dsp::ParameterError& e);

}  // namespace eegtrack::cli
