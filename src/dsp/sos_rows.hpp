#pragma once
// Private: one pass of an SOS cascade over several channels stored time-major, the channels of
// one instant side by side in vector registers. Shared by the zero-phase filter of a span
// (sosfiltfilt_channels) and the streaming filter bank (SosFilterBank).

#include <cstddef>

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp::detail {

/// run_rows' stride for this many channels: rounded up to whole four-channel registers.
constexpr std::size_t padded_width(std::size_t channels) {
  return (channels + 3) / 4 * 4;
}

/// One pass of the normalised cascade `sos` (a0 == 1) over rows[t * stride + c], t in
/// [0, length), c in [0, stride), forwards or backwards, in place. z0 and z1 hold the sections'
/// states (z0[s * stride + c], z1[s * stride + c]) and are left as the pass ends. Per channel
/// the arithmetic is SosFilter's, operation for operation, so the results are the same bits;
/// the channels of one instant are independent, so the innermost loop runs them side by side
/// instead of waiting on one channel's recursion. The stride must be a multiple of four (pad
/// the rows with zero channels, whose zero states keep them zero).
void run_rows(const Sos& sos, double* z0, double* z1, double* rows, std::size_t length,
              std::size_t stride, bool backwards);

}  // namespace eegtrack::dsp::detail
