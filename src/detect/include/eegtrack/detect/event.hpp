#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::detect {

/// ACNS 2021 critical-care terms (CLINICAL.md §5) plus interictal discharges and seizures.
enum class EventType { Spike, Sharp, GPD, LPD, BIPD, GRDA, LRDA, BIRD, Seizure };

/// Where an event is: one hemisphere, both (generalized or bilateral independent), or midline.
enum class Laterality { Left, Right, Bilateral, Midline, Unknown };

/// "spike", "sharp", "GPD", "LPD", "BIPD", "GRDA", "LRDA", "BIRD", "seizure".
[[nodiscard]] const char* to_string(EventType type) noexcept;
/// "left", "right", "bilateral", "midline", "unknown".
[[nodiscard]] const char* to_string(Laterality side) noexcept;
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
  Laterality side = Laterality::Unknown;
  std::string region{};  ///< "frontal", ..., "occipital"; empty when generalized or unknown
  std::string focus{};   ///< electrode of maximum (negativity for IEDs), e.g. "T7"; may be empty
  /// Repetition frequency (patterns, seizures) or NaN for single discharges.
  double frequency_hz = std::numeric_limits<double>::quiet_NaN();
  double confidence = 0.0;  ///< [0, 1]; 1 = every criterion met with margin
  /// ACNS modifiers and notes, space separated: "+F", "+R", "+S", "evolving", "triphasic", ...
  std::string modifiers{};
};

/// Events sorted by onset, then type, then first channel (a stable order for outputs).
void sort_events(std::vector<Event>& events);

}  // namespace eegtrack::detect
