#include "eegtrack/dsp/band_power.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp {
namespace {

void validate(std::span<const double> f, std::span<const double> psd, double low_hz,
              double high_hz) {
  if (f.size() != psd.size()) {
    throw std::invalid_argument("band_power: frequency and PSD sizes differ (" +
                                std::to_string(f.size()) + " vs " + std::to_string(psd.size()) +
                                ")");
  }
  if (f.size() < 2)
    throw std::invalid_argument("band_power: need at least 2 bins (" + std::to_string(f.size()) +
                                ")");
  if (!(low_hz < high_hz)) {
    throw std::invalid_argument("band_power: low_hz must be < high_hz (" + std::to_string(low_hz) +
                                " >= " + std::to_string(high_hz) + ")");
  }
  if (!(low_hz >= f.front()) || !(high_hz <= f.back())) {
    throw std::invalid_argument("band_power: band outside the frequency grid (" +
                                std::to_string(low_hz) + "-" + std::to_string(high_hz) +
                                " Hz, grid " + std::to_string(f.front()) + "-" +
                                std::to_string(f.back()) + ")");
  }
}

}  // namespace

double band_power(std::span<const double> frequencies_hz, std::span<const double> psd,
                  double low_hz, double high_hz) {
  validate(frequencies_hz, psd, low_hz, high_hz);
  // Integrate the piecewise-linear interpolant of the PSD exactly from low_hz to high_hz: each
  // grid interval contributes the trapezoid of its part inside the band. Splitting an interval at
  // a shared edge b gives two trapezoids whose sum is the whole one, hence additivity.
  const auto begin = frequencies_hz.begin();
  // First interval [f_i, f_i+1] with f_i+1 > low_hz.
  std::size_t i =
      static_cast<std::size_t>(std::upper_bound(begin, frequencies_hz.end(), low_hz) - begin);
  i = i == 0 ? 0 : i - 1;
  double total = 0.0;
  for (; i + 1 < frequencies_hz.size() && frequencies_hz[i] < high_hz; ++i) {
    const double f0 = frequencies_hz[i];
    const double f1 = frequencies_hz[i + 1];
    const double a = std::max(f0, low_hz);
    const double b = std::min(f1, high_hz);
    if (!(b > a))
      continue;
    const double slope = (psd[i + 1] - psd[i]) / (f1 - f0);
    const double pa = psd[i] + slope * (a - f0);
    const double pb = psd[i] + slope * (b - f0);
    total += 0.5 * (pa + pb) * (b - a);
  }
  return total;
}

}  // namespace eegtrack::dsp
