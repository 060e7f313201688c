#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/io/hdf5_types.hpp"

namespace eegtrack::pipeline {

/// The events as the HDF5 table /events (docs/hdf5-layout.md §4.9), columns named as every
/// output names them (findings/event_fields.hpp): onset_s, duration_s, type, channels
/// (comma-separated), side, region, focus, frequency_hz (NaN when not applicable), confidence,
/// modifiers. Zero events give a table of zero rows with every column. The events tables for
/// other tools (BIDS, SzCORE, EDF+) are written by src/exports.
[[nodiscard]] io::Table events_table(const std::vector<detect::Event>& events);

/// The events as summary.json entries: {type, onset_s, duration_s, channels, side, region,
/// focus, frequency_hz (null when not applicable), confidence, modifiers}.
[[nodiscard]] nlohmann::json events_json(const std::vector<detect::Event>& events);

}  // namespace eegtrack::pipeline
