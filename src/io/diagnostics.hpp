#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/edf_header.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::io::detail {

/// Collects the strict-report deviations and the tolerant-read warnings of one file while it is
/// being opened, and builds EdfErrors that name the file.
struct Diagnostics {
  std::filesystem::path path;
  std::vector<Deviation> deviations;
  std::vector<std::string> warnings;

  void deviation(std::string location, std::string message) {
    // Messages quote header bytes: escaped here so every report and warning is valid UTF-8.
    deviations.push_back({escape_bytes(location), escape_bytes(message)});
  }
  void warn(const std::string& note) { warnings.push_back(escape_bytes(note)); }
  [[noreturn]] void fail(const std::string& problem) const { throw EdfError(path, problem); }
};

/// A number for a message, in the shortest form that reads back exactly ("1e-300", "256").
[[nodiscard]] std::string format_number(double value);

/// Location text of a fixed-header field: "header byte 168 (startdate)".
[[nodiscard]] std::string header_location(int byte_offset, std::string_view field);
/// Location text of a per-signal field: "signal 3 (label)" (0-based signal index).
[[nodiscard]] std::string signal_location(int signal, std::string_view field);

/// Checks a raw space-padded ASCII header field (printable ASCII, left-aligned) and returns it
/// with the padding trimmed. Deviations go to diag under location.
[[nodiscard]] std::string field_text(Diagnostics& diag, std::string_view raw,
                                     const std::string& location);

/// Parses an integer field; a value written as an integral decimal ("200.0") is accepted with a
/// deviation. @throws EdfError naming location when the text is not a number.
[[nodiscard]] long long parse_integer_field(Diagnostics& diag, const std::string& text,
                                            const std::string& location);
/// Parses a decimal field (leading '+' accepted, ',' as decimal separator with a deviation).
/// @throws EdfError naming location when the text is not a finite number.
[[nodiscard]] double parse_decimal_field(Diagnostics& diag, const std::string& text,
                                         const std::string& location);

}  // namespace eegtrack::io::detail
