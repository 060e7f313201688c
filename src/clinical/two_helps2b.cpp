#include "eegtrack/clinical/two_helps2b.hpp"

#include <cmath>

namespace eegtrack::clinical {

std::optional<int> two_helps2b_eeg_points(const findings::RecordingFindings& findings) {
  using detect::EventType;
  if (!findings::detectors_ran(findings.epileptiform))
    return std::nullopt;
  bool lateralized = false, fast = false, plus = false;
  for (const auto& e : findings.events) {
    const bool pattern = e.type == EventType::GPD || e.type == EventType::LPD ||
                         e.type == EventType::BIPD || e.type == EventType::GRDA ||
                         e.type == EventType::LRDA;
    lateralized = lateralized || e.type == EventType::LPD || e.type == EventType::LRDA ||
                  e.type == EventType::BIPD;
    fast = fast || (pattern && std::isfinite(e.frequency_hz) && e.frequency_hz > 2.0);
    plus = plus || (pattern && e.modifiers.find('+') != std::string::npos);
  }
  const auto& s = findings.epileptiform;
  return (s.bird_count > 0 ? 2 : 0) + (lateralized ? 1 : 0) + (s.spike_count > 0 ? 1 : 0) +
         (fast ? 1 : 0) + (plus ? 1 : 0);
}

}  // namespace eegtrack::clinical
