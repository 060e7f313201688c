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
  detail::require_finite("envelope", x);
  // |x + j H{x}| with the real part taken as x itself and H{x} from one inverse real FFT of
  // -j sign(f) X(f): the same values as |analytic_signal(x)| (whose real part is x up to
  // rounding) for half the inverse transform. The spike detector takes the envelope of every
  // channel of every span, and the complex inverse was a third of that work.
  const std::size_t n = x.size();
  std::vector<std::complex<double>> spectrum(n / 2 + 1);
  rfft(x, spectrum);
  spectrum[0] = 0.0;
  const std::size_t last_positive = (n % 2 == 0) ? n / 2 - 1 : (n - 1) / 2;
  for (std::size_t k = 1; k <= last_positive; ++k)
    spectrum[k] = {spectrum[k].imag(), -spectrum[k].real()};  // -j X
  if (n % 2 == 0 && n > 1)
    spectrum[n / 2] = 0.0;
  std::vector<double> env(n);
  irfft(spectrum, env);
  for (std::size_t i = 0; i < n; ++i)
    env[i] = std::sqrt(x[i] * x[i] + env[i] * env[i]);
  return env;
}

}  // namespace eegtrack::dsp
