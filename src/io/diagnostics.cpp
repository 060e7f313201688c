#include "diagnostics.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace eegtrack::io::detail {

std::string format_number(double value) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr};
}

std::string header_location(int byte_offset, std::string_view field) {
  return "header byte " + std::to_string(byte_offset) + " (" + std::string(field) + ")";
}

std::string signal_location(int signal, std::string_view field) {
  return "signal " + std::to_string(signal) + " (" + std::string(field) + ")";
}

std::string field_text(Diagnostics& diag, std::string_view raw, const std::string& location) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c < 32 || c > 126) {
      char code[8];
      std::snprintf(code, sizeof code, "0x%02X", c);
      diag.deviation(location, "non-printable or non-ASCII byte " + std::string(code) +
                                   " at field offset " + std::to_string(i));
      break;  // one deviation per field is enough to locate the problem
    }
  }
  // NUL or other control padding is trimmed like spaces: some writers pad with NUL.
  const auto is_pad = [](char c) { return static_cast<unsigned char>(c) <= 32; };
  std::size_t begin = 0;
  std::size_t end = raw.size();
  while (begin < end && is_pad(raw[begin]))
    ++begin;
  while (end > begin && is_pad(raw[end - 1]))
    --end;
  if (begin > 0 && begin < end)
    diag.deviation(location,
                   "field is not left-aligned (" + std::to_string(begin) + " leading blanks)");
  return std::string(raw.substr(begin, end - begin));
}

long long parse_integer_field(Diagnostics& diag, const std::string& text,
                              const std::string& location) {
  long long value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (!text.empty() && *first == '+')
    ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc() && ptr == last && first != last)
    return value;
  const double decimal = parse_decimal_field(diag, text, location);
  if (decimal != std::floor(decimal) || std::fabs(decimal) > 9.0e15)
    diag.fail(location + ": '" + text + "' is not an integer");
  diag.deviation(location, "integer written as a decimal ('" + text + "')");
  return static_cast<long long>(decimal);
}

double parse_decimal_field(Diagnostics& diag, const std::string& text,
                           const std::string& location) {
  std::string work = text;
  if (const auto comma = work.find(','); comma != std::string::npos) {
    work[comma] = '.';
    diag.deviation(location, "decimal comma in '" + text + "'");
  }
  const char* first = work.data();
  const char* last = work.data() + work.size();
  if (!work.empty() && *first == '+')
    ++first;
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (first == last || ec != std::errc() || ptr != last || !std::isfinite(value))
    diag.fail(location + ": '" + text + "' does not parse as a number");
  return value;
}

}  // namespace eegtrack::io::detail
