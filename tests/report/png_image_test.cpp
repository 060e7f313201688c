// encode_png checked chunk by chunk: the signature, IHDR fields, each chunk's CRC-32 (computed
// here bit by bit from the PNG specification's polynomial) and the pixels inflated back; base64
// against the test vectors of RFC 4648.
#include "eegtrack/report/png_image.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace eegtrack::report {
namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 3]));
}

// CRC-32 of ISO 3309 / PNG (reflected polynomial 0xEDB88320), bit by bit.
std::uint32_t crc32_reference(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<std::uint8_t>(c);
    for (int k = 0; k < 8; ++k)
      crc = (crc & 1u) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

TEST(Png, ChunksCrcsAndPixels) {
  RgbImage image(3, 2);
  image.set(0, 0, {255, 0, 0});
  image.set(1, 0, {0, 255, 0});
  image.set(2, 0, {0, 0, 255});
  image.set(0, 1, {1, 2, 3});
  image.set(2, 1, {250, 251, 252});
  const std::string png = encode_png(image);
  ASSERT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  std::size_t at = 8;
  std::string idat;
  std::vector<std::string> types;
  while (at < png.size()) {
    const std::uint32_t length = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    const std::string data = png.substr(at + 8, length);
    EXPECT_EQ(be32(png, at + 8 + length), crc32_reference(type + data)) << type;
    types.push_back(type);
    if (type == "IHDR") {
      EXPECT_EQ(be32(data, 0), 3u);
      EXPECT_EQ(be32(data, 4), 2u);
      EXPECT_EQ(data.substr(8), std::string("\x08\x02\x00\x00\x00", 5));
    }
    if (type == "IDAT")
      idat += data;
    at += 12 + length;
  }
  EXPECT_EQ(types, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
  std::string raw(2 * (1 + 3 * 3), '\0');
  uLongf size = raw.size();
  ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(raw.data()), &size,
                       reinterpret_cast<const Bytef*>(idat.data()), idat.size()),
            Z_OK);
  ASSERT_EQ(size, raw.size());
  // Row 0: filter 0 then red, green, blue; row 1: filter 0, (1,2,3), black, (250,251,252).
  const std::string expected(
      "\x00\xFF\x00\x00\x00\xFF\x00\x00\x00\xFF"
      "\x00\x01\x02\x03\x00\x00\x00\xFA\xFB\xFC",
      20);
  EXPECT_EQ(raw, expected);
  EXPECT_THROW((void)encode_png(RgbImage{}), std::invalid_argument);
}

TEST(Base64, Rfc4648TestVectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64(std::string("\xFF\xFE\x00", 3)), "//4A");
}

TEST(Png, DataUri) {
  RgbImage one(1, 1);
  EXPECT_EQ(png_data_uri(one).rfind("data:image/png;base64,iVBORw0KGgo", 0), 0u);
}

}  // namespace
}  // namespace eegtrack::report
