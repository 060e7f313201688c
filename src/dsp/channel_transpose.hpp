#pragma once
// Private: moving several channels between one array per channel and one time-major array
// (rows[i * width + c], an instant's channels side by side), the layout in which
// sosfiltfilt_channels runs the channels' recursions in vector registers.

#include <cstddef>
#include <span>

namespace eegtrack::dsp::detail {

/// rows[i * width + c] = channels[c][i] for i in [0, n), c in [0, width = channels.size()).
void to_time_major(std::span<const double* const> channels, std::size_t n, double* rows);

/// channels[c][i] = rows[i * width + c] for i in [0, n), c in [0, width = channels.size()).
void from_time_major(const double* rows, std::size_t n, std::span<double* const> channels);

}  // namespace eegtrack::dsp::detail
