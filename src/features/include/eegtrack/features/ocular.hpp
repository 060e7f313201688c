#pragma once

// Eye movements and blinks. The eye is a dipole (cornea positive): a blink or a vertical
// movement puts a slow potential of 100 µV and more on the frontopolar electrodes, and a
// lateral movement puts opposite potentials on F7 and F8. Seen through one channel such a wave
// is delta, and in an awake, eyes-open EEG it is there every few seconds: left in, it makes
// every awake recording look slow. The brain's own frontal delta (frontal intermittent rhythmic
// delta, focal frontal slowing) differs in its field: it reaches the central electrodes, or it
// is on one side only, while the ocular potential falls off steeply behind the eyes and is on
// both sides at once (docs/artifacts-and-continuity.md, "Eye movements").

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::features {

/// How a channel takes part in the ocular screen.
enum class OcularRole {
  Periocular,  ///< has an electrode next to the eyes: Fp*, AF*, F7, F8, F9, F10, Nz
  Posterior,   ///< every electrode behind the frontal rows (central, temporal, parietal, occipital)
  Other,       ///< frontal (F, FC rows) or no scalp electrode: neither carries nor measures it
};

/// One channel of the ocular layout.
struct OcularChannel {
  OcularRole role = OcularRole::Other;
  sites::Side side = sites::Side::Midline;  ///< of a periocular channel's periocular electrodes
};

/// The roles of a montage's channels; built once per recording.
struct OcularLayout {
  std::vector<OcularChannel> channels;
  [[nodiscard]] bool usable() const noexcept;  ///< has periocular and posterior channels
};

/// Layout of channels given by the electrodes that enter each one (sites::electrodes_of of its
/// derivation), in the order of the screens.
[[nodiscard]] OcularLayout ocular_layout(
    std::span<const std::vector<std::string>> channel_electrodes);

/// Slow amplitude of one epoch of one channel: max |s - median(s)| of the signal smoothed twice
/// by a moving average of `smooth_s` (a triangular low-pass: blinks and eye movements, 0.2-1 s
/// long, pass; alpha and faster activity do not). µV.
/// @throws std::invalid_argument for smooth_s or sample_rate_hz <= 0.
[[nodiscard]] double slow_amplitude_uv(std::span<const double> samples, double sample_rate_hz,
                                       double smooth_s);

/// Marks the ocular entries of one epoch (screens of all channels, after screen_epoch). Let B be
/// the median slow amplitude of the posterior channels. The epoch holds an eye movement when
/// periocular channels on both sides (a midline channel counts for both) reach
/// params.ocular_min_uv and params.ocular_ratio x B; each such periocular channel gains
/// ArtifactReason::Ocular and `rejected` is recomputed with params.reject_reasons. Nothing is
/// marked when params.screen_ocular is false or the layout is not usable.
/// @throws std::invalid_argument ("flag_ocular: ...") when samples, screens and layout differ
///         in size.
void flag_ocular(std::span<const std::vector<double>> samples, double sample_rate_hz,
                 std::span<ArtifactScreen> screens, const OcularLayout& layout,
                 const ArtifactParams& params = {});

}  // namespace eegtrack::features
