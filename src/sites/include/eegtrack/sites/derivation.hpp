#pragma once

// What a derivation is made of. A montage knows the electrodes of each derivation it plans;
// code that reasons about electrodes (sites, fields, artifact masks) takes them from here
// instead of splitting labels again.

#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::sites {

/// The `minus` of a derivation against the average of the montage's channels.
inline constexpr std::string_view kAverageReference = "avg";

/// One derivation: output = plus - minus.
struct Derivation {
  std::string label;  ///< canonical label: "Fp1-F7", "T7-avg", "T7"
  std::string plus;   ///< electrode of the + input, canonical; empty when none was recognised
  /// Electrode of the - input, kAverageReference for the average, empty when referential.
  std::string minus;
};

/// The derivation a canonical label spells ("Fp1-F7", "T7-avg", "T7"): the text before the
/// first '-' is `plus`, the rest `minus`. For callers that only have labels (tests, files
/// written earlier); a montage plan gives its derivations directly.
[[nodiscard]] Derivation derivation_of(std::string_view label);

/// The electrodes whose signals enter a derivation: plus and minus, without the average
/// reference and without empty parts ("Fp1-F7" -> Fp1, F7; "T7-avg" -> T7).
[[nodiscard]] std::vector<std::string> electrodes_of(const Derivation& derivation);

}  // namespace eegtrack::sites
