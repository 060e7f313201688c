#pragma once

#include <string>

namespace eegtrack::features {

/// Hemisphere of a channel (for a bipolar derivation: of both electrodes; the caller decides
/// how to classify chains that cross the midline).
enum class Side { Left, Midline, Right };

/// Scalp region of a channel. The enumerators mirror eegtrack::io::Region so the pipeline can
/// map one onto the other; ear and mastoid sites and anything unclassified are Other.
enum class Region { Frontal, Central, Temporal, Parietal, Occipital, Other };

/// Where a channel sits on the scalp, filled by the caller (features does not parse labels).
struct ChannelSite {
  std::string label;  ///< e.g. "T7" or "Fp1-F7"; used to pair homologous channels
  Side side = Side::Midline;
  Region region = Region::Other;
  std::string homologous;  ///< label of the mirror channel on the other side ("T8"), or empty
};

/// "left", "midline", "right".
[[nodiscard]] inline const char* to_string(Side side) noexcept {
  switch (side) {
    case Side::Left:
      return "left";
    case Side::Right:
      return "right";
    default:
      return "midline";
  }
}

/// "frontal", "central", "temporal", "parietal", "occipital", "other".
[[nodiscard]] inline const char* to_string(Region region) noexcept {
  switch (region) {
    case Region::Frontal:
      return "frontal";
    case Region::Central:
      return "central";
    case Region::Temporal:
      return "temporal";
    case Region::Parietal:
      return "parietal";
    case Region::Occipital:
      return "occipital";
    default:
      return "other";
  }
}

}  // namespace eegtrack::features
