#include "eegtrack/report/html_escape.hpp"

#include <cstddef>
#include <cstdint>

namespace eegtrack::report {
namespace {

// Length of the well-formed UTF-8 sequence at text[i] (Unicode 15, table 3-7), 0 when the
// bytes there do not start one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[i + k]); };
  const auto in = [](std::uint8_t b, std::uint8_t lo, std::uint8_t hi) {
    return b >= lo && b <= hi;
  };
  const std::size_t left = text.size() - i;
  const std::uint8_t b0 = byte(0);
  if (b0 < 0x80)
    return 1;
  if (in(b0, 0xC2, 0xDF))
    return left >= 2 && in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    if (left < 3)
      return 0;
    const std::uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    const std::uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    if (left < 4)
      return 0;
    const std::uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;  // no overlong forms
    const std::uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool is_unwanted_control(char c) {
  const auto b = static_cast<std::uint8_t>(c);
  return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0 || (n == 1 && is_unwanted_control(text[i]))) {
      out += kReplacementCharacter;
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string escape_html(std::string_view text) {
  const std::string clean = valid_utf8(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (const char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace eegtrack::report
