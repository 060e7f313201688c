#pragma once

// High amplitude that belongs to the brain. screen_epoch judges one channel at a time, and on one
// channel a 600-µV ictal rhythm and a 600-µV movement swing look alike: both exceed
// amplitude_limit_uv, and their peaks may touch the amplifier's limits. Across channels they
// differ: a cerebral potential has a field, falling off over several neighbouring electrodes,
// while a movement or electrode artifact sits under one electrode, and an eye movement under the
// frontal ones. spare_cerebral_fields keeps the entries that belong to such a field, so that the
// seizure detectors and the spectra see them (docs/artifacts-and-continuity.md, "High-amplitude
// fields").

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/sites/position.hpp"

namespace eegtrack::features {

/// One screened channel as the field test sees it.
struct FieldChannel {
  /// The channel's scalp electrodes, canonical 10-10 names with a position (sorted, unique);
  /// references (average, ear, mastoid) and unknown names are left out.
  std::vector<std::string> electrodes;
  /// Where the channel is measured, on the unit sphere: the centre of its electrodes (their
  /// normalised mean) when they lie within the neighbour angle of each other, else each
  /// electrode's own position (a long derivation such as FT9-FT10 spans the head and has no
  /// meaningful centre; it belongs to the fields at both of its ends). Empty when the channel
  /// has no scalp electrode: such a channel is never spared and supports no field.
  std::vector<sites::ElectrodePosition> anchors;
  bool frontal = false;  ///< every electrode in the frontal region (Fp, AF, F, FC rows)
  /// Channels with an anchor within field_neighbour_deg of one of this channel's anchors, except
  /// those with this channel's own electrodes (a repeated or reversed derivation such as P7-T7
  /// beside T7-P7).
  std::vector<std::size_t> neighbours;
};

/// The channels of a montage with their neighbourhoods; built once per recording.
struct FieldLayout {
  std::vector<FieldChannel> channels;
};

/// Layout of channels given by the electrodes that enter each one (sites::electrodes_of of its
/// derivation: {"Fp1", "F7"} for Fp1-F7, {"T7"} for T7 against a reference).
/// @throws dsp::ParameterError when params fail validate(params).
[[nodiscard]] FieldLayout field_layout(std::span<const std::vector<std::string>> channel_electrodes,
                                       const ArtifactParams& params = {});

/// Keeps the entries of one epoch that are high only because the brain is. Applied to the
/// screens of all channels of one epoch (same order as the layout), after screen_epoch.
///
/// An entry is a candidate when it is above the amplitude limit (Amplitude) and nothing else
/// rejects it but Clipping whose longest run at the limit is shorter than
/// field_max_clip_run_s (the peaks of a large rhythm touching the rail for a few samples;
/// saturation lasts longer). A channel supports a field when it is above the limit, not Flat,
/// and not held at a limit that long. A candidate is spared when
///   1. at least field_min_neighbours of its neighbours support a field (neighbours with the
///      same electrodes, e.g. T7-P7 and P7-T7, count once),
///   2. those supporters and the candidate do not all share one electrode (a bipolar montage
///      shows one electrode's artifact in every derivation through that electrode), and
///   3. they are not all frontal (eye movements and blinks have a frontal field).
/// A spared entry loses Amplitude and Clipping and gains HighAmplitudeField, which never
/// rejects; `rejected` is recomputed with params.reject_reasons. Nothing changes when
/// params.spare_high_amplitude_fields is false.
/// @throws std::invalid_argument ("spare_cerebral_fields: ...") when screens and layout differ
///         in size.
void spare_cerebral_fields(std::span<ArtifactScreen> screens, const FieldLayout& layout,
                           const ArtifactParams& params = {});

}  // namespace eegtrack::features
