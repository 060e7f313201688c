#include "eegtrack/dsp/hilbert.hpp"

#include <cmath>
#include <stdexcept>

#include "eegtrack/dsp/fft.hpp"
#include "finite_check.hpp"

namespace eegtrack::dsp {

std::vector<std::complex<double>> analytic_signal(std::span<const double> x) {
  if (x.empty())
    throw std::invalid_argument("analytic_signal: signal is empty (0)");
  detail::require_finite("analytic_signal", x);
  const std::size_t n = x.size();
  std::vector<std::complex<double>> spectrum(n / 2 + 1);
  rfft(x, spectrum);
  // Positive frequencies doubled; DC and (even n) Nyquist kept; negative ones stay zero.
  std::vector<std::complex<double>> h(n, {0.0, 0.0});
  h[0] = spectrum[0];
  const std::size_t last_positive = (n % 2 == 0) ? n / 2 - 1 : (n - 1) / 2;
  for (std::size_t k = 1; k <= last_positive; ++k)
    h[k] = 2.0 * spectrum[k];
  if (n % 2 == 0 && n > 1)
    h[n / 2] = spectrum[n / 2];
  std::vector<std::complex<double>> out(n);
  ifft(h, out);
  return out;
}

std::vector<double> envelope(std::span<const double> x) {
  if (x.empty())
    throw std::invalid_argument("envelope: signal is empty (0)");
  const auto a = analytic_signal(x);
  std::vector<double> env(a.size());
  // sqrt of the squared magnitude, not std::abs (hypot): an EEG envelope can neither overflow
  // nor underflow when squared, and hypot's guards made it a twentieth of a full analysis.
  for (std::size_t i = 0; i < a.size(); ++i)
    env[i] = std::sqrt(std::norm(a[i]));
  return env;
}

}  // namespace eegtrack::dsp
