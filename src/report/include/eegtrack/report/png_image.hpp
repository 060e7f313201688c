#pragma once
// Heat maps (the CDSA) have too many cells to be SVG rectangles: a day at 30-s columns and
// 0.5-Hz rows is 230,000 of them per region. They are embedded in the SVG as PNG images in
// data: URIs instead, which keeps the report one self-contained file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/report/colour_map.hpp"

namespace eegtrack::report {

/// An 8-bit RGB image, rows from the top, pixels from the left.
struct RgbImage {
  std::size_t width = 0;
  std::size_t height = 0;
  std::vector<std::uint8_t> rgb;  ///< width * height * 3 bytes

  RgbImage() = default;
  RgbImage(std::size_t w, std::size_t h) : width(w), height(h), rgb(w * h * 3, 0) {}
  void set(std::size_t x, std::size_t y, Rgb c) {
    auto* p = &rgb[(y * width + x) * 3];
    p[0] = c.r;
    p[1] = c.g;
    p[2] = c.b;
  }
};

/// The image as a PNG file (colour type 2, bit depth 8, no interlace, filter 0 on every row,
/// zlib-compressed IDAT). @throws std::invalid_argument for an empty image or a pixel buffer of
/// the wrong size.
[[nodiscard]] std::string encode_png(const RgbImage& image);

/// Standard base64 (RFC 4648 section 4) with '=' padding.
[[nodiscard]] std::string base64(std::string_view bytes);

/// "data:image/png;base64,..." of encode_png(image).
[[nodiscard]] std::string png_data_uri(const RgbImage& image);

}  // namespace eegtrack::report
