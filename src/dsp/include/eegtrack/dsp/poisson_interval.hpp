#pragma once

// Exact (Garwood) confidence interval for the mean of a Poisson count: how many events per
// hour a recording's count allows. A rate from a short recording is a wide interval, and the
// interval says so where a point estimate "60 /h" from one spike in one minute would not.

namespace eegtrack::dsp {

/// Interval for the expected count, [low, high].
struct CountInterval {
  double low = 0.0;
  double high = 0.0;
};

/// Garwood's exact interval for the mean of a Poisson variable observed as `count`:
/// low = chi2.ppf(alpha/2, 2 count) / 2 (0 when count is 0), high = chi2.ppf(1 - alpha/2,
/// 2 count + 2) / 2, alpha = 1 - confidence. Agrees with scipy.stats.chi2 to 1e-9 relative.
/// @throws std::invalid_argument if count < 0 or confidence is not in (0, 1).
[[nodiscard]] CountInterval poisson_count_interval(int count, double confidence = 0.95);

/// Regularized lower incomplete gamma function P(a, x), a > 0, x >= 0 (series for x < a + 1,
/// continued fraction otherwise; relative accuracy about 1e-14).
[[nodiscard]] double regularized_gamma_p(double a, double x);

}  // namespace eegtrack::dsp
