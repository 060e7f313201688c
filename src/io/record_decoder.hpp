#pragma once

#include <cstddef>

namespace eegtrack::io::detail {

/// Converts n little-endian 16-bit two's complement samples (EDF) at src to gain * D + offset.
void decode_int16(const char* src, std::size_t n, double gain, double offset, double* dst) noexcept;

/// Converts n little-endian 24-bit two's complement samples (BDF) at src to gain * D + offset.
void decode_int24(const char* src, std::size_t n, double gain, double offset, double* dst) noexcept;

/// decode_int16 or decode_int24 by bytes_per_sample (2 or 3).
inline void decode_samples(const char* src, std::size_t n, int bytes_per_sample, double gain,
                           double offset, double* dst) noexcept {
  if (bytes_per_sample == 3)
    decode_int24(src, n, gain, offset, dst);
  else
    decode_int16(src, n, gain, offset, dst);
}

}  // namespace eegtrack::io::detail
