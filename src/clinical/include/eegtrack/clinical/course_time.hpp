#pragma once
// Times of a patient's course: local wall-clock date-times without a zone, as a ward writes
// them, counted on one axis of days after the infusion (day 0 = the infusion itself).

#include <optional>
#include <string>
#include <string_view>

namespace eegtrack::clinical {

/// A local date-time (no zone, no leap seconds), held as seconds from 1970-01-01T00:00.
struct LocalTime {
  double seconds = 0.0;
  friend auto operator<=>(const LocalTime&, const LocalTime&) = default;
};

/// Parses ISO 8601 "YYYY-MM-DD" (midnight), "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a
/// space may replace the T; fractional seconds allowed). Years 1900-2199.
/// @return nullopt for anything else, including impossible dates (2026-02-30) or times.
[[nodiscard]] std::optional<LocalTime> parse_local_time(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SS" (seconds rounded down).
[[nodiscard]] std::string format_local_time(LocalTime t);

/// Fractional days from `infusion` to `t` (negative before the infusion).
[[nodiscard]] double days_after(LocalTime infusion, LocalTime t) noexcept;

/// The end of the calendar day of `t` (the next midnight): a stop date without a time covers
/// its whole day.
[[nodiscard]] LocalTime end_of_day(LocalTime t) noexcept;

}  // namespace eegtrack::clinical
