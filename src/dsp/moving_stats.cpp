#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/signal_measures.hpp"
#include "finite_check.hpp"

namespace eegtrack::dsp {
namespace {

void validate(const char* fn, std::span<const double> x, std::size_t window) {
  if (window < 1)
    throw std::invalid_argument(std::string(fn) + ": window must be >= 1 (0)");
  if (x.size() < window)
    throw std::invalid_argument(std::string(fn) + ": signal shorter than window (" +
                                std::to_string(x.size()) + " < " + std::to_string(window) + ")");
  detail::require_finite(fn, x);
}

// Sliding mean and sum of squared deviations (Welford's update with one sample in, one out);
// stable where a running sum of squares would cancel catastrophically.
template <typename Emit>
void sliding_moments(std::span<const double> x, std::size_t window, Emit emit) {
  const auto w = static_cast<double>(window);
  double mean = 0.0;
  double m2 = 0.0;
  for (std::size_t i = 0; i < window; ++i) {
    const double d = x[i] - mean;
    mean += d / static_cast<double>(i + 1);
    m2 += d * (x[i] - mean);
  }
  emit(0, mean, std::max(m2, 0.0));
  for (std::size_t i = window; i < x.size(); ++i) {
    const double in = x[i];
    const double out = x[i - window];
    const double new_mean = mean + (in - out) / w;
    m2 += (in - out) * (in - new_mean + out - mean);
    mean = new_mean;
    emit(i - window + 1, mean, std::max(m2, 0.0));
  }
}

}  // namespace

std::vector<double> moving_mean(std::span<const double> x, std::size_t window) {
  validate("moving_mean", x, window);
  std::vector<double> out(x.size() - window + 1);
  sliding_moments(x, window, [&](std::size_t i, double mean, double) { out[i] = mean; });
  return out;
}

std::vector<double> moving_std(std::span<const double> x, std::size_t window) {
  validate("moving_std", x, window);
  std::vector<double> out(x.size() - window + 1);
  const auto w = static_cast<double>(window);
  sliding_moments(x, window, [&](std::size_t i, double, double m2) { out[i] = std::sqrt(m2 / w); });
  return out;
}

std::vector<double> moving_rms(std::span<const double> x, std::size_t window) {
  validate("moving_rms", x, window);
  std::vector<double> out(x.size() - window + 1);
  const auto w = static_cast<double>(window);
  // mean square = variance + mean^2, both from the stable sliding moments.
  sliding_moments(x, window, [&](std::size_t i, double mean, double m2) {
    out[i] = std::sqrt(m2 / w + mean * mean);
  });
  return out;
}

std::vector<double> moving_median(std::span<const double> x, std::size_t window) {
  validate("moving_median", x, window);
  std::vector<double> sorted(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(window));
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> out(x.size() - window + 1);
  const std::size_t mid = window / 2;
  auto median = [&] {
    return window % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  };
  out[0] = median();
  for (std::size_t i = window; i < x.size(); ++i) {
    // Keep the window sorted: remove the leaving sample, insert the arriving one.
    sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), x[i - window]));
    sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), x[i]), x[i]);
    out[i - window + 1] = median();
  }
  return out;
}

}  // namespace eegtrack::dsp
