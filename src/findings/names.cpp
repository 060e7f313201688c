#include "eegtrack/findings/names.hpp"

#include <initializer_list>
#include <string>

namespace eegtrack::findings {
namespace {

// Every enumerator is listed once here; matching to_string keeps the spelling in one place.
template <typename E>
std::optional<E> match(std::string_view text, std::initializer_list<E> values) {
  for (E v : values)
    if (text == std::string(to_string(v)))
      return v;
  return std::nullopt;
}

}  // namespace

std::optional<sites::Side> parse_side(std::string_view text) {
  using enum sites::Side;
  return match(text, {Left, Midline, Right});
}

std::optional<sites::Region> parse_region(std::string_view text) {
  using enum sites::Region;
  return match(text, {Frontal, Central, Temporal, Parietal, Occipital, Other});
}

std::optional<features::SlowingGrade> parse_slowing_grade(std::string_view text) {
  using enum features::SlowingGrade;
  return match(text, {None, Mild, Moderate, Severe});
}

std::optional<features::SlowingDistribution> parse_slowing_distribution(std::string_view text) {
  using enum features::SlowingDistribution;
  return match(text, {None, Diffuse, Focal});
}

std::optional<features::ContinuityClass> parse_continuity_class(std::string_view text) {
  using enum features::ContinuityClass;
  return match(text, {Continuous, NearlyContinuous, Discontinuous, BurstSuppression, Suppression});
}

std::optional<detect::EventType> parse_event_type(std::string_view text) {
  using enum detect::EventType;
  return match(text, {Spike, Sharp, GPD, LPD, BIPD, GRDA, LRDA, BIRD, Seizure});
}

std::optional<sites::Laterality> parse_laterality(std::string_view text) {
  using enum sites::Laterality;
  return match(text, {Left, Right, Bilateral, Midline, Unknown});
}

std::optional<detect::PrevalenceCategory> parse_prevalence(std::string_view text) {
  using enum detect::PrevalenceCategory;
  return match(text, {None, Rare, Occasional, Frequent, Abundant, Continuous, Insufficient});
}

std::optional<detect::DurationCategory> parse_duration_category(std::string_view text) {
  using enum detect::DurationCategory;
  return match(text, {VeryBrief, Brief, Intermediate, Long, VeryLong});
}

}  // namespace eegtrack::findings
