#pragma once
// Numbers as a report writes them: a fixed number of decimals chosen by the caller for the
// measure, never the shortest representation of a double ("0.49", not "0.48999999").

#include <optional>
#include <string>
#include <string_view>

namespace eegtrack::report {

/// `value` with `digits` decimals ("-0" printed as "0"); "n/a" when not finite.
[[nodiscard]] std::string fixed(double value, int digits);

/// fixed(*value, digits), or `absent` when there is no value.
[[nodiscard]] std::string fixed_or(const std::optional<double>& value, int digits,
                                   std::string_view absent = "n/a");

/// "0.49 (0.45–0.52)": the value with its interval when both bounds are given.
[[nodiscard]] std::string with_interval(const std::optional<double>& value,
                                        const std::optional<double>& low,
                                        const std::optional<double>& high, int digits,
                                        std::string_view absent = "n/a");

/// A duration as the ward reads it: "42 s", "3 min 05 s", "2 h 10 min".
[[nodiscard]] std::string duration_text(double seconds);

/// Seconds from a clock start as "hh:mm:ss" of the day (start "2026-02-14T11:00:00" plus
/// 75 s -> "11:01:15"); empty when `iso_start` carries no time of day.
[[nodiscard]] std::string clock_time(std::string_view iso_start, double seconds);

}  // namespace eegtrack::report
