#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace eegtrack::features::detail {

/// Throws "fn: ..." unless f and psd have equal sizes >= 2 and f is strictly increasing.
void check_spectrum(const char* fn, std::span<const double> f, std::span<const double> psd);

/// Throws "fn: ..." unless low_hz < high_hz and both lie inside [f.front(), f.back()].
void check_range(const char* fn, std::span<const double> f, double low_hz, double high_hz);

/// Half-open index range [first, last) of the bins with low_hz <= f <= high_hz.
struct BinRange {
  std::size_t first = 0;
  std::size_t last = 0;
  [[nodiscard]] std::size_t size() const noexcept { return last - first; }
};
[[nodiscard]] BinRange bins_in(std::span<const double> f, double low_hz, double high_hz);

/// "(x)" formatted with up to 6 significant digits, for error messages.
[[nodiscard]] std::string value(double x);

}  // namespace eegtrack::features::detail
