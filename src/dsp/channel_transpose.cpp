// Four channels by four instants at a time, transposed in registers: a copy one value at a time
// read or wrote with a stride of the whole row and was a third of the zero-phase filter's own
// time. Tiles of kTile instants keep the rows being written (or read) in the first-level cache
// while every channel visits them. Values are only moved, never computed.

#include "channel_transpose.hpp"

#include <algorithm>
#include <cstring>

#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::dsp::detail {
namespace {

constexpr std::size_t kTile = 32;

#if defined(__GNUC__)
#define EEGTRACK_TRANSPOSE_IN_REGISTERS 1
using Quad = double __attribute__((vector_size(32)));

// to[k][r] = from[r][k] for a 4 x 4 block.
inline void transpose4(const double* const from[4], double* const to[4]) {
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

}  // namespace

EEGTRACK_VECTOR_CLONES void to_time_major(std::span<const double* const> channels, std::size_t n,
                                          double* rows) {
  const std::size_t width = channels.size();
  for (std::size_t tile = 0; tile < n; tile += kTile) {
    const std::size_t end = std::min(n, tile + kTile);
    std::size_t c = 0;
#ifdef EEGTRACK_TRANSPOSE_IN_REGISTERS
    for (; c + 4 <= width; c += 4) {
      std::size_t i = tile;
      for (; i + 4 <= end; i += 4) {
        const double* const from[4] = {channels[c] + i, channels[c + 1] + i, channels[c + 2] + i,
                                       channels[c + 3] + i};
        double* const to[4] = {rows + i * width + c, rows + (i + 1) * width + c,
                               rows + (i + 2) * width + c, rows + (i + 3) * width + c};
        transpose4(from, to);
      }
      for (; i < end; ++i)
        for (std::size_t k = 0; k < 4; ++k)
          rows[i * width + c + k] = channels[c + k][i];
    }
#endif
    for (; c < width; ++c)
      for (std::size_t i = tile; i < end; ++i)
        rows[i * width + c] = channels[c][i];
  }
}

EEGTRACK_VECTOR_CLONES void from_time_major(const double* rows, std::size_t n,
                                            std::span<double* const> channels) {
  const std::size_t width = channels.size();
  for (std::size_t tile = 0; tile < n; tile += kTile) {
    const std::size_t end = std::min(n, tile + kTile);
    std::size_t c = 0;
#ifdef EEGTRACK_TRANSPOSE_IN_REGISTERS
    for (; c + 4 <= width; c += 4) {
      std::size_t i = tile;
      for (; i + 4 <= end; i += 4) {
        const double* const from[4] = {rows + i * width + c, rows + (i + 1) * width + c,
                                       rows + (i + 2) * width + c, rows + (i + 3) * width + c};
        double* const to[4] = {channels[c] + i, channels[c + 1] + i, channels[c + 2] + i,
                               channels[c + 3] + i};
        transpose4(from, to);
      }
      for (; i < end; ++i)
        for (std::size_t k = 0; k < 4; ++k)
          channels[c + k][i] = rows[i * width + c + k];
    }
#endif
    for (; c < width; ++c)
      for (std::size_t i = tile; i < end; ++i)
        channels[c][i] = rows[i * width + c];
  }
}

}  // namespace eegtrack::dsp::detail
