#include "eegtrack/io/annotation_filter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::io {
namespace {

// Words that describe an EEG recording or an event during it. Kept lower-case and sorted for
// binary search. Adding a word here lets it through every de-identified output: it must not be
// a common first or last name.
constexpr std::array kVocabulary = {"a",           "absence",
                                    "after",       "alpha",
                                    "and",         "apnea",
                                    "arm",         "arousal",
                                    "artefact",    "artifact",
                                    "asleep",      "at",
                                    "awake",       "before",
                                    "begin",       "beta",
                                    "bilateral",   "bird",
                                    "blink",       "blinks",
                                    "burst",       "button",
                                    "by",          "calibration",
                                    "chewing",     "clinical",
                                    "clonic",      "closed",
                                    "cough",       "delta",
                                    "discharge",   "drowsy",
                                    "during",      "ecg",
                                    "edf",         "eeg",
                                    "ekg",         "electrode",
                                    "emg",         "end",
                                    "eog",         "epoch",
                                    "event",       "eye",
                                    "eyes",        "flash",
                                    "focal",       "for",
                                    "from",        "gamma",
                                    "gen",         "generalized",
                                    "gpd",         "grda",
                                    "hand",        "head",
                                    "hv",          "hyperventilation",
                                    "hz",          "impedance",
                                    "in",          "ips",
                                    "jerk",        "left",
                                    "leg",         "lights",
                                    "lpd",         "lrda",
                                    "marker",      "min",
                                    "movement",    "ms",
                                    "myoclonic",   "new",
                                    "no",          "noise",
                                    "not",         "of",
                                    "off",         "offset",
                                    "on",          "onset",
                                    "open",        "or",
                                    "pause",       "pdr",
                                    "periodic",    "photic",
                                    "pop",         "post",
                                    "pre",         "ps",
                                    "pushbutton",  "recording",
                                    "rem",         "resume",
                                    "rhythmic",    "right",
                                    "s",           "seizure",
                                    "sharp",       "sleep",
                                    "spike",       "spikes",
                                    "stage",       "start",
                                    "starts",      "stimulation",
                                    "stop",        "subclinical",
                                    "suppression", "swallow",
                                    "talking",     "the",
                                    "then",        "theta",
                                    "time",        "to",
                                    "tonic",       "total",
                                    "twitch",      "video",
                                    "wake",        "wave",
                                    "waves",       "with",
                                    "yawn"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool in_vocabulary(std::string_view word) {
  const auto w = lower(word);
  return std::binary_search(kVocabulary.begin(), kVocabulary.end(), w,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

// Blanks and brackets separate tokens and are kept: "[Total time]+62.000" is judged as
// "Total", "time" and "+62.000".
bool is_separator(char c) {
  return std::string_view(" \t\n\r[](){}<>\"").find(c) != std::string_view::npos;
}

bool is_punctuation(char c) {
  return std::string_view("[](){}<>\"'.,;:!?*#").find(c) != std::string_view::npos;
}

const std::regex& short_code() {  // Fp1, Cz, T0, N2, AF10
  static const std::regex r("[A-Za-z]{1,2}[0-9zZ]{1,2}");
  return r;
}
const std::regex& small_number() {  // +62.000, 3.5Hz, 20%, -1
  static const std::regex r("[+-]?[0-9]{1,3}([.,][0-9]+)?(hz|Hz|HZ|s|ms|min|h|%|uV|mV)?");
  return r;
}
const std::regex& clock_time() {
  static const std::regex r("[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?");
  return r;
}
const std::regex& date_like() {
  static const std::regex r("[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}");
  return r;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One part of a compound (no blank, no '-', '/', '_').
// `mask`: the removed text becomes as many 'X' as it had bytes, instead of a placeholder.
std::string removed(const std::string& text, const char* placeholder, bool mask) {
  return mask ? std::string(text.size(), 'X') : std::string(placeholder);
}

std::string filtered_part(const std::string& part, bool mask) {
  if (part.empty() || part.size() == 1 || in_vocabulary(part) ||
      std::regex_match(part, short_code()) || std::regex_match(part, small_number()))
    return part;
  return removed(part, has_digit(part) ? "[number]" : "[word]", mask);
}

std::string filtered_core(const std::string& core, bool mask) {
  if (core.empty())
    return core;
  if (std::regex_match(core, date_like()))
    return removed(core, "[date]", mask);
  if (std::regex_match(core, clock_time()) || std::regex_match(core, small_number()))
    return core;
  std::string out;
  std::string part;
  for (const char c : core) {
    if (c == '-' || c == '/' || c == '_') {
      out += filtered_part(part, mask) + c;
      part.clear();
    } else {
      part += c;
    }
  }
  return out + filtered_part(part, mask);
}

std::string filtered_token(const std::string& token, bool mask) {
  std::size_t begin = 0;
  std::size_t end = token.size();
  while (begin < end && is_punctuation(token[begin]))
    ++begin;
  while (end > begin && is_punctuation(token[end - 1]))
    --end;
  return token.substr(0, begin) + filtered_core(token.substr(begin, end - begin), mask) +
         token.substr(end);
}

std::string filtered(std::string_view text, bool mask) {
  std::string out;
  std::string token;
  for (const char c : text) {
    if (is_separator(c)) {
      out += filtered_token(token, mask);
      out += c;
      token.clear();
    } else {
      token += c;
    }
  }
  return out + filtered_token(token, mask);
}

}  // namespace

std::string deidentified_annotation(std::string_view text) {
  return escape_bytes(filtered(text, false));
}

std::string masked_annotation(std::string_view text) {
  return filtered(text, true);
}

std::string shown_annotation(std::string_view text, bool show_identifiers) {
  return show_identifiers ? escape_bytes(text) : deidentified_annotation(text);
}

}  // namespace eegtrack::io
