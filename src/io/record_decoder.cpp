#include "record_decoder.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

namespace eegtrack::io::detail {

void decode_int16(const char* src, std::size_t n, double gain, double offset,
                  double* dst) noexcept {
  // Branch-free loop over memcpy'd words so the compiler can vectorise it.
  for (std::size_t i = 0; i < n; ++i) {
    std::uint16_t raw;
    std::memcpy(&raw, src + 2 * i, 2);
    if constexpr (std::endian::native == std::endian::big)
      raw = static_cast<std::uint16_t>((raw >> 8) | (raw << 8));
    dst[i] = gain * static_cast<double>(static_cast<std::int16_t>(raw)) + offset;
  }
}

void decode_int24(const char* src, std::size_t n, double gain, double offset,
                  double* dst) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(src);
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char* b = bytes + 3 * i;
    // Place the 24 bits in the top of a 32-bit word; the arithmetic shift sign-extends.
    const auto word = static_cast<std::uint32_t>(b[0]) << 8 |
                      static_cast<std::uint32_t>(b[1]) << 16 |
                      static_cast<std::uint32_t>(b[2]) << 24;
    const std::int32_t value = static_cast<std::int32_t>(word) >> 8;
    dst[i] = gain * static_cast<double>(value) + offset;
  }
}

}  // namespace eegtrack::io::detail
