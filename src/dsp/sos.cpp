#include "eegtrack/dsp/sos.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp {

std::complex<double> sos_frequency_response(const Sos& sos, double frequency_hz,
                                            double sample_rate_hz) {
  if (sos.sections.empty())
    throw std::invalid_argument("sos_frequency_response: sos has no sections (0)");
  if (!(sample_rate_hz > 0.0))
    throw std::invalid_argument("sos_frequency_response: sample_rate_hz must be > 0 (" +
                                std::to_string(sample_rate_hz) + ")");
  const double w = 2.0 * std::numbers::pi * frequency_hz / sample_rate_hz;
  const std::complex<double> z1 = std::polar(1.0, -w);  // z^-1 on the unit circle
  const std::complex<double> z2 = z1 * z1;
  std::complex<double> h = 1.0;
  for (const auto& s : sos.sections)
    h *= (s[0] + s[1] * z1 + s[2] * z2) / (s[3] + s[4] * z1 + s[5] * z2);
  return h;
}

std::vector<std::array<double, 2>> sosfilt_zi(const Sos& sos) {
  if (sos.sections.empty())
    throw std::invalid_argument("sosfilt_zi: sos has no sections (0)");
  std::vector<std::array<double, 2>> zi;
  double scale = 1.0;
  for (std::size_t i = 0; i < sos.sections.size(); ++i) {
    const auto& s = sos.sections[i];
    if (s[3] == 0.0)
      throw std::invalid_argument("sosfilt_zi: a0 must be non-zero (section " + std::to_string(i) +
                                  ")");
    const double b0 = s[0] / s[3], b1 = s[1] / s[3], b2 = s[2] / s[3];
    const double a1 = s[4] / s[3], a2 = s[5] / s[3];
    // scipy.signal.lfilter_zi solves (I - A^T) zi = b[1:] - a[1:] b0 for the companion matrix A;
    // for two states the solution is closed-form.
    const double r0 = b1 - a1 * b0;
    const double r1 = b2 - a2 * b0;
    const double z0 = (r0 + r1) / (1.0 + a1 + a2);
    zi.push_back({scale * z0, scale * (r1 - a2 * z0)});
    scale *= (b0 + b1 + b2) / (1.0 + a1 + a2);
  }
  return zi;
}

}  // namespace eegtrack::dsp
