#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/sites/laterality.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::detect {

/// ACNS 2021 critical-care terms (docs/clinical-background.md §5) plus interictal discharges and
/// seizures.
enum class EventType { Spike, Sharp, GPD, LPD, BIPD, GRDA, LRDA, BIRD, Seizure };

/// "spike", "sharp", "GPD", "LPD", "BIPD", "GRDA", "LRDA", "BIRD", "seizure".
[[nodiscard]] const char* to_string(EventType type) noexcept;
/// Inverse of to_string(EventType), exact spelling.
/// @throws std::invalid_argument for any other text.
[[nodiscard]] EventType parse_event_type(std::string_view text);

/// One detected event. Times are true times in seconds from the recording start (EDF+D gaps
/// included), so onsets can be compared across detectors and with annotations.
struct Event {
  EventType type = EventType::Spike;
  double onset_s = 0.0;
  double duration_s = 0.0;
  /// Derivation labels involved, the one with the largest deflection first.
  std::vector<std::string> channels{};
  sites::Laterality side = sites::Laterality::Unknown;
  std::optional<sites::Region> region{};  ///< nullopt when generalized or unknown
  std::string focus{};  ///< electrode of maximum (negativity for IEDs), e.g. "T7"; may be empty
  /// Repetition frequency (patterns, seizures) or NaN for single discharges.
  double frequency_hz = std::numeric_limits<double>::quiet_NaN();
  double confidence = 0.0;  ///< [0, 1]; 1 = every criterion met with margin
  /// ACNS modifiers and notes, space separated: "+F", "+R", "+S", "evolving", "triphasic", ...
  std::string modifiers{};
};

/// Events sorted by onset, then type, then first channel (a stable order for outputs).
void sort_events(std::vector<Event>& events);

/// The event leads from parietal or occipital channels: by its region, or by its focus
/// electrode's when the region is not set (a bilateral field).
[[nodiscard]] bool leads_posteriorly(const Event& e);

}  // namespace eegtrack::detect
