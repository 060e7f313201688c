#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace eegtrack::features {

/// Why an epoch of one channel is suspect; values are bits so several reasons combine into one
/// mask (`Flat | Clipping`). Thresholds and their sources: docs/artifacts-and-continuity.md.
enum class ArtifactReason : std::uint32_t {
  None = 0,
  Flat = 1U << 0,          ///< near-zero variance or a long run of identical samples
  Clipping = 1U << 1,      ///< samples held at the channel's physical (digital) limits
  Amplitude = 1U << 2,     ///< a deviation from the epoch median beyond amplitude_limit_uv
  Muscle = 1U << 3,        ///< excess 30-70 Hz power relative to 1-30 Hz (EMG)
  ElectrodePop = 1U << 4,  ///< an isolated one-sample step whose displacement persists
  LineNoise = 1U << 5,     ///< a prominent 50 or 60 Hz peak (reported, not rejected by default)
  /// Above amplitude_limit_uv together with neighbouring channels: a cerebral field, kept
  /// (spare_cerebral_fields, cerebral_field.hpp). Never rejects; replaces Amplitude and brief
  /// Clipping on the entries it marks.
  HighAmplitudeField = 1U << 6,
  /// A blink or eye movement on a periocular channel (flag_ocular, ocular.hpp): kept out of the
  /// background measures; it rejects, but never makes a channel bad.
  Ocular = 1U << 7,
};

/// Union of two masks.
[[nodiscard]] constexpr ArtifactReason operator|(ArtifactReason a, ArtifactReason b) {
  return static_cast<ArtifactReason>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}
/// Intersection of two masks.
[[nodiscard]] constexpr ArtifactReason operator&(ArtifactReason a, ArtifactReason b) {
  return static_cast<ArtifactReason>(static_cast<std::uint32_t>(a) & static_cast<std::uint32_t>(b));
}
/// Adds the reasons of b to a.
constexpr ArtifactReason& operator|=(ArtifactReason& a, ArtifactReason b) {
  return a = a | b;
}
/// True when mask holds any bit of reasons.
[[nodiscard]] constexpr bool has_any(ArtifactReason mask, ArtifactReason reasons) {
  return (mask & reasons) != ArtifactReason::None;
}
/// Every technical reason but LineNoise, and eye movements: the default set of reasons that
/// reject an epoch (HighAmplitudeField is a finding, never a reason to reject).
inline constexpr ArtifactReason kRejectingReasons =
    ArtifactReason::Flat | ArtifactReason::Clipping | ArtifactReason::Amplitude |
    ArtifactReason::Muscle | ArtifactReason::ElectrodePop | ArtifactReason::Ocular;

/// Lower-case names joined by '|' in bit order ("flat|clipping"), "none" for an empty mask.
[[nodiscard]] std::string to_string(ArtifactReason mask);

/// Physical range of a channel in delivered units (µV), i.e. the values of the digital limits
/// after scaling (EDF header physical_min/physical_max times unit_scale). Either order.
struct ChannelRange {
  double physical_min_uv = 0.0;
  double physical_max_uv = 0.0;
};

