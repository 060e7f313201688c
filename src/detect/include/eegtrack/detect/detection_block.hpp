#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/sites/derivation.hpp"
#include "eegtrack/sites/position.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::detect {

/// One derived channel as a detector sees it.
struct DetectionChannel {
  std::string label;  ///< derivation label, canonical ("T7-avg", "Fp1-F7", "T7")
  /// Site of the derivation (side, region, mirror); nullopt for non-scalp channels.
  std::optional<sites::ElectrodeSite> site{};
  std::string plus{};  ///< electrode of the + input ("T7" for "T7-avg" or "T7-P7"), may be empty
  /// Electrode of the - input, sites::kAverageReference, or empty when referential.
  std::string minus{};
  /// Position of `plus` on the unit sphere, when it is a positioned 10-10 electrode.
  std::optional<sites::ElectrodePosition> position{};
};

/// DetectionChannel entries of a montage's derivations (the electrodes each is made of).
[[nodiscard]] std::vector<DetectionChannel> detection_channels(
    std::span<const sites::Derivation> derivations);

/// DetectionChannel entries from canonical derivation labels, for callers without a montage
/// plan (see sites::derivation_of).
[[nodiscard]] std::vector<DetectionChannel> detection_channels(
    const std::vector<std::string>& labels);

/// A contiguous stretch of multichannel samples in microvolts, as detectors receive it. Blocks
/// of one recording arrive in time order; a block that does not continue the previous one
/// (EDF+D gap, new segment) resets every detector's running state.
struct DetectionBlock {
  double start_s = 0.0;  ///< true time of the first sample
  double sample_rate_hz = 0.0;
  bool continues_previous = false;
  /// samples[c][i]: channel c (same order as the detector's channel list), sample i, µV.
  std::span<const std::vector<double>> samples{};
};

}  // namespace eegtrack::detect
