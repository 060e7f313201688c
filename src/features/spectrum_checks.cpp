#include "spectrum_checks.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>

namespace eegtrack::features::detail {

std::string value(double x) {
  std::ostringstream out;
  out << '(' << x << ')';
  return out.str();
}

// The messages are built only when they are thrown: these checks run for every spectrum of
// every channel and epoch, several times over.
void check_spectrum(const char* fn, std::span<const double> f, std::span<const double> psd) {
  if (f.size() != psd.size()) {
    throw std::invalid_argument(std::string(fn) + ": frequency and PSD sizes differ (" +
                                std::to_string(f.size()) + " vs " + std::to_string(psd.size()) +
                                ")");
  }
  if (f.size() < 2)
    throw std::invalid_argument(std::string(fn) + ": need at least 2 bins (" +
                                std::to_string(f.size()) + ")");
  for (std::size_t i = 1; i < f.size(); ++i) {
    if (!(f[i] > f[i - 1]))
      throw std::invalid_argument(std::string(fn) + ": frequencies must increase " + value(f[i]));
  }
}

void check_range(const char* fn, std::span<const double> f, double low_hz, double high_hz) {
  if (!(low_hz < high_hz)) {
    throw std::invalid_argument(std::string(fn) + ": range low must be < high (" +
                                std::to_string(low_hz) + " >= " + std::to_string(high_hz) + ")");
  }
  if (!(low_hz >= f.front()) || !(high_hz <= f.back())) {
    throw std::invalid_argument(std::string(fn) + ": range outside the frequency grid (" +
                                std::to_string(low_hz) + "-" + std::to_string(high_hz) +
                                " Hz, grid " + std::to_string(f.front()) + "-" +
                                std::to_string(f.back()) + ")");
  }
}

BinRange bins_in(std::span<const double> f, double low_hz, double high_hz) {
  const auto first = std::lower_bound(f.begin(), f.end(), low_hz);
  const auto last = std::upper_bound(first, f.end(), high_hz);
  return {static_cast<std::size_t>(first - f.begin()), static_cast<std::size_t>(last - f.begin())};
}

}  // namespace eegtrack::features::detail
