#include "eegtrack/io/text_escape.hpp"

#include <cstdint>

namespace eegtrack::io {

namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 if the byte there starts none.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[i + k]); };
  const auto in = [](std::uint8_t b, std::uint8_t lo, std::uint8_t hi) {
    return b >= lo && b <= hi;
  };
  const std::uint8_t b0 = byte(0);
  const std::size_t left = text.size() - i;
  if (b0 < 0x80)
    return 1;
  if (in(b0, 0xC2, 0xDF))
    return left >= 2 && in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    const std::uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    const std::uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    return left >= 3 && in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    const std::uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    return left >= 4 && in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

bool is_hidden_control(char c) {
  const auto b = static_cast<std::uint8_t>(c);
  return (b < 0x20 && c != '\t' && c != '\n') || b == 0x7F;
}

}  // namespace

std::string escape_bytes(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0 || (n == 1 && is_hidden_control(text[i]))) {
      const auto b = static_cast<std::uint8_t>(text[i]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

bool is_clean_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0 || (n == 1 && is_hidden_control(text[i])))
      return false;
    i += n;
  }
  return true;
}

}  // namespace eegtrack::io
