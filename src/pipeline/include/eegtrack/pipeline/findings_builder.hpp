#pragma once

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/summary_json.hpp"

namespace eegtrack::pipeline {

/// What the analysis of one recording found, as plain values: NaN becomes an absent value,
/// channels keep their label and site, the parameters become JSON (parameters_json). Exactly
/// the content of summary.json, so read_findings of the written file gives it back.
[[nodiscard]] findings::RecordingFindings make_findings(const RecordingAnalysis& analysis,
                                                        const AnalyzeParams& params,
                                                        const RecordingProvenance& provenance);

}  // namespace eegtrack::pipeline
