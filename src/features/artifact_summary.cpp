#include "eegtrack/features/artifact_summary.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>

namespace eegtrack::features {

ChannelArtifactSummary summarize_channel(std::span<const ArtifactReason> epoch_masks,
                                         const ArtifactSummaryParams& params) {
  if (epoch_masks.empty())
    throw std::invalid_argument("summarize_channel: no epochs (0)");
  if (!(params.bad_channel_fraction >= 0.0 && params.bad_channel_fraction < 1.0)) {
    std::ostringstream os;
    os << "summarize_channel: bad_channel_fraction must lie in [0, 1) ("
       << params.bad_channel_fraction << ")";
    throw std::invalid_argument(os.str());
  }
  ChannelArtifactSummary s;
  s.n_epochs = epoch_masks.size();
  const auto technical =
      static_cast<ArtifactReason>(static_cast<std::uint32_t>(params.reject_reasons) &
                                  ~static_cast<std::uint32_t>(ArtifactReason::Ocular));
  std::size_t n_technical = 0;
  for (const ArtifactReason mask : epoch_masks) {
    if (has_any(mask, params.reject_reasons))
      ++s.n_rejected;
    if (has_any(mask, technical))
      ++n_technical;
    for (std::size_t bit = 0; bit < kArtifactReasonCount; ++bit)
      if (has_any(mask, static_cast<ArtifactReason>(1U << bit)))
        ++s.reason_counts[bit];
  }
  s.rejected_fraction = static_cast<double>(s.n_rejected) / static_cast<double>(s.n_epochs);
  s.bad = static_cast<double>(n_technical) / static_cast<double>(s.n_epochs) >
          params.bad_channel_fraction;
  return s;
}

EpochArtifactSummary combine_channels(std::span<const ArtifactReason> channel_masks,
                                      const ArtifactSummaryParams& params) {
  if (channel_masks.empty())
    throw std::invalid_argument("combine_channels: no channels (0)");
  EpochArtifactSummary s;
  s.channel_kept.reserve(channel_masks.size());
  for (const ArtifactReason mask : channel_masks) {
    const bool kept = !has_any(mask, params.reject_reasons);
    s.channel_kept.push_back(kept);
    if (kept)
      ++s.n_kept;
    if (has_any(mask, ArtifactReason::ElectrodePop))
      ++s.n_pop_channels;
    s.reasons |= mask;
  }
  s.kept_fraction = static_cast<double>(s.n_kept) / static_cast<double>(channel_masks.size());
  return s;
}

}  // namespace eegtrack::features
