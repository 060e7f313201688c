#include "eegtrack/clinical/focal_signs.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace eegtrack::clinical {
namespace {

constexpr std::array<std::string_view, 11> kBodySigns{
    "clonus", "clonic",   "twitch",  "jerk",       "weakness", "paresis",
    "plegia", "numbness", "neglect", "hemianopia", "drift"};
constexpr std::array<std::string_view, 7> kBrainPlaces{
    "hemisphere", "temporal", "frontal", "parietal", "occipital", "central", "cerebral"};
constexpr std::array<std::string_view, 4> kNegations{"no ", "without ", "denies ", "not "};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Whole-word test for "left"/"right", so "leftover" or "bright" do not count.
bool has_word(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool start_ok = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + word.size();
    const bool end_ok = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (start_ok && end_ok)
      return true;
  }
  return false;
}

template <std::size_t N>
bool mentions(const std::string& text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string::npos; });
}

std::vector<std::string_view> clauses(std::string_view note) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= note.size(); ++i)
    if (i == note.size() || note[i] == ',' || note[i] == ';' || note[i] == '.') {
      if (i > start)
        out.push_back(note.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

sites::Side opposite(sites::Side side) {
  return side == sites::Side::Left ? sites::Side::Right : sites::Side::Left;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\n");
  const auto last = text.find_last_not_of(" \t\n");
  return first == std::string_view::npos ? std::string()
                                         : std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::optional<FocalSign> focal_sign(std::string_view note) {
  std::optional<FocalSign> aphasia;
  for (const auto clause : clauses(note)) {
    const std::string text = " " + lower(clause);
    if (mentions(text, kNegations))
      continue;
    const bool left = has_word(text, "left");
    const bool right = has_word(text, "right");
    if (left != right) {
      const auto side = left ? sites::Side::Left : sites::Side::Right;
      if (mentions(text, kBrainPlaces))
        return FocalSign{trimmed(clause), side};
      if (mentions(text, kBodySigns))
        return FocalSign{trimmed(clause), opposite(side)};
    }
    if (!aphasia && text.find("aphasi") != std::string::npos)
      aphasia = FocalSign{trimmed(clause), sites::Side::Left};
  }
  return aphasia;
}

}  // namespace eegtrack::clinical
