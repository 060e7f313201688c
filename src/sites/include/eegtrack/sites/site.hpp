#pragma once

// Where an electrode or a derivation sits on the scalp: hemisphere, region and mirror image.
// Enums, not strings: the words are written only where outputs are (to_string).

#include <optional>
#include <string>
#include <string_view>

#include "eegtrack/sites/derivation.hpp"

namespace eegtrack::sites {

/// Hemisphere of an electrode: odd numbers left, even right, "z" midline.
enum class Side { Left, Midline, Right };

/// Scalp region by electrode row: Fp, AF, F, FC and Nz frontal (prefrontal is not separate);
/// FT, T, TP temporal; C, CP central; P, PO parietal; O, I occipital; A, M auricular (ear or
/// mastoid reference sites). P7/P8 (old T5/T6) are therefore parietal. Other is no scalp
/// region: a channel without a recognised electrode, or one its user does not localise;
/// electrode_site never gives it.
enum class Region { Frontal, Central, Temporal, Parietal, Occipital, Auricular, Other };

/// "left", "midline", "right".
[[nodiscard]] const char* to_string(Side side) noexcept;
/// "frontal", "central", "temporal", "parietal", "occipital", "auricular", "other".
[[nodiscard]] const char* to_string(Region region) noexcept;

/// Where an electrode (or a derivation) sits, and its mirror image for asymmetry measures.
struct ElectrodeSite {
  std::string name;  ///< the label looked up, canonical ("F3", "Fp1-F7", "O1-avg")
  Side side = Side::Midline;
  Region region = Region::Other;
  std::string homologous;  ///< mirror label: F3 -> F4, T7 -> T8, Fp1-F7 -> Fp2-F8, Cz -> Cz
};

/// Site of a derivation: region of its + electrode; side shared by both ends, the lateral one
/// when the other end is midline, Midline when the ends are on opposite sides; an average or
/// referential derivation has the site of its + electrode.
/// @return nullopt when any electrode is not a 10-10 electrode in canonical spelling.
[[nodiscard]] std::optional<ElectrodeSite> derivation_site(const Derivation& derivation);

/// derivation_site of a normalized label: one electrode ("F3"), an average derivation
/// ("F3-avg"), or a bipolar derivation ("Fp1-F7").
[[nodiscard]] std::optional<ElectrodeSite> electrode_site(std::string_view normalized_label);

}  // namespace eegtrack::sites
