#include "eegtrack/dsp/poisson_interval.hpp"

#include <math.h>  // lgamma_r

#include <cmath>
#include <limits>
#include <stdexcept>

#include "eegtrack/dsp/require.hpp"

namespace eegtrack::dsp {
namespace {

// ln Γ(a) without std::lgamma, which stores the sign of Γ(a) in the global `signgam`: two
// threads (two recordings of a batch) calling it at once race on that global (found by
// ThreadSanitizer). lgamma_r returns the sign through its argument instead.
double log_gamma(double a) {
  int sign = 0;
  return ::lgamma_r(a, &sign);
}

double gamma_series(double a, double x) {
  double term = 1.0 / a;
  double sum = term;
  for (int n = 1; n < 1000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::abs(term) < std::abs(sum) * 1e-16)
      break;
  }
  return sum * std::exp(-x + a * std::log(x) - log_gamma(a));
}

// Q(a, x) by Lentz's continued fraction.
double gamma_continued_fraction(double a, double x) {
  constexpr double tiny = 1e-300;
  double b = x + 1.0 - a;
  double c = 1.0 / tiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny)
      d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny)
      c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-16)
      break;
  }
  return std::exp(-x + a * std::log(x) - log_gamma(a)) * h;
}

// Chi-square quantile with k degrees of freedom: x / 2 solves P(k / 2, x / 2) = p. Bisection
// on a monotone function: slow by numerical standards, instant for one rate per recording.
double chi2_quantile(double p, double k) {
  double lo = 0.0;
  double hi = std::max(1.0, k);
  while (regularized_gamma_p(k / 2.0, hi / 2.0) < p)
    hi *= 2.0;
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (regularized_gamma_p(k / 2.0, mid / 2.0) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double regularized_gamma_p(double a, double x) {
  require(a > 0.0 && std::isfinite(a), "regularized_gamma_p", "a", a, "must be finite and > 0");
  require(x >= 0.0 && std::isfinite(x), "regularized_gamma_p", "x", x, "must be finite and >= 0");
  if (x == 0.0)
    return 0.0;
  return x < a + 1.0 ? gamma_series(a, x) : 1.0 - gamma_continued_fraction(a, x);
}

CountInterval poisson_count_interval(int count, double confidence) {
  require(count >= 0, "poisson_count_interval", "count", count, "must be >= 0");
  require(confidence > 0.0 && confidence < 1.0, "poisson_count_interval", "confidence", confidence,
          "must be in (0, 1)");
  const double alpha = 1.0 - confidence;
  CountInterval out;
  out.low = count == 0 ? 0.0 : chi2_quantile(alpha / 2.0, 2.0 * count) / 2.0;
  out.high = chi2_quantile(1.0 - alpha / 2.0, 2.0 * count + 2.0) / 2.0;
  return out;
}

}  // namespace eegtrack::dsp
