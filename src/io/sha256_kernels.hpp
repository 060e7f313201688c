#pragma once

// SHA-256 compression kernels (FIPS 180-4 §6.2.2) over whole 64-byte blocks.

#include <array>
#include <cstddef>
#include <cstdint>

namespace eegtrack::io::detail {

/// The K constants of FIPS 180-4 §4.2.2.
extern const std::array<std::uint32_t, 64> kSha256Round;

/// Portable C++ kernel.
void sha256_blocks_portable(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                            std::size_t n_blocks);
/// True if this CPU has the x86 SHA extensions (and SSSE3/SSE4.1) used by the fast kernel.
bool sha256_x86_available();
/// x86 SHA-extension kernel (SHA256RNDS2/MSG1/MSG2); call only if sha256_x86_available().
void sha256_blocks_x86(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                       std::size_t n_blocks);

}  // namespace eegtrack::io::detail
