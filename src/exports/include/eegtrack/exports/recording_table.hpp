#pragma once
// A recording's summary as one table row for R, pandas and spreadsheets (<stem>.recording.tsv,
// docs/events-and-tables.md §6): the scalar fields of <stem>.summary.json, each column named by
// its path in the summary with '.' between the levels ("background.pdr_hz",
// "regions.frontal.rel_power.delta"), an interval [low, high] as two columns ".low" and
// ".high". One row per recording, the same columns for every recording analysed with the same
// bands, so that rows of many recordings stack into one table.

#include <nlohmann/json.hpp>

#include "eegtrack/exports/column_sidecar.hpp"

namespace eegtrack::exports {

/// The header line and the one row of `summary` (summary.json as eegtrack writes it), with the
/// sidecar describing each column and its units. A field that is null or absent (a PDR that was
/// not found, a region without channels, intervals that were withheld) is "n/a"; numbers are
/// written exactly (the shortest text that reads back as the same double); booleans as
/// true/false; lists of words joined by "; ". Left out: the events (<stem>.events.tsv), the
/// per-channel and per-electrode lists, the per-feature medians and the parameters, which stay
/// in summary.json.
/// @throws std::invalid_argument when `summary` has no parameters.bands list.
[[nodiscard]] TableWithSidecar recording_table(const nlohmann::json& summary);

}  // namespace eegtrack::exports
