#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::cli {

/// File-derived text made safe for a terminal: io::escape_bytes (control characters, escape
/// sequences and bytes that are not UTF-8 become "\xNN"; UTF-8 passes through).
[[nodiscard]] std::string printable(std::string_view text);

/// Appends the shortest text that reads back to the same double (exact round trip).
void append_number(std::string& line, double value);

/// "1 h 02 min 03.5 s" style.
[[nodiscard]] std::string format_duration(double seconds);

/// Channel table: index, original label, normalized label, type, rate, unit.
void print_channel_table(const io::Header& header, std::ostream& os);

}  // namespace eegtrack::cli
