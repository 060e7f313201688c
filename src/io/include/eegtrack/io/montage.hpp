#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/sites/derivation.hpp"

namespace eegtrack::io {

/// How EEG channels are combined before analysis (ACNS Guideline 3, Acharya et al.,
/// J Clin Neurophysiol 2016;33:312-316).
enum class MontageKind {
  Referential,          ///< each EEG channel as recorded
  Average,              ///< each referential EEG channel minus the mean of the good ones
  LongitudinalBipolar,  ///< "double banana", 18 derivations
  TransverseBipolar,    ///< ACNS transverse bipolar (TB-18), 18 derivations
};

/// Parses "referential" | "as-recorded" | "average" | "car" | "bipolar" | "double-banana" |
/// "longitudinal" | "transverse" (case-insensitive, surrounding blanks ignored).
/// @throws std::invalid_argument naming the value and the accepted choices.
[[nodiscard]] MontageKind parse_montage(std::string_view text);

/// "referential", "average", "double-banana", "transverse" (accepted back by parse_montage).
[[nodiscard]] const char* to_string(MontageKind kind) noexcept;

/// The montage's name for a reader: "as recorded" for Referential (the channels as in the
/// file, bipolar ones included: a CHB-MIT recording is not referential), else to_string.
[[nodiscard]] const char* display_name(MontageKind kind) noexcept;

/// One bipolar derivation of a montage table, canonical 10-10 names: output = plus - minus.
struct ElectrodePair {
  std::string_view plus;
  std::string_view minus;
};

/// The derivation table of a bipolar montage, in display order; empty for Referential and
/// Average, which have no fixed table.
[[nodiscard]] std::span<const ElectrodePair> montage_pairs(MontageKind kind) noexcept;

/// One output channel: samples[plus] - samples[minus] (minus < 0: none), or
/// samples[plus] - mean of MontagePlan::average_members when minus_is_average.
/// Indices refer to the channel list given to plan_montage.
struct Derivation {
  std::string label;  ///< "Fp1-F7", "Fp1-avg", or the normalized name when taken as recorded
  int plus = -1;
  int minus = -1;
  bool minus_is_average = false;
};

/// What to compute, decided once per recording; apply_montage then runs it on each chunk.
struct MontagePlan {
  MontageKind kind = MontageKind::Referential;
  std::vector<Derivation> derivations;
  std::vector<int> average_members;   ///< channels whose mean is the average reference
  std::vector<std::string> warnings;  ///< skipped derivations and channels, one line each
};

/// Chooses the derivations of `kind` from the channels of one recording. Only EEG channels
/// take part; channels listed in `excluded` (e.g. bad ones) take no part at all.
/// - Referential: every EEG channel, as recorded, in input order.
/// - Average: every referential EEG scalp channel minus the mean of all of them; ear/mastoid
///   (A1, A2, M1, M2), bipolar and unrecognised channels are left out with a warning.
/// - Bipolar: each table pair is taken from a recorded bipolar channel with the same two
///   electrodes, else computed from two referential channels; otherwise skipped with a
///   warning that names the missing electrode(s).
/// A second channel with the same normalized label is ignored with a warning.
/// @throws std::invalid_argument if an excluded index is out of range, or for Average when
///   fewer than two referential EEG scalp channels remain (bipolar recordings cannot be
///   re-referenced).
[[nodiscard]] MontagePlan plan_montage(MontageKind kind, const std::vector<ChannelName>& channels,
                                       std::span<const int> excluded = {});

/// Computes every derivation of `plan` from the channels' samples (physical units, e.g. µV).
/// Channels used by the plan must have equal lengths (same rate, same span of time); channels
/// the plan does not use are not read and may differ.
/// @param out one span per derivation, each as long as the input channels.
/// @throws std::invalid_argument if an index exceeds channel_samples, lengths differ, or `out`
///   has the wrong count or lengths.
void apply_montage(const MontagePlan& plan,
                   std::span<const std::span<const double>> channel_samples,
                   std::span<const std::span<double>> out);

/// As above, allocating the output: one vector per derivation.
[[nodiscard]] std::vector<std::vector<double>> apply_montage(
    const MontagePlan& plan, std::span<const std::span<const double>> channel_samples);

/// The electrodes each derivation of `plan` is made of, in plan order, for code that reasons
/// about electrodes (sites, fields, artifact masks) rather than labels.
/// @param channels the list given to plan_montage.
[[nodiscard]] std::vector<sites::Derivation> derivation_electrodes(
    const MontagePlan& plan, const std::vector<ChannelName>& channels);

}  // namespace eegtrack::io
