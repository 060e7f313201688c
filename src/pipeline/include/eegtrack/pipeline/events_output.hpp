#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/io/hdf5_types.hpp"

namespace eegtrack::pipeline {

/// The events as the HDF5 table /events (docs/hdf5-layout.md §4.9): onset_s, duration_s, type,
/// channels (comma-separated), side, region, focus, frequency_hz (NaN when not applicable),
/// confidence, modifiers. Zero events give a table of zero rows with every column.
[[nodiscard]] io::Table events_table(const std::vector<detect::Event>& events);

/// The events as summary.json entries: {type, onset_s, duration_s, channels, side, region,
/// focus, frequency_hz (null when not applicable), confidence, modifiers}.
[[nodiscard]] nlohmann::json events_json(const std::vector<detect::Event>& events);

/// The events as a tab-separated table in the style of the SzCORE / BIDS events format:
/// columns onset, duration, eventType, confidence, channels, side, region, focus, frequency,
/// modifiers, dateTime, recordingDuration. Times in seconds with millisecond precision,
/// channels comma-separated, "n/a" for empty or not applicable values; dateTime is the
/// recording start plus the onset (ISO 8601, from `start` "YYYY-MM-DDTHH:MM:SS[.ffffff]").
[[nodiscard]] std::string events_tsv(const std::vector<detect::Event>& events,
                                     const std::string& start, double recording_duration_s);

}  // namespace eegtrack::pipeline
