#include "eegtrack/features/bands.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "eegtrack/dsp/band_power.hpp"

namespace eegtrack::features {

std::vector<Band> default_bands() {
  return {{"delta", 1.0, 4.0}, {"theta", 4.0, 8.0}, {"alpha", 8.0, 13.0}, {"beta", 13.0, 30.0}};
}

std::vector<Band> parse_bands(const std::string& text) {
  std::vector<Band> bands;
  std::stringstream list(text);
  std::string item;
  while (std::getline(list, item, ',')) {
    const auto colon = item.find(':');
    const auto dash = item.find('-', colon == std::string::npos ? 0 : colon + 1);
    if (colon == std::string::npos || dash == std::string::npos || colon == 0) {
      throw std::invalid_argument("parse_bands: expected name:low-high (" + item + ")");
    }
    Band band;
    band.name = item.substr(0, colon);
    try {
      std::size_t used = 0;
      const std::string low = item.substr(colon + 1, dash - colon - 1);
      const std::string high = item.substr(dash + 1);
      band.low_hz = std::stod(low, &used);
      if (used != low.size())
        throw std::invalid_argument(low);
      band.high_hz = std::stod(high, &used);
      if (used != high.size())
        throw std::invalid_argument(high);
    } catch (const std::exception&) {
      throw std::invalid_argument("parse_bands: band edges are not numbers (" + item + ")");
    }
    if (!(band.low_hz >= 0.0 && band.low_hz < band.high_hz)) {
      throw std::invalid_argument("parse_bands: need 0 <= low < high (" + item + ")");
    }
    bands.push_back(band);
  }
  if (bands.empty())
    throw std::invalid_argument("parse_bands: no bands (" + text + ")");
  return bands;
}

BandPowers band_powers(std::span<const double> frequencies_hz,
                       std::span<const double> psd_uv2_per_hz, const std::vector<Band>& bands) {
  if (bands.empty())
    throw std::invalid_argument("band_powers: no bands");
  if (frequencies_hz.size() != psd_uv2_per_hz.size()) {
    throw std::invalid_argument("band_powers: frequency and PSD sizes differ");
  }
  const auto [lowest, highest] = std::minmax_element(
      bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.low_hz < b.low_hz; });
  double total_low = lowest->low_hz;
  double total_high = 0.0;
  for (const auto& band : bands)
    total_high = std::max(total_high, band.high_hz);
  (void)highest;

  BandPowers out;
  out.total_uv2 = dsp::band_power(frequencies_hz, psd_uv2_per_hz, total_low, total_high);
  for (const auto& band : bands) {
    const double power = dsp::band_power(frequencies_hz, psd_uv2_per_hz, band.low_hz, band.high_hz);
    out.absolute_uv2.push_back(power);
    out.relative.push_back(out.total_uv2 > 0.0 ? power / out.total_uv2 : 0.0);
  }
  return out;
}

}  // namespace eegtrack::features
