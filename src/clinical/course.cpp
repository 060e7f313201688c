#include "eegtrack/clinical/course.hpp"

#include <array>
#include <utility>

namespace eegtrack::clinical {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char*>, N>& words,
                        std::string_view text) {
  for (const auto& [value, word] : words)
    if (text == word)
      return value;
  return std::nullopt;
}

template <class E, std::size_t N>
const char* word_of(const std::array<std::pair<E, const char*>, N>& words, E value) noexcept {
  for (const auto& [v, word] : words)
    if (v == value)
      return word;
  return "?";
}

constexpr std::array<std::pair<Consciousness, const char*>, 4> kConsciousness{
    {{Consciousness::Awake, "awake"},
     {Consciousness::Voice, "voice"},
     {Consciousness::Tactile, "tactile"},
     {Consciousness::Unarousable, "unarousable"}}};
constexpr std::array<std::pair<SeizureFinding, const char*>, 5> kSeizure{
    {{SeizureFinding::None, "none"},
     {SeizureFinding::ClinicalResolved, "clinical_resolved"},
     {SeizureFinding::NonconvulsiveResolved, "nonconvulsive_resolved"},
     {SeizureFinding::Prolonged, "prolonged"},
     {SeizureFinding::Repetitive, "repetitive"}}};
constexpr std::array<std::pair<Edema, const char*>, 3> kEdema{
    {{Edema::None, "none"}, {Edema::Focal, "focal"}, {Edema::Diffuse, "diffuse"}}};
constexpr std::array<std::pair<Hypotension, const char*>, 4> kHypotension{
    {{Hypotension::None, "none"},
     {Hypotension::NoVasopressor, "no_vasopressor"},
     {Hypotension::OneVasopressor, "one_vasopressor"},
     {Hypotension::MultipleVasopressors, "multiple_vasopressors"}}};
constexpr std::array<std::pair<Oxygen, const char*>, 4> kOxygen{
    {{Oxygen::None, "none"},
     {Oxygen::LowFlow, "low_flow"},
     {Oxygen::HighFlow, "high_flow"},
     {Oxygen::PositivePressure, "positive_pressure"}}};

}  // namespace

const char* to_string(Consciousness c) noexcept {
  return word_of(kConsciousness, c);
}
const char* to_string(SeizureFinding s) noexcept {
  return word_of(kSeizure, s);
}
const char* to_string(Edema e) noexcept {
  return word_of(kEdema, e);
}
const char* to_string(Hypotension h) noexcept {
  return word_of(kHypotension, h);
}
const char* to_string(Oxygen o) noexcept {
  return word_of(kOxygen, o);
}
std::optional<Consciousness> parse_consciousness(std::string_view t) {
  return lookup(kConsciousness, t);
}
std::optional<SeizureFinding> parse_seizure_finding(std::string_view t) {
  return lookup(kSeizure, t);
}
std::optional<Edema> parse_edema(std::string_view t) {
  return lookup(kEdema, t);
}
std::optional<Hypotension> parse_hypotension(std::string_view t) {
  return lookup(kHypotension, t);
}
std::optional<Oxygen> parse_oxygen(std::string_view t) {
  return lookup(kOxygen, t);
}

}  // namespace eegtrack::clinical
