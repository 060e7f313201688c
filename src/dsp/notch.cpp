#include "eegtrack/dsp/notch.hpp"

#include <cmath>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/sos_filter.hpp"

namespace eegtrack::dsp {
namespace {

void validate(const char* fn, double f_hz, double q, double fs_hz) {
  auto fail = [&](const std::string& what, double v) {
    std::ostringstream os;
    os << fn << ": " << what << " (" << v << ")";
    throw std::invalid_argument(os.str());
  };
  if (!(fs_hz > 0.0) || !std::isfinite(fs_hz))
    fail("sample_rate_hz must be finite and > 0", fs_hz);
  if (!(f_hz > 0.0 && f_hz < fs_hz / 2.0))
    fail("frequency must lie in (0, sample_rate_hz / 2)", f_hz);
  if (!(q > 0.0) || !std::isfinite(q))
    fail("q must be finite and > 0", q);
}

// scipy _design_notch_peak_filter(w0, Q, 'notch', fs): -3 dB bandwidth w0 / Q.
std::array<double, 6> notch_section(double f_hz, double q, double fs_hz) {
  const double w0 = 2.0 * f_hz / fs_hz;
  const double bw = w0 / q * std::numbers::pi;
  const double gb = 1.0 / std::sqrt(2.0);
  const double beta = std::sqrt(1.0 - gb * gb) / gb * std::tan(bw / 2.0);
  const double gain = 1.0 / (1.0 + beta);
  const double c = std::cos(w0 * std::numbers::pi);
  return {gain, gain * -2.0 * c, gain, 1.0, -2.0 * gain * c, 2.0 * gain - 1.0};
}

}  // namespace

Sos iir_notch(double frequency_hz, double q, double sample_rate_hz) {
  validate("iir_notch", frequency_hz, q, sample_rate_hz);
  return Sos{.sections = {notch_section(frequency_hz, q, sample_rate_hz)}};
}

Sos harmonic_notches(double f0_hz, double q, double sample_rate_hz, int max_harmonics) {
  validate("harmonic_notches", f0_hz, q, sample_rate_hz);
  if (max_harmonics < 0)
    throw std::invalid_argument("harmonic_notches: max_harmonics must be >= 0 (" +
                                std::to_string(max_harmonics) + ")");
  Sos sos;
  for (int k = 1; k * f0_hz < sample_rate_hz / 2.0; ++k) {
    if (max_harmonics > 0 && k > max_harmonics)
      break;
    sos.sections.push_back(notch_section(k * f0_hz, q, sample_rate_hz));
  }
  return sos;
}

std::vector<double> remove_mains(std::span<const double> x, double f0_hz, double q,
                                 double sample_rate_hz, int max_harmonics) {
  return sosfiltfilt(harmonic_notches(f0_hz, q, sample_rate_hz, max_harmonics), x);
}

}  // namespace eegtrack::dsp