/// Thresholds of screen_epoch. Defaults are justified in docs/artifacts-and-continuity.md; they
/// assume EEG high-passed at about 0.5 Hz (the amplitude test compares with the epoch median).
struct ArtifactParams {
  double flat_std_uv = 0.5;      ///< Flat when the epoch's standard deviation is below this
  double flat_run_s = 0.5;       ///< ... or when this long a run of identical samples occurs
  double clip_tolerance = 1e-6;  ///< a sample is at a limit within this fraction of the range
  double clip_fraction = 5e-3;   ///< Clipping when more than this fraction is at a limit
  double clip_run_s =
      0.1;  ///< without a range: Clipping when the epoch max or min is held this long
  double amplitude_limit_uv = 500.0;  ///< Amplitude when max |x - median(x)| exceeds this
  double muscle_low_hz = 30.0;        ///< start of the EMG band
  double muscle_high_hz = 70.0;       ///< end of the EMG band (clamped to Nyquist - 1 Hz)
  double muscle_ratio = 0.5;          ///< Muscle when P(EMG band) / P(1-30 Hz) exceeds this
  double line_exclusion_hz = 2.0;     ///< EMG band leaves out 50 and 60 Hz +- this
  double pop_step_z = 30.0;           ///< a step exceeds this many robust SDs of the differences
  double pop_min_step_uv = 100.0;     ///< ... and this absolute size
  double pop_window_s = 0.1;          ///< levels before/after the step: medians over this span
  double pop_persistence = 0.5;       ///< level shift must keep this fraction of the step
  double line_prominence_db = 20.0;   ///< LineNoise when the 50/60 Hz peak exceeds its
                                      ///< 2-6 Hz neighbours' median by this (dsp::detect_mains)
  double psd_segment_s = 1.0;  ///< Welch segment (Hann, 50 %); shortened to the epoch if longer
  ArtifactReason reject_reasons = kRejectingReasons;  ///< reasons that reject an epoch
  /// spare_cerebral_fields (cerebral_field.hpp): an entry rejected only for amplitude (and
  /// clipping shorter than field_max_clip_run_s) is kept when at least field_min_neighbours
  /// neighbours within field_neighbour_deg are above the limit too, unless the field is one
  /// electrode's or frontal only (ocular).
  bool spare_high_amplitude_fields = true;
  double field_neighbour_deg = 46.0;     ///< channels whose centres are this close are neighbours
  std::size_t field_min_neighbours = 2;  ///< neighbours above the limit that make a field
  double field_max_clip_run_s = 0.25;    ///< a limit held this long is saturation: no field
  /// flag_ocular (ocular.hpp): a periocular channel carries an eye movement when its slow
  /// amplitude reaches ocular_min_uv and ocular_ratio times the posterior channels' median, on
  /// both sides of the head.
  bool screen_ocular = true;
  double ocular_ratio = 4.0;
  double ocular_min_uv = 40.0;
  double ocular_smooth_s = 0.15;  ///< moving-average width of the slow amplitude (applied twice)
};

/// Checks every threshold on its own, before any data is seen.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const ArtifactParams& params);

/// Verdict on one epoch of one channel plus the measured values behind it, so a report can
/// show why an epoch was rejected. Measures that could not be computed are NaN (e.g. the EMG
/// ratio below 35 Hz Nyquist) and never raise a flag.
struct ArtifactScreen {
  ArtifactReason reasons = ArtifactReason::None;  ///< every test that fired
  bool rejected = false;                          ///< reasons & params.reject_reasons is not empty
  double std_uv = 0.0;                            ///< population standard deviation
  double longest_constant_run_s = 0.0;            ///< longest run of identical consecutive samples
  double clipped_fraction = 0.0;  ///< fraction of samples at a limit (0 without a range)
  /// Longest run of samples at a limit; without a range, at the epoch's own maximum or minimum.
  double longest_clipped_run_s = 0.0;
  /// max |x - median(x)|; NaN when the epoch's range (max - min) is within amplitude_limit_uv:
  /// then no sample can deviate beyond the limit and the median is not computed.
  double max_deviation_uv = 0.0;
  double muscle_ratio = 0.0;  ///< P(EMG band) / P(1-30 Hz)
  /// Largest |x[i+1] - x[i]| in robust SDs (1.4826 MAD); NaN when no step reaches
  /// pop_min_step_uv (then no pop is possible and the robust SD is not computed).
  double max_step_z = 0.0;
  std::ptrdiff_t pop_sample = -1;   ///< sample after the first accepted pop step, -1 if none
  double line_prominence_db = 0.0;  ///< max of the 50 and 60 Hz prominences
};

/// Screens one epoch of one channel for the artifacts of ArtifactReason. The electrode-pop test
/// is per channel; the rule that a pop shows in one channel only is the caller's (compare
/// pop_sample across channels).
/// @param samples the epoch, µV, at least max(8, 0.25 s) samples.
/// @param sample_rate_hz > 0.
/// @param range physical range of the channel; without it clipping is judged by a held extreme.
/// @throws std::invalid_argument ("screen_epoch: ... (value)") for a too short epoch,
///         sample_rate_hz <= 0, non-finite samples, a degenerate range or inconsistent params.
[[nodiscard]] ArtifactScreen screen_epoch(std::span<const double> samples, double sample_rate_hz,
                                          const std::optional<ChannelRange>& range = std::nullopt,
                                          const ArtifactParams& params = {});

/// screen_epoch with the channel's population SD already measured by channel_stds (the same
/// value screen_epoch would measure).
[[nodiscard]] ArtifactScreen screen_epoch(std::span<const double> samples, double sample_rate_hz,
                                          const std::optional<ChannelRange>& range,
                                          const ArtifactParams& params, double std_uv);

/// Population SD of each channel as screen_epoch measures it: the mean, then the squared
/// deviations, each channel's sums in sample order, to the same bits. Several channels are
/// summed side by side, so that their chains of additions overlap.
[[nodiscard]] std::vector<double> channel_stds(std::span<const std::vector<double>> channels);

}  // namespace eegtrack::features
