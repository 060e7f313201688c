#pragma once
// The words the outputs use for the enums of the findings, read back: each parse_* is the
// inverse of the layer's to_string and returns nullopt for any other text.

#include <optional>
#include <string_view>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "eegtrack/features/continuity.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::findings {

[[nodiscard]] std::optional<sites::Side> parse_side(std::string_view text);
[[nodiscard]] std::optional<sites::Region> parse_region(std::string_view text);
[[nodiscard]] std::optional<features::SlowingGrade> parse_slowing_grade(std::string_view text);
[[nodiscard]] std::optional<features::SlowingDistribution> parse_slowing_distribution(
    std::string_view text);
[[nodiscard]] std::optional<features::ContinuityClass> parse_continuity_class(
    std::string_view text);
[[nodiscard]] std::optional<detect::EventType> parse_event_type(std::string_view text);
[[nodiscard]] std::optional<sites::Laterality> parse_laterality(std::string_view text);
[[nodiscard]] std::optional<detect::PrevalenceCategory> parse_prevalence(std::string_view text);
[[nodiscard]] std::optional<detect::DurationCategory> parse_duration_category(
    std::string_view text);

}  // namespace eegtrack::findings
