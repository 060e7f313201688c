#include "eegtrack/io/tal_parser.hpp"

#include <charconv>

namespace eegtrack::io {

namespace {

constexpr char kDuration = '\x15';
constexpr char kSeparator = '\x14';

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Length of "digits[.digits]" at the start of s (0 if none).
std::size_t number_length(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i]))
    ++i;
  if (i == 0)
    return 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i]))
      ++i;
  }
  return i;
}

// Whether s starts with a syntactically complete "+onset[\x15duration]\x14".
bool looks_like_tal_start(std::string_view s) {
  if (s.empty() || (s[0] != '+' && s[0] != '-'))
    return false;
  std::size_t i = 1 + number_length(s.substr(1));
  if (i == 1)
    return false;
  if (i < s.size() && s[i] == kDuration) {
    const std::size_t d = number_length(s.substr(i + 1));
    if (d == 0)
      return false;
    i += 1 + d;
  }
  return i < s.size() && s[i] == kSeparator;
}

// Whether text is exactly "+s[.f]" or "-s[.f]".
bool is_bare_onset(std::string_view text) {
  return text.size() > 1 && (text[0] == '+' || text[0] == '-') &&
         number_length(text.substr(1)) == text.size() - 1;
}

bool parse_number(std::string_view text, double& value) {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first != last && *first == '+')
    ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  return first != last && ec == std::errc() && ptr == last;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size())
      return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
        return false;
    }
    i += n;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// Parses the onset and optional duration up to the first 0x14; returns false if malformed.
bool parse_timing(std::string_view head, Tal& tal, TalParse& out) {
  const auto dur = head.find(kDuration);
  const std::string_view onset = head.substr(0, dur);
  const bool strict_onset = (onset.size() > 1 && (onset[0] == '+' || onset[0] == '-') &&
                             number_length(onset.substr(1)) == onset.size() - 1);
  if (!parse_number(onset, tal.onset_s)) {
    out.problems.push_back("TAL onset '" + std::string(onset) + "' does not parse; TAL skipped");
    return false;
  }
  if (!strict_onset)
    out.problems.push_back("TAL onset '" + std::string(onset) + "' is not of the form +s[.f]");
  if (dur == std::string_view::npos)
    return true;
  const std::string_view duration = head.substr(dur + 1);
  if (!parse_number(duration, tal.duration_s) || tal.duration_s < 0.0) {
    out.problems.push_back("TAL duration '" + std::string(duration) + "' does not parse; set to 0");
    tal.duration_s = 0.0;
    return true;
  }
  if (number_length(duration) != duration.size())
    out.problems.push_back("TAL duration '" + std::string(duration) + "' is not of the form s[.f]");
  tal.has_duration = true;
  return true;
}

std::string clean_text(std::string_view raw, TalParse& out) {
  if (valid_utf8(raw))
    return std::string(raw);
  out.problems.push_back("annotation text is not valid UTF-8; read as Latin-1");
  return latin1_to_utf8(raw);
}

// Parses one TAL starting at pos; returns the position after it.
std::size_t parse_one(std::string_view bytes, std::size_t pos, TalParse& out) {
  const std::size_t end_of_tal = std::min(bytes.find('\0', pos), bytes.size());
  const std::size_t sep = bytes.find(kSeparator, pos);
  Tal tal;
  if (bytes[pos] != '+' && bytes[pos] != '-') {
    out.problems.push_back("TAL does not start with '+' or '-'; skipped");
    return end_of_tal;
  }
  if (sep == std::string_view::npos || sep > end_of_tal) {
    out.problems.push_back("TAL onset is not followed by 0x14; skipped");
    return end_of_tal;
  }
  if (!parse_timing(bytes.substr(pos, sep - pos), tal, out))
    return end_of_tal;
  std::size_t p = sep + 1;
  bool dropped = false;
  while (p < bytes.size() && bytes[p] != '\0') {
    if (!tal.texts.empty() && looks_like_tal_start(bytes.substr(p))) {
      out.missing_nul = true;  // the next TAL starts without the 0x00 separator
      out.tals.push_back(std::move(tal));
      return p;
    }
    std::size_t q = p;
    while (q < bytes.size() && bytes[q] != kSeparator && bytes[q] != '\0')
      ++q;
    const std::string_view text = bytes.substr(p, q - p);
    if (is_bare_onset(text)) {
      // Nihon Kohden exports repeat the onset as a text of its own; it annotates nothing.
      out.problems.push_back("annotation text '" + std::string(text) +
                             "' is an onset time; dropped");
      out.dropped_onset_text = true;
      dropped = true;
    } else {
      tal.texts.push_back(clean_text(text, out));
    }
    if (q >= bytes.size() || bytes[q] == '\0') {
      out.problems.push_back("annotation text is not terminated by 0x14");
      p = q;
      break;
    }
    p = q + 1;
  }
  if (p >= bytes.size())
    out.problems.push_back("TAL is not terminated by 0x00");
  if (tal.texts.empty() && !dropped)
    out.problems.push_back("TAL has no text field");
  out.tals.push_back(std::move(tal));
  return p + 1;
}

}  // namespace

TalParse parse_tals(std::string_view bytes) {
  TalParse out;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (bytes[pos] == '\0') {
      ++pos;
      continue;
    }
    pos = parse_one(bytes, pos, out);
  }
  if (out.missing_nul)
    out.problems.push_back("TALs not separated by 0x00 (read as separate TALs)");
  return out;
}

}  // namespace eegtrack::io
