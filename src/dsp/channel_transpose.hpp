#pragma once
// Private: moving several channels between one array per channel and one time-major array
// (rows[i * width + c], an instant's channels side by side), the layout in which
// sosfiltfilt_channels runs the channels' recursions in vector registers.

#include <cstddef>
#include <span>
#include <vector>

namespace eegtrack::dsp::detail {

/// rows[i * row_width + c] = channels[c][i] for i in [0, n), c in [0, channels.size()); the
/// row_width - channels.size() values after each row's channels are left as they are.
/// Requires row_width >= channels.size().
void to_time_major(std::span<const double* const> channels, std::size_t n, double* rows,
                   std::size_t row_width);

/// The channels followed by zero channels up to `width` entries: the input of the channels
/// that pad rows to whole vector registers, so that the transposes write them with the rest.
/// The zeros (n of them) are the thread's own, valid until the thread's next call.
std::vector<const double*> with_zero_channels(std::vector<const double*> channels, std::size_t n,
                                              std::size_t width);

/// channels[c][i] = rows[i * row_width + c] for i in [0, n), c in [0, channels.size()).
void from_time_major(const double* rows, std::size_t row_width, std::size_t n,
                     std::span<double* const> channels);

}  // namespace eegtrack::dsp::detail
