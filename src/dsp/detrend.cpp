#include "eegtrack/dsp/detrend.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp {

void detrend_in_place(std::span<double> x, Detrend kind) {
  const std::size_t n = x.size();
  if (n == 0 || kind == Detrend::None)
    return;
  double sum = 0.0;
  for (double v : x)
    sum += v;
  const double mean = sum / static_cast<double>(n);
  if (kind == Detrend::Constant || n == 1) {
    for (double& v : x)
      v -= mean;
    if (kind == Detrend::Linear)
      x[0] = 0.0;
    return;
  }
  // Least-squares line on a centred time axis: slope = sum(t x) / sum(t^2) with mean(t) = 0,
  // which keeps the normal equations well conditioned for long segments.
  const double centre = 0.5 * static_cast<double>(n - 1);
  double stx = 0.0;
  double stt = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) - centre;
    stx += t * (x[i] - mean);
    stt += t * t;
  }
  const double slope = stx / stt;
  for (std::size_t i = 0; i < n; ++i)
    x[i] -= mean + slope * (static_cast<double>(i) - centre);
}

Detrend parse_detrend(const char* text) {
  if (std::strcmp(text, "none") == 0)
    return Detrend::None;
  if (std::strcmp(text, "constant") == 0)
    return Detrend::Constant;
  if (std::strcmp(text, "linear") == 0)
    return Detrend::Linear;
  throw std::invalid_argument("parse_detrend: unknown detrend type (" + std::string(text) + ")");
}

}  // namespace eegtrack::dsp
