#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace eegtrack::io {

/// A SHA-256 digest (32 bytes, big-endian words as in FIPS 180-4).
using Sha256Digest = std::array<std::uint8_t, 32>;

/// Compression kernel used by Sha256; all give identical digests.
enum class Sha256Kernel {
  Fastest,  ///< the x86 SHA extensions when the CPU has them, else Portable
  Portable  ///< plain C++ (FIPS 180-4 §6.2.2 as written)
};

/// Incremental SHA-256 (FIPS PUB 180-4, "Secure Hash Standard", 2015, §6.2), own
/// implementation (no OpenSSL). Feed any number of update() calls, then finish().
class Sha256 {
 public:
  explicit Sha256(Sha256Kernel kernel = Sha256Kernel::Fastest);
  /// Hashes more message bytes.
  void update(std::span<const std::byte> data);
  /// Pads the message and returns the digest; the object then restarts as a fresh hash.
  [[nodiscard]] Sha256Digest finish();

 private:
  void compress(const std::uint8_t* blocks, std::size_t n_blocks);

  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
  bool use_x86_ = false;
};

/// Lowercase hexadecimal text of a digest (64 characters).
[[nodiscard]] std::string to_hex(const Sha256Digest& digest);

/// SHA-256 of a byte buffer as lowercase hex.
[[nodiscard]] std::string sha256_bytes(std::span<const std::byte> data);
/// SHA-256 of the bytes of a string (no terminator) as lowercase hex.
[[nodiscard]] std::string sha256_bytes(std::string_view text);

/// SHA-256 of a file's content as lowercase hex (same value as `sha256sum`). Streams the file
/// in 1 MiB blocks, so memory stays bounded for recordings of any size.
/// @throws EdfError naming the path if the file cannot be opened or read.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path);

}  // namespace eegtrack::io
