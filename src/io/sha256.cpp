#include "eegtrack/io/sha256.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "eegtrack/io/errors.hpp"
#include "file_handle.hpp"
#include "sha256_kernels.hpp"

namespace eegtrack::io {

namespace detail {

// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64
// primes.
const std::array<std::uint32_t, 64> kSha256Round = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

}  // namespace detail

namespace {

// §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

constexpr std::size_t kFileBlockBytes = std::size_t{1} << 20;

}  // namespace

namespace detail {

void sha256_blocks_portable(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                            std::size_t n_blocks) {
  for (std::size_t n = 0; n < n_blocks; ++n, data += 64) {
    const std::uint8_t* block = data;
    // §6.2.2: message schedule, then 64 rounds.
    std::array<std::uint32_t, 64> w{};
    for (std::size_t t = 0; t < 16; ++t)
      w[t] = (std::uint32_t{block[4 * t]} << 24) | (std::uint32_t{block[4 * t + 1]} << 16) |
             (std::uint32_t{block[4 * t + 2]} << 8) | std::uint32_t{block[4 * t + 3]};
    for (std::size_t t = 16; t < 64; ++t) {
      const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    auto [a, b, c, d, e, f, g, h] = state;
    for (std::size_t t = 0; t < 64; ++t) {
      const std::uint32_t sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const std::uint32_t choose = (e & f) ^ (~e & g);
      const std::uint32_t t1 = h + sigma1 + choose + kSha256Round[t] + w[t];
      const std::uint32_t sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
      const std::uint32_t t2 = sigma0 + majority;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    const std::array<std::uint32_t, 8> words = {a, b, c, d, e, f, g, h};
    for (std::size_t i = 0; i < 8; ++i)
      state[i] += words[i];
  }
}

}  // namespace detail

Sha256::Sha256(Sha256Kernel kernel)
    : state_(kInitial),
      use_x86_(kernel == Sha256Kernel::Fastest && detail::sha256_x86_available()) {}

void Sha256::compress(const std::uint8_t* blocks, std::size_t n_blocks) {
  if (use_x86_)
    detail::sha256_blocks_x86(state_, blocks, n_blocks);
  else
    detail::sha256_blocks_portable(state_, blocks, n_blocks);
}

void Sha256::update(std::span<const std::byte> data) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t n = data.size();
  total_bytes_ += n;
  if (buffered_ > 0) {
    const std::size_t take = std::min(n, buffer_.size() - buffered_);
    std::memcpy(buffer_.data() + buffered_, bytes, take);
    buffered_ += take;
    bytes += take;
    n -= take;
    if (buffered_ < buffer_.size())
      return;
    compress(buffer_.data(), 1);
    buffered_ = 0;
  }
  // Whole blocks straight from the caller's memory: no copy on the hot path.
  compress(bytes, n / 64);
  bytes += n / 64 * 64;
  n %= 64;
  std::memcpy(buffer_.data(), bytes, n);
  buffered_ = n;
}

Sha256Digest Sha256::finish() {
  // §5.1.1: append 0x80, zeros, and the message length in bits as a 64-bit big-endian word.
  const std::uint64_t bit_length = total_bytes_ * 8;
  buffer_[buffered_++] = 0x80;
  if (buffered_ > 56) {
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.end(), 0);
    compress(buffer_.data(), 1);
    buffered_ = 0;
  }
  std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.begin() + 56, 0);
  for (std::size_t i = 0; i < 8; ++i)
    buffer_[56 + i] = static_cast<std::uint8_t>(bit_length >> (56 - 8 * i));
  compress(buffer_.data(), 1);
  Sha256Digest digest{};
  for (std::size_t i = 0; i < 8; ++i) {
    for (std::size_t k = 0; k < 4; ++k)
      digest[4 * i + k] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * k));
  }
  state_ = kInitial;
  buffered_ = 0;
  total_bytes_ = 0;
  return digest;
}

std::string to_hex(const Sha256Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (const auto byte : digest) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0F]);
  }
  return out;
}

std::string sha256_bytes(std::span<const std::byte> data) {
  Sha256 hash;
  hash.update(data);
  return to_hex(hash.finish());
}

std::string sha256_bytes(std::string_view text) {
  return sha256_bytes(std::as_bytes(std::span(text.data(), text.size())));
}

std::string sha256_file(const std::filesystem::path& path) {
  const int fd = detail::open_regular_file(path);  // never blocks on a FIFO
  std::vector<std::byte> block(kFileBlockBytes);
  Sha256 hash;
  for (;;) {
    const ssize_t got = ::read(fd, block.data(), block.size());
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      throw EdfError(path, std::string("read error while hashing: ") + std::strerror(error));
    }
    if (got == 0)
      break;
    hash.update(std::span(block.data(), static_cast<std::size_t>(got)));
  }
  ::close(fd);
  return to_hex(hash.finish());
}

}  // namespace eegtrack::io
