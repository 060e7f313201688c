#include "eegtrack/dsp/resample.hpp"

#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <string>

#include "finite_check.hpp"

namespace eegtrack::dsp {
namespace {

std::size_t upfirdn_output_len(std::size_t len_h, std::size_t n_in, std::size_t up,
                               std::size_t down) {
  return ((n_in - 1) * up + len_h - 1) / down + 1;
}

// Samples first .. first + count - 1 of upfirdn(h, x, up, down): the full convolution of h with
// x upsampled by zero insertion, kept every `down` samples. Only the non-zero upsampled
// samples are visited (polyphase).
std::vector<double> upfirdn_range(std::span<const double> h, std::span<const double> x,
                                  std::size_t up, std::size_t down, std::size_t first,
                                  std::size_t count) {
  std::vector<double> y(count, 0.0);
  const std::size_t len_h = h.size();
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t t = (first + k) * down;
    const std::size_t i_last = std::min(x.size() - 1, t / up);
    const std::size_t i_first = t + 1 >= len_h ? (t + 1 - len_h + up - 1) / up : 0;
    double acc = 0.0;
    for (std::size_t i = i_first; i <= i_last && i_first <= i_last; ++i)
      acc += h[t - i * up] * x[i];
    y[k] = acc;
  }
  return y;
}

}  // namespace

std::vector<double> kaiser_window(std::size_t n, double beta) {
  if (n == 0)
    throw std::invalid_argument("kaiser_window: n must be >= 1 (0)");
  if (!(beta >= 0.0) || !std::isfinite(beta))
    throw std::invalid_argument("kaiser_window: beta must be finite and >= 0 (" +
                                std::to_string(beta) + ")");
  if (n == 1)
    return {1.0};
  // I0 by its power series sum ((x/2)^k / k!)^2: all terms positive, so it is accurate to a few
  // ulp for the moderate arguments of window design.
  const auto i0 = [](double x) {
    const double q = x * x / 4.0;
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < 500 && term > sum * 1e-18; ++k) {
      term *= q / (static_cast<double>(k) * static_cast<double>(k));
      sum += term;
    }
    return sum;
  };
  std::vector<double> w(n);
  const double alpha = (static_cast<double>(n) - 1.0) / 2.0;
  const double denom = i0(beta);
  for (std::size_t i = 0; i < n; ++i) {
    const double r = (static_cast<double>(i) - alpha) / alpha;
    w[i] = i0(beta * std::sqrt(std::max(0.0, 1.0 - r * r))) / denom;
  }
  return w;
}

std::vector<double> firwin_kaiser_lowpass(std::size_t num_taps, double cutoff, double beta) {
  if (num_taps == 0)
    throw std::invalid_argument("firwin_kaiser_lowpass: num_taps must be >= 1 (0)");
  if (!(cutoff > 0.0 && cutoff < 1.0))
    throw std::invalid_argument("firwin_kaiser_lowpass: cutoff must lie in (0, 1) (" +
                                std::to_string(cutoff) + ")");
  const std::vector<double> win = kaiser_window(num_taps, beta);
  const double alpha = 0.5 * (static_cast<double>(num_taps) - 1.0);
  std::vector<double> h(num_taps);
  double sum = 0.0;
  for (std::size_t i = 0; i < num_taps; ++i) {
    const double m = static_cast<double>(i) - alpha;
    // numpy.sinc substitutes 1e-20 for 0 instead of special-casing it.
    const double y = std::numbers::pi * (cutoff * m == 0.0 ? 1e-20 : cutoff * m);
    h[i] = cutoff * (std::sin(y) / y) * win[i];
    sum += h[i];
  }
  for (double& v : h)
    v /= sum;  // unit gain at DC
  return h;
}

std::vector<double> resample_poly(std::span<const double> x, int up, int down) {
  if (x.empty())
    throw std::invalid_argument("resample_poly: signal is empty (0)");
  if (up < 1 || down < 1)
    throw std::invalid_argument("resample_poly: up and down must be >= 1 (" + std::to_string(up) +
                                "/" + std::to_string(down) + ")");
  detail::require_finite("resample_poly", x);
  const int g = std::gcd(up, down);
  const auto u = static_cast<std::size_t>(up / g);
  const auto d = static_cast<std::size_t>(down / g);
  if (u == 1 && d == 1)
    return {x.begin(), x.end()};
  const std::size_t n_in = x.size();
  const std::size_t n_out = (n_in * u + d - 1) / d;
  const std::size_t max_rate = std::max(u, d);
  const std::size_t half_len = 10 * max_rate;
  std::vector<double> taps =
      firwin_kaiser_lowpass(2 * half_len + 1, 1.0 / static_cast<double>(max_rate), 5.0);
  // The delay/trim bookkeeping follows scipy exactly so that output sample 0 is at time 0.
  const std::size_t n_pre_pad = d - half_len % d;
  const std::size_t n_pre_remove = (half_len + n_pre_pad) / d;
  std::vector<double> h(n_pre_pad, 0.0);
  for (double t : taps)
    h.push_back(t * static_cast<double>(u));
  while (upfirdn_output_len(h.size(), n_in, u, d) < n_out + n_pre_remove)
    h.push_back(0.0);
  return upfirdn_range(h, x, u, d, n_pre_remove, n_out);
}

}  // namespace eegtrack::dsp
