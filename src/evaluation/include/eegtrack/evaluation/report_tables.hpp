#pragma once

#include <string>
#include <vector>

#include "eegtrack/evaluation/group_summary.hpp"

namespace eegtrack::evaluation {

// Tab-separated tables with a header line; numbers in fixed notation, "n/a" where a figure is
// undefined (no seizure to cover, no detection to be precise about).

/// One row per group (patients, halves, all, healthy): the validation table.
[[nodiscard]] std::string summary_tsv(const std::vector<GroupSummary>& groups);
/// One row per reference seizure: found, coverage, latency.
[[nodiscard]] std::string seizures_tsv(const std::vector<RecordingScore>& scores);
/// One row per recording: kind, duration, detections, false detections, SzCORE counts.
[[nodiscard]] std::string recordings_tsv(const std::vector<RecordingScore>& scores);

/// The validation table for a terminal, aligned in columns.
[[nodiscard]] std::string summary_text(const std::vector<GroupSummary>& groups);

}  // namespace eegtrack::evaluation
