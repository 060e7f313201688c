#include "units.hpp"

#include <array>
#include <utility>

namespace eegtrack::io::detail {

namespace {

// Micro sign spellings: UTF-8 U+00B5 (micro), UTF-8 U+03BC (Greek mu), Latin-1 0xB5.
constexpr std::array<std::string_view, 3> kMicroPrefixes = {"\xC2\xB5", "\xCE\xBC", "\xB5"};

// Only the spellings seen in practice: case variants that cannot be confused with another
// prefix. "MV" (megavolt) and "NV" are not accepted as voltages.
constexpr std::array<std::pair<std::string_view, double>, 9> kVoltages = {{
    {"nV", 1e-3},
    {"nv", 1e-3},
    {"uV", 1.0},
    {"uv", 1.0},
    {"UV", 1.0},
    {"mV", 1e3},
    {"mv", 1e3},
    {"V", 1e6},
    {"v", 1e6},
}};

}  // namespace

DeliveredUnit delivered_unit(std::string_view dimension) {
  for (const auto& [spelling, scale] : kVoltages) {
    if (dimension == spelling)
      return {scale, "uV", true};
  }
  for (const auto micro : kMicroPrefixes) {
    if (dimension.size() == micro.size() + 1 && dimension.starts_with(micro) &&
        (dimension.back() == 'V' || dimension.back() == 'v'))
      return {1.0, "uV", true};
  }
  return {1.0, std::string(dimension), false};
}

}  // namespace eegtrack::io::detail
