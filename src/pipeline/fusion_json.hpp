#pragma once
// Private: the EEG half of <patient>.followup.json, the recordings' measures and the fusion.

#include <nlohmann/json.hpp>
#include <vector>

#include "eegtrack/clinical/fusion.hpp"

namespace eegtrack::pipeline::detail {

/// {"value", "ci95": [low, high]}; nulls where not computed or not measured.
[[nodiscard]] nlohmann::json estimate_json(const clinical::Estimate& e);

/// The follow-up measures of one recording (docs/followup.md, recordings[].measures).
[[nodiscard]] nlohmann::json measures_json(const clinical::EegMeasures& m);

/// What fusion says of one recording (docs/followup.md, recordings[].verdict).
[[nodiscard]] nlohmann::json verdict_json(const clinical::RecordingVerdict& v,
                                          const std::vector<clinical::TimedRecording>& recordings);

/// "normalization", "concordance" and "flags" of the follow-up.
[[nodiscard]] nlohmann::json normalization_json(
    const clinical::Fusion& f, const std::vector<clinical::TimedRecording>& recordings);
[[nodiscard]] nlohmann::json concordance_json(const clinical::Fusion& f);
[[nodiscard]] nlohmann::json flags_json(const std::vector<clinical::Flag>& flags);

}  // namespace eegtrack::pipeline::detail
