#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/evaluation/interval.hpp"

namespace eegtrack::evaluation {

/// The seizure events of one events table.
struct DetectionTable {
  std::vector<Interval> seizures{};
  /// From the `recordingDuration` column when the table has rows that give it.
  std::optional<double> recording_duration_s{};
};

/// True for the event types that mean a seizure: eegtrack's `seizure` and the SzCORE/BIDS
/// labels that start with `sz` (`sz`, `sz_foc_ia`, ...).
[[nodiscard]] bool is_seizure_event_type(const std::string& event_type);

/// Reads an events table (tab separated, columns `onset`, `duration` and the event type:
/// `eventType` in the SzCORE convention, `type` in eegtrack's BIDS table; optionally
/// `recordingDuration`), as `eegtrack analyze` writes <stem>.events.tsv in either convention,
/// and keeps the seizure events.
/// @throws std::runtime_error naming `source`, the line and the field of any bad input.
[[nodiscard]] DetectionTable parse_events_tsv(const std::string& text, const std::string& source);

}  // namespace eegtrack::evaluation
