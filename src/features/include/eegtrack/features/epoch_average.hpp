#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "eegtrack/dsp/psd.hpp"

namespace eegtrack::features {

/// Mean PSD over the kept epochs of the chosen channels: row i of the result is the arithmetic
/// mean of epochs.at(e, channels[i]) over the epochs e with keep_epoch[e] (all epochs when
/// keep_epoch is empty). Averaging linear power over clean epochs is how the posterior dominant
/// rhythm and the symmetry indices are computed on a whole recording.
/// @throws std::invalid_argument if channels is empty, a channel index is out of range,
///         keep_epoch is non-empty with a size other than n_epochs, or no epoch is kept.
[[nodiscard]] dsp::PsdMatrix mean_over_epochs(const dsp::EpochPsd& epochs,
                                              std::span<const std::size_t> channels,
                                              const std::vector<bool>& keep_epoch = {});

}  // namespace eegtrack::features
