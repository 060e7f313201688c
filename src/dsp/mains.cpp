#include "eegtrack/dsp/mains.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace eegtrack::dsp {
namespace {

[[noreturn]] void fail(const std::string& what, double value) {
  std::ostringstream os;
  os << "detect_mains: " << what << " (" << value << ")";
  throw std::invalid_argument(os.str());
}

void validate(std::span<const double> f, std::span<const double> psd,
              const MainsDetectionParams& p) {
  if (f.empty())
    fail("spectrum is empty", 0.0);
  if (f.size() != psd.size())
    fail("psd size must equal frequencies size " + std::to_string(f.size()),
         static_cast<double>(psd.size()));
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!std::isfinite(f[i]) || (i > 0 && !(f[i] > f[i - 1])))
      fail("frequencies must be finite and increasing at index " + std::to_string(i), f[i]);
    if (!std::isfinite(psd[i]) || psd[i] < 0.0)
      fail("psd must be finite and >= 0 at index " + std::to_string(i), psd[i]);
  }
  if (!(p.search_half_width_hz > 0.0))
    fail("search_half_width_hz must be > 0", p.search_half_width_hz);
  if (!(p.reference_inner_hz > p.search_half_width_hz))
    fail("reference_inner_hz must exceed search_half_width_hz", p.reference_inner_hz);
  if (!(p.reference_outer_hz > p.reference_inner_hz && p.reference_outer_hz < 10.0))
    fail("reference_outer_hz must lie in (reference_inner_hz, 10)", p.reference_outer_hz);
}

double median(std::vector<double> v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1)
    return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return 0.5 * (lower + upper);
}

// Prominence in dB of the peak near f0, or 0 when the spectrum does not cover both bands.
double prominence_db(std::span<const double> f, std::span<const double> psd, double f0,
                     const MainsDetectionParams& p) {
  if (f.front() > f0 - p.reference_outer_hz || f.back() < f0 + p.reference_outer_hz)
    return 0.0;
  double peak = -1.0;
  std::vector<double> reference;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double d = std::abs(f[i] - f0);
    if (d <= p.search_half_width_hz)
      peak = std::max(peak, psd[i]);
    if (d >= p.reference_inner_hz && d <= p.reference_outer_hz)
      reference.push_back(psd[i]);
  }
  if (peak < 0.0 || reference.empty())
    return 0.0;
  const double level = median(std::move(reference));
  if (level <= 0.0)
    return peak > 0.0 ? 300.0 : 0.0;  // a peak over an all-zero background
  if (peak <= 0.0)
    return -300.0;
  return 10.0 * std::log10(peak / level);
}

}  // namespace

MainsDetection detect_mains(std::span<const double> frequencies_hz, std::span<const double> psd,
                            const MainsDetectionParams& params) {
  validate(frequencies_hz, psd, params);
  MainsDetection out;
  out.prominence_50_db = prominence_db(frequencies_hz, psd, 50.0, params);
  out.prominence_60_db = prominence_db(frequencies_hz, psd, 60.0, params);
  const bool fifty = out.prominence_50_db >= out.prominence_60_db;
  out.prominence_db = fifty ? out.prominence_50_db : out.prominence_60_db;
  if (out.prominence_db >= params.min_prominence_db)
    out.frequency_hz = fifty ? 50.0 : 60.0;
  return out;
}

}  // namespace eegtrack::dsp
