// The virtual channel of one matched spatial filter: v = sum over i of a[i] x_i, the inner loop
// of the spike detector's whitened search (one trace per field and analysis span).
//
// Blocks of samples are summed in registers over the channels before they are stored, rather
// than each channel adding to the stored trace (which waits on a store and a load per channel).
// Each value still adds the channels in the order of i, with no fused multiply-add, so every
// width gives the same bits as the scalar sum.

#include <cstring>

#include "discharge_analysis.hpp"
#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::detect::detail {
namespace {

// The register width is chosen by the processor at run time (dsp::cpu_has_avx2), rather than
// by target_clones: a clone keeps the source's vector type, so the AVX2 copy of a 16-byte loop
// would still use 16 bytes.
template <class Lanes, std::size_t kRegisters>
[[gnu::always_inline]] inline std::size_t sum_blocks(std::span<const double* const> channels,
                                                     std::span<const double> a, std::span<double> v,
                                                     std::size_t from, std::size_t to) {
  constexpr std::size_t kWidth = sizeof(Lanes) / sizeof(double);
  constexpr std::size_t kBlock = kWidth * kRegisters;
  const std::size_t m = channels.size();
  std::size_t s = from;
  for (; s + kBlock <= to; s += kBlock) {
    Lanes sum[kRegisters] = {};
    for (std::size_t i = 0; i < m; ++i) {
      Lanes w = {};  // every lane set below; the initialiser quiets gcc -O1's warning
      for (std::size_t l = 0; l < kWidth; ++l)
        w[l] = a[i];
      const double* x = channels[i] + s;
      for (std::size_t r = 0; r < kRegisters; ++r) {
        Lanes xr;  // unaligned load
        std::memcpy(&xr, x + kWidth * r, sizeof xr);
        sum[r] += w * xr;
      }
    }
    std::memcpy(&v[s], sum, sizeof sum);
  }
  return s;
}

// Two doubles: one SSE2 register, the baseline's width. Eight of them, as eight sums in flight
// hide the latency of an addition.
using Lanes2 = double __attribute__((vector_size(16)));
std::size_t sum_blocks_baseline(std::span<const double* const> channels, std::span<const double> a,
                                std::span<double> v, std::size_t from, std::size_t to) {
  return sum_blocks<Lanes2, 8>(channels, a, v, from, to);
}

#ifdef EEGTRACK_AVX2_DISPATCH
using Lanes4 = double __attribute__((vector_size(32)));
[[gnu::target("avx2")]] std::size_t sum_blocks_avx2(std::span<const double* const> channels,
                                                    std::span<const double> a, std::span<double> v,
                                                    std::size_t from, std::size_t to) {
  return sum_blocks<Lanes4, 8>(channels, a, v, from, to);
}
#endif

}  // namespace

double virtual_channel_at(std::span<const double* const> channels, std::span<const double> a,
                          std::size_t s) {
  double total = 0.0;
  for (std::size_t i = 0; i < channels.size(); ++i)
    total += a[i] * channels[i][s];
  return total;
}

void virtual_channel(std::span<const double* const> channels, std::span<const double> a,
                     std::span<double> v, std::size_t from, std::size_t to, VectorPath path) {
#ifdef EEGTRACK_AVX2_DISPATCH
  std::size_t s = path == VectorPath::Widest && dsp::cpu_has_avx2()
                      ? sum_blocks_avx2(channels, a, v, from, to)
                      : sum_blocks_baseline(channels, a, v, from, to);
#else
  (void)path;
  std::size_t s = sum_blocks_baseline(channels, a, v, from, to);
#endif
  for (; s < to; ++s)
    v[s] = virtual_channel_at(channels, a, s);
}

void virtual_channel(std::span<const double* const> channels, std::span<const double> a,
                     std::span<double> v) {
  virtual_channel(channels, a, v, 0, v.size());
}

}  // namespace eegtrack::detect::detail
