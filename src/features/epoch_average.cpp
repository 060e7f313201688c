#include "eegtrack/features/epoch_average.hpp"

#include <stdexcept>
#include <string>

namespace eegtrack::features {
namespace {

void validate(const dsp::EpochPsd& epochs, std::span<const std::size_t> channels,
              const std::vector<bool>& keep_epoch) {
  if (channels.empty())
    throw std::invalid_argument("mean_over_epochs: no channels (0)");
  for (const std::size_t c : channels) {
    if (c >= epochs.n_channels)
      throw std::invalid_argument("mean_over_epochs: channel index out of range (" +
                                  std::to_string(c) + " >= " + std::to_string(epochs.n_channels) +
                                  ")");
  }
  if (!keep_epoch.empty() && keep_epoch.size() != epochs.n_epochs)
    throw std::invalid_argument("mean_over_epochs: keep_epoch size differs from n_epochs (" +
                                std::to_string(keep_epoch.size()) + " vs " +
                                std::to_string(epochs.n_epochs) + ")");
}

}  // namespace

dsp::PsdMatrix mean_over_epochs(const dsp::EpochPsd& epochs, std::span<const std::size_t> channels,
                                const std::vector<bool>& keep_epoch) {
  validate(epochs, channels, keep_epoch);
  const std::size_t nf = epochs.frequencies_hz.size();
  dsp::PsdMatrix out;
  out.frequencies_hz = epochs.frequencies_hz;
  out.psd_uv2_per_hz = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(channels.size()),
                                             static_cast<Eigen::Index>(nf));
  std::size_t kept = 0;
  for (std::size_t e = 0; e < epochs.n_epochs; ++e) {
    if (!keep_epoch.empty() && !keep_epoch[e])
      continue;
    ++kept;
    for (std::size_t i = 0; i < channels.size(); ++i) {
      const auto psd = epochs.at(e, channels[i]);
      for (std::size_t k = 0; k < nf; ++k)
        out.psd_uv2_per_hz(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) += psd[k];
    }
  }
  if (kept == 0)
    throw std::invalid_argument("mean_over_epochs: no epoch kept (0)");
  out.psd_uv2_per_hz /= static_cast<double>(kept);
  return out;
}

}  // namespace eegtrack::features
