#pragma once

// Side, region and focus of a rhythmic event from per-channel weights (how strongly each
// derivation took part at the event's onset). Shared by the seizure and BIRD detectors.

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect::detail {

struct OnsetSite {
  sites::Laterality side = sites::Laterality::Unknown;
  std::optional<sites::Region> region;  ///< nullopt unless lateralized or midline
  std::string focus;                    ///< + electrode of the strongest derivation
  std::vector<std::string> channels;    ///< derivations with weight > 0, strongest first
};

/// Lateralized when one hemisphere carries >= `dominance` times the other's summed weight
/// (midline derivations count for neither); Bilateral otherwise; Midline when only midline
/// derivations take part. Region = region of the strongest derivation on the winning side.
[[nodiscard]] OnsetSite locate_onset(const std::vector<DetectionChannel>& channels,
                                     const std::vector<double>& weights, double dominance = 2.0);

}  // namespace eegtrack::detect::detail
