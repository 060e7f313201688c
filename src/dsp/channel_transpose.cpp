// Four channels by four instants at a time, transposed in registers: a copy one value at a time
// read or wrote with a stride of the whole row and was a third of the zero-phase filter's own
// time. Tiles of kTile instants keep the rows being written (or read) in the first-level cache
// while every channel visits them. Values are only moved, never computed.

#include "channel_transpose.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::dsp::detail {
namespace {

constexpr std::size_t kTile = 32;

#if defined(__GNUC__)
#define EEGTRACK_TRANSPOSE_IN_REGISTERS 1
using Quad = double __attribute__((vector_size(32)));

// to[k][r] = from[r][k] for a 4 x 4 block.
[[gnu::always_inline]] inline void transpose4(const double* const* from, double* const* to) {
  Quad r0;
  Quad r1;
  Quad r2;
  Quad r3;
  std::memcpy(&r0, from[0], sizeof r0);
  std::memcpy(&r1, from[1], sizeof r1);
  std::memcpy(&r2, from[2], sizeof r2);
  std::memcpy(&r3, from[3], sizeof r3);
  const Quad t0 = __builtin_shufflevector(r0, r1, 0, 4, 2, 6);
  const Quad t1 = __builtin_shufflevector(r0, r1, 1, 5, 3, 7);
  const Quad t2 = __builtin_shufflevector(r2, r3, 0, 4, 2, 6);
  const Quad t3 = __builtin_shufflevector(r2, r3, 1, 5, 3, 7);
  const Quad c0 = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
  const Quad c1 = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
  const Quad c2 = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
  const Quad c3 = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
  std::memcpy(to[0], &c0, sizeof c0);
  std::memcpy(to[1], &c1, sizeof c1);
  std::memcpy(to[2], &c2, sizeof c2);
  std::memcpy(to[3], &c3, sizeof c3);
}
#endif

// Moves every value of `width` channels by n instants from src to dst, where src(c, i) and
// dst(c, i) give the address of channel c's value at instant i. One side holds each channel
// contiguously (channel-major), the other each instant (time-major); kFromChannels says which
// side is the channels'. A 4 x 4 block reads four runs along the source's contiguous axis and
// writes four along the destination's.
template <bool kFromChannels, class Src, class Dst>
[[gnu::always_inline]] inline void move_values(std::size_t width, std::size_t n, Src src, Dst dst) {
  for (std::size_t tile = 0; tile < n; tile += kTile) {
    const std::size_t end = std::min(n, tile + kTile);
    std::size_t c = 0;
#ifdef EEGTRACK_TRANSPOSE_IN_REGISTERS
    for (; c + 4 <= width; c += 4) {
      std::size_t i = tile;
      for (; i + 4 <= end; i += 4) {
        const double* from[4];
        double* to[4];
        for (std::size_t r = 0; r < 4; ++r) {
          from[r] = kFromChannels ? src(c + r, i) : src(c, i + r);
          to[r] = kFromChannels ? dst(c, i + r) : dst(c + r, i);
        }
        transpose4(from, to);
      }
      for (; i < end; ++i)
        for (std::size_t k = 0; k < 4; ++k)
          *dst(c + k, i) = *src(c + k, i);
    }
#endif
    for (; c < width; ++c)
      for (std::size_t i = tile; i < end; ++i)
        *dst(c, i) = *src(c, i);
  }
}

}  // namespace

std::vector<const double*> with_zero_channels(std::vector<const double*> channels, std::size_t n,
                                              std::size_t width) {
  thread_local std::vector<double> zeros;
  if (zeros.size() < n)
    zeros.assign(n, 0.0);
  channels.resize(std::max(width, channels.size()), zeros.data());
  return channels;
}

EEGTRACK_VECTOR_CLONES void to_time_major(std::span<const double* const> channels, std::size_t n,
                                          double* rows, std::size_t row_width) {
  move_values<true>(
      channels.size(), n, [&](std::size_t c, std::size_t i) { return channels[c] + i; },
      [&](std::size_t c, std::size_t i) { return rows + i * row_width + c; });
}

EEGTRACK_VECTOR_CLONES void from_time_major(const double* rows, std::size_t row_width,
                                            std::size_t n, std::span<double* const> channels) {
  move_values<false>(
      channels.size(), n, [&](std::size_t c, std::size_t i) { return rows + i * row_width + c; },
      [&](std::size_t c, std::size_t i) { return channels[c] + i; });
}

}  // namespace eegtrack::dsp::detail
