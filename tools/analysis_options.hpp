#pragma once
// The analysis options shared by `analyze` and `followup`: montage, epochs, spectra, artifact
// screening, slowing and detection parameters, each named after the library parameter it sets.

#include <CLI/CLI.hpp>
#include <string>

#include "eegtrack/pipeline/analyze_params.hpp"

namespace eegtrack::cli {

/// The options as given (text where the library parses it).
struct AnalysisOptions {
  std::string montage = "average";
  std::string detection_montage = "bipolar";
  std::string method = "welch";
  std::string bands = "delta:1-4,theta:4-8,alpha:8-13,beta:13-30";
  pipeline::AnalyzeParams params;
};

/// Registers every analysis option on `cmd`, writing into `o` (which must outlive parsing).
void add_analysis_options(CLI::App& cmd, AnalysisOptions& o);

/// Text options become values; every check is the library's (pipeline::validate).
/// @throws dsp::ParameterError / std::invalid_argument naming the parameter.
[[nodiscard]] pipeline::AnalyzeParams resolve_analysis(const AnalysisOptions& o);

}  // namespace eegtrack::cli
