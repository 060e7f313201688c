// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "Examples with Intermediate
// Values", SHA256.pdf and SHA2_Additional.pdf).
#include "eegtrack/io/sha256.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "eegtrack/io/errors.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

constexpr const char* kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kMillionA =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

std::string hash_with(Sha256Kernel kernel, std::string_view message) {
  Sha256 hash(kernel);
  hash.update(std::as_bytes(std::span(message.data(), message.size())));
  return to_hex(hash.finish());
}

// Both kernels (the x86 SHA-extension one is used by Fastest when the CPU has it).
TEST(Sha256, BothKernelsMatchNistVectors) {
  for (const auto kernel : {Sha256Kernel::Fastest, Sha256Kernel::Portable}) {
    EXPECT_EQ(hash_with(kernel, "abc"), kAbc);
    EXPECT_EQ(hash_with(kernel, std::string(1'000'000, 'a')), kMillionA);
    EXPECT_EQ(hash_with(kernel, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
}

TEST(Sha256, NistVectors) {
  EXPECT_EQ(sha256_bytes("abc"), kAbc);
  EXPECT_EQ(sha256_bytes(""), kEmpty);
  EXPECT_EQ(sha256_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_bytes("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
                         "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha256_bytes(std::string(1'000'000, 'a')), kMillionA);
  // SHA2_Additional: 55 and 56 zero bytes straddle the one-block/two-block padding limit.
  EXPECT_EQ(sha256_bytes(std::string(55, '\0')),
            "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7");
  EXPECT_EQ(sha256_bytes(std::string(56, '\0')),
            "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb");
  EXPECT_EQ(sha256_bytes(std::string(1000, 'A')),
            "c2e686823489ced2017f6059b8b239318b6364f6dcd835d0a519105a1eadd6e4");
}

TEST(Sha256, IncrementalUpdatesEqualOneShot) {
  const std::string message(1'000'000, 'a');
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> piece(0, 200);
  Sha256 hash;
  for (std::size_t at = 0; at < message.size();) {
    const std::size_t n = std::min(piece(rng), message.size() - at);
    hash.update(std::as_bytes(std::span(message.data() + at, n)));
    at += n;
  }
  EXPECT_EQ(to_hex(hash.finish()), kMillionA);
  hash.update(std::as_bytes(std::span("abc", 3)));  // finish() restarted the hash
  EXPECT_EQ(to_hex(hash.finish()), kAbc);
}

TEST(Sha256, FileHashStreamsInBlocks) {
  const auto dir = test::scratch_dir();
  std::ofstream(dir / "million_a.bin", std::ios::binary) << std::string(1'000'000, 'a');
  std::ofstream(dir / "empty.bin", std::ios::binary).flush();
  EXPECT_EQ(sha256_file(dir / "million_a.bin"), kMillionA);
  EXPECT_EQ(sha256_file(dir / "empty.bin"), kEmpty);
  // 3 MiB + 7 bytes crosses the 1 MiB read blocks at unaligned offsets.
  std::string random(3 * 1024 * 1024 + 7, '\0');
  std::mt19937 rng(11);
  for (auto& c : random)
    c = static_cast<char>(rng());
  std::ofstream(dir / "random.bin", std::ios::binary) << random;
  EXPECT_EQ(sha256_file(dir / "random.bin"), sha256_bytes(random));
}

TEST(Sha256, MissingFileThrowsNamingThePath) {
  const auto path = test::scratch_dir() / "absent.edf";
  try {
    (void)sha256_file(path);
    FAIL() << "no exception";
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos);
  }
  EXPECT_THROW((void)sha256_file(test::scratch_dir()), EdfError);  // a directory
}

}  // namespace
}  // namespace eegtrack::io
