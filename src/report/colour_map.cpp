#include "eegtrack/report/colour_map.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace eegtrack::report {
namespace {

// matplotlib 3.6's viridis table (_cm_listed.py, CC0), 256 entries rounded to 8 bits.
constexpr std::string_view kViridis =
    "44015444025645045745055946075a46085c460a5d460b5e470d60470e614710634711644713654814674816684817"
    "69"
    "48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c"
    "7a"
    "472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f"
    "85"
    "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b51"
    "8b"
    "3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d3362"
    "8d"
    "33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c71"
    "8e"
    "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e2681"
    "8e"
    "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d2190"
    "8d"
    "21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f"
    "88"
    "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad"
    "81"
    "28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc"
    "74"
    "3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc8"
    "63"
    "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d3"
    "4d"
    "84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc"
    "32"
    "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e2"
    "1a"
    "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde7"
    "25";

Rgb entry(std::size_t i) {
  const auto byte = [](std::string_view two) {
    const auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    return static_cast<std::uint8_t>(digit(two[0]) * 16 + digit(two[1]));
  };
  const auto s = kViridis.substr(i * 6, 6);
  return {byte(s.substr(0, 2)), byte(s.substr(2, 2)), byte(s.substr(4, 2))};
}

std::uint8_t mix(std::uint8_t a, std::uint8_t b, double f) {
  return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
}

}  // namespace

Rgb viridis(double t) noexcept {
  if (!(t > 0.0))
    return entry(0);
  if (t >= 1.0)
    return entry(255);
  const double x = t * 255.0;
  const auto i = static_cast<std::size_t>(x);
  const double f = x - static_cast<double>(i);
  const Rgb a = entry(i), b = entry(i + 1);
  return {mix(a.r, b.r, f), mix(a.g, b.g, f), mix(a.b, b.b, f)};
}

std::string hex(Rgb c) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
  return text;
}

Rgb series_colour(std::size_t index) noexcept {
  static constexpr std::array<Rgb, 6> kPalette{{{0x00, 0x72, 0xB2},
                                                {0xD5, 0x5E, 0x00},
                                                {0x00, 0x9E, 0x73},
                                                {0xCC, 0x79, 0xA7},
                                                {0xE6, 0x9F, 0x00},
                                                {0x56, 0xB4, 0xE9}}};
  return kPalette[index % kPalette.size()];
}

}  // namespace eegtrack::report
