#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {

/// What a signal measures, as far as its label, unit and transducer tell.
enum class ChannelType { Eeg, Eog, Ecg, Emg, Respiration, Other, Annotation };

/// "EEG", "EOG", "ECG", "EMG", "Resp", "Other", "Annotation".
[[nodiscard]] const char* to_string(ChannelType type) noexcept;

/// A channel label split into electrodes and normalized to 10-10 names (ACNS Guideline 2,
/// Acharya et al., J Clin Neurophysiol 2016;33:308-311). See docs/channels-and-montages.md.
struct ChannelName {
  std::string original;  ///< label as given, trimmed of surrounding blanks, e.g. "EEG T3-REF"
  /// "T7" (referential), "Fp1-F7" (bipolar), or `original` when the label names no electrode.
  std::string normalized;
  ChannelType type = ChannelType::Other;
  bool bipolar = false;   ///< label names two electrodes ("FP1-F7", "EEG Fpz-Cz", "A2-A1")
  std::string plus;       ///< the (first) electrode, canonical; empty when none was recognised
  std::string minus;      ///< second electrode of a bipolar label, canonical; else empty
  std::string reference;  ///< reference token of a referential label as written ("Ref", "A1")
};

/// Normalizes one label and classifies the channel.
/// Rules (in order): annotation signals; type prefixes ("EEG ", "EOG ", "POL " ...); BCI2000
/// trailing dots; reference suffixes (-REF, -LE, -A1, -A2, -M1, -M2, -AVG, -CLE, -AR, -CAR);
/// case (FP1 -> Fp1, fc5 -> FC5); old names T3/T4/T5/T6 -> T7/T8/P7/P8 (never T9/T10).
/// The type comes from the label's keyword, else an electrode name means EEG, else the
/// transducer; EEG/EOG/ECG/EMG with a non-empty, non-voltage unit become Other.
/// @param unit physical dimension ("uV", "mV", "degC"); empty when unknown.
/// Never throws on odd labels: empty, control characters or non-ASCII bytes yield Other.
[[nodiscard]] ChannelName normalize_channel(std::string_view label, std::string_view unit = {},
                                            std::string_view transducer = {},
                                            bool is_annotation = false);

/// normalize_channel for every signal of a header, in header order.
[[nodiscard]] std::vector<ChannelName> normalize_channels(std::span<const SignalInfo> signals);

/// Canonical 10-10 name of one electrode token ("FP1" -> "Fp1", "t3" -> "T7", "Cz.." -> "Cz"),
/// or nullopt when the token is not a 10-10 electrode (A1/A2/M1/M2 and Nz included).
[[nodiscard]] std::optional<std::string> canonical_electrode(std::string_view token);

/// True for the voltage spellings nV, uV, µV (U+00B5, U+03BC, Latin-1 0xB5), mV, V and their
/// lower-case forms; "MV" is not read as a voltage.
[[nodiscard]] bool is_voltage_unit(std::string_view unit) noexcept;

/// Hemisphere of an electrode: odd numbers left, even right, "z" midline.
enum class Side { Left, Midline, Right };
/// Scalp region by electrode row: Fp, AF, F, FC and Nz frontal (prefrontal is not separate);
/// FT, T, TP temporal; C, CP central; P, PO parietal; O, I occipital; A, M auricular (ear or
/// mastoid reference sites). P7/P8 (old T5/T6) are therefore parietal.
enum class Region { Frontal, Central, Temporal, Parietal, Occipital, Auricular };

[[nodiscard]] const char* to_string(Side side) noexcept;
[[nodiscard]] const char* to_string(Region region) noexcept;

/// Where an electrode (or a derivation) sits, and its mirror image for asymmetry measures.
struct ElectrodeSite {
  std::string name;  ///< the label looked up, canonical ("F3", "Fp1-F7", "O1-avg")
  Side side = Side::Midline;
  Region region = Region::Frontal;
  std::string homologous;  ///< mirror label: F3 -> F4, T7 -> T8, Fp1-F7 -> Fp2-F8, Cz -> Cz
};

/// Site of a normalized label: one electrode ("F3"), an average derivation ("F3-avg"), or a
/// bipolar derivation ("Fp1-F7"): region of the first electrode; side shared by both ends,
/// the lateral one when the other end is midline, Midline when the ends are on opposite sides.
/// @return nullopt when any part is not a 10-10 electrode in canonical spelling.
[[nodiscard]] std::optional<ElectrodeSite> electrode_site(std::string_view normalized_label);

/// Every electrode known to canonical_electrode, in canonical spelling, front to back.
[[nodiscard]] std::span<const std::string_view> known_electrodes() noexcept;

/// Idealised position of an electrode on the unit sphere: x to the right ear, y to the nose,
/// z to the vertex (Cz = (0, 0, 1)).
struct ElectrodePosition {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
};

/// Position of a canonical 10-10 electrode name ("T7", "Fp1", "Cz") from the 10-10 arc
/// fractions on a sphere (neighbouring 10-20 electrodes are 22-36 degrees apart).
/// @return nullopt for derivations, unknown names, Nz/Iz-row and ear/mastoid sites.
[[nodiscard]] std::optional<ElectrodePosition> electrode_position(std::string_view name);

/// Angle between two positions seen from the centre of the sphere, in degrees.
[[nodiscard]] double electrode_angle_deg(const ElectrodePosition& a, const ElectrodePosition& b);

}  // namespace eegtrack::io
