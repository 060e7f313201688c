// SHA-256 with the x86 SHA extensions: ~5x the portable kernel on CPUs that have them (Intel
// since Goldmont/Ice Lake, AMD since Zen). Round structure as in Intel's "Intel SHA
// Extensions" white paper (Gulley et al., 2013): 4 rounds per message vector, the schedule
// computed 3 vectors ahead with SHA256MSG1/SHA256MSG2.

#include "sha256_kernels.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

namespace eegtrack::io::detail {

bool sha256_x86_available() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0)
    return false;
  const bool ssse3_sse41 = ((c >> 9) & 1U) != 0 && ((c >> 19) & 1U) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0)
    return false;
  return ssse3_sse41 && ((b >> 29) & 1U) != 0;
}

__attribute__((target("sha,sse4.1"))) void sha256_blocks_x86(std::array<std::uint32_t, 8>& state,
                                                             const std::uint8_t* data,
                                                             std::size_t n_blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  // The instructions keep the state as ABEF and CDGH.
  __m128i tmp =
      _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0])), 0xB1);
  __m128i state1 =
      _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4])), 0x1B);
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);
  for (std::size_t block = 0; block < n_blocks; ++block, data += 64) {
    const __m128i abef = state0;
    const __m128i cdgh = state1;
    __m128i m[4];
    for (int i = 0; i < 4; ++i)
      m[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)),
                              byte_swap);
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) {
      __m128i& current = m[i % 4];
      __m128i message = _mm_add_epi32(
          current, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kSha256Round[4 * i])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, message);
      if (i >= 3 && i <= 14) {
        __m128i& next = m[(i + 1) % 4];
        next = _mm_add_epi32(next, _mm_alignr_epi8(current, m[(i + 3) % 4], 4));
        next = _mm_sha256msg2_epu32(next, current);
      }
      message = _mm_shuffle_epi32(message, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, message);
      if (i >= 1 && i <= 12)
        m[(i + 3) % 4] = _mm_sha256msg1_epu32(m[(i + 3) % 4], current);
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);
  state1 = _mm_shuffle_epi32(state1, 0xB1);
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);
  state1 = _mm_alignr_epi8(state1, tmp, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

}  // namespace eegtrack::io::detail

#else

namespace eegtrack::io::detail {
bool sha256_x86_available() {
  return false;
}
void sha256_blocks_x86(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                       std::size_t n_blocks) {
  sha256_blocks_portable(state, data, n_blocks);
}
}  // namespace eegtrack::io::detail

#endif
