#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "eegtrack/features/artifacts.hpp"

namespace eegtrack::features {

/// Number of ArtifactReason bits (Flat .. Ocular).
inline constexpr std::size_t kArtifactReasonCount = 8;

/// Parameters of the summaries over epochs and channels.
struct ArtifactSummaryParams {
  ArtifactReason reject_reasons = kRejectingReasons;  ///< reasons that reject an epoch
  double bad_channel_fraction = 0.5;  ///< a channel is bad when more than this is rejected
};

/// One channel over a recording: how often it was rejected and why.
struct ChannelArtifactSummary {
  std::size_t n_epochs = 0;
  std::size_t n_rejected = 0;      ///< epochs with a rejecting reason
  double rejected_fraction = 0.0;  ///< n_rejected / n_epochs
  /// More than bad_channel_fraction of the epochs rejected for technical reasons: eye movements
  /// (Ocular) reject a frontopolar channel's epochs but do not make the channel bad.
  bool bad = false;
  /// Epochs showing each reason, indexed by bit position (0 = Flat ... 7 = Ocular).
  std::array<std::size_t, kArtifactReasonCount> reason_counts{};
};

/// Summary of one channel from its per-epoch masks (in time order, one per epoch).
/// @throws std::invalid_argument ("summarize_channel: ...") for no epochs or
///         bad_channel_fraction outside [0, 1).
[[nodiscard]] ChannelArtifactSummary summarize_channel(std::span<const ArtifactReason> epoch_masks,
                                                       const ArtifactSummaryParams& params = {});

/// One epoch across channels: which channels are usable.
struct EpochArtifactSummary {
  std::vector<bool> channel_kept;  ///< per channel: no rejecting reason
  std::size_t n_kept = 0;
  double kept_fraction = 0.0;                     ///< n_kept / number of channels
  ArtifactReason reasons = ArtifactReason::None;  ///< union over the channels
  std::size_t n_pop_channels = 0;  ///< channels flagged ElectrodePop (a true pop shows in one)
};

/// Combines the masks of all channels of one epoch (one mask per channel).
/// @throws std::invalid_argument ("combine_channels: ...") for no channels.
[[nodiscard]] EpochArtifactSummary combine_channels(std::span<const ArtifactReason> channel_masks,
                                                    const ArtifactSummaryParams& params = {});

}  // namespace eegtrack::features
