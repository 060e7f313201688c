#pragma once
// The detected events as a tab-separated events table with its JSON sidecar, in one of two
// conventions (docs/events-and-tables.md §2-3):
// - BIDS (default): one row per event, every field of the event in the vocabulary of
//   findings/event_fields.hpp (`onset`, `duration`, `type`, `confidence`, `channels`, `side`,
//   `region`, `focus`, `frequency_hz`, `modifiers`), "n/a" where a field does not apply;
// - SzCORE (epilepsy2bids): the seizures only, as the community's seizure scoring tools read
//   them: columns `onset duration eventType confidence channels dateTime recordingDuration`,
//   `sz` for a seizure, and one `bckg` row spanning the recording when there is none.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/exports/column_sidecar.hpp"
#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::exports {

enum class EventsFormat { Bids, Szcore };

/// "bids", "szcore".
[[nodiscard]] const char* to_string(EventsFormat format) noexcept;
/// Inverse of to_string(EventsFormat); nullopt for any other text.
[[nodiscard]] std::optional<EventsFormat> parse_events_format(std::string_view text) noexcept;

/// BIDS events table of `events` (sorted by onset, as detect::sort_events leaves them): times
/// in seconds to the millisecond, confidence to 0.001, frequency to 0.01 Hz, channels
/// comma-separated. Zero events give the header line only.
[[nodiscard]] TableWithSidecar bids_events_table(const std::vector<detect::Event>& events);

/// SzCORE events table: one `sz` row per seizure event (onset, duration, confidence to 0.01 s
/// or 0.01, as epilepsy2bids writes them; channels comma-separated or "n/a"), or one `bckg`
/// row from 0 to `recording_duration_s` when `events` holds no seizure; dateTime is `start`
/// to the second ("%Y-%m-%d %H:%M:%S"), recordingDuration the recording's duration in
/// seconds, on every row. Other event types are not part of the convention and are left out.
[[nodiscard]] TableWithSidecar szcore_events_table(const std::vector<detect::Event>& events,
                                                   const io::StartTime& start,
                                                   double recording_duration_s);

/// The table of `format` (`start` and `recording_duration_s` are used by SzCORE only).
[[nodiscard]] TableWithSidecar events_table(EventsFormat format,
                                            const std::vector<detect::Event>& events,
                                            const io::StartTime& start,
                                            double recording_duration_s);

}  // namespace eegtrack::exports
