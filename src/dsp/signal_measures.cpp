#include "eegtrack/dsp/signal_measures.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "finite_check.hpp"

namespace eegtrack::dsp {

double line_length(std::span<const double> x) {
  if (x.size() < 2)
    throw std::invalid_argument("line_length: signal needs >= 2 samples (" +
                                std::to_string(x.size()) + ")");
  detail::require_finite("line_length", x);
  double sum = 0.0;
  for (std::size_t i = 1; i < x.size(); ++i)
    sum += std::abs(x[i] - x[i - 1]);
  return sum;
}

std::vector<double> line_length_windows(std::span<const double> x, std::size_t window,
                                        std::size_t step) {
  if (window < 2)
    throw std::invalid_argument("line_length_windows: window must be >= 2 (" +
                                std::to_string(window) + ")");
  if (step < 1)
    throw std::invalid_argument("line_length_windows: step must be >= 1 (0)");
  if (x.size() < window)
    throw std::invalid_argument("line_length_windows: signal shorter than window (" +
                                std::to_string(x.size()) + ")");
  detail::require_finite("line_length_windows", x);
  std::vector<double> out;
  out.reserve((x.size() - window) / step + 1);
  // Each window is summed afresh: no running sum, so no drift over a 24-h recording.
  for (std::size_t start = 0; start + window <= x.size(); start += step)
    out.push_back(line_length(x.subspan(start, window)));
  return out;
}

std::vector<double> teager_kaiser_energy(std::span<const double> x) {
  if (x.size() < 3)
    throw std::invalid_argument("teager_kaiser_energy: signal needs >= 3 samples (" +
                                std::to_string(x.size()) + ")");
  detail::require_finite("teager_kaiser_energy", x);
  std::vector<double> psi(x.size() - 2);
  for (std::size_t n = 1; n + 1 < x.size(); ++n)
    psi[n - 1] = x[n] * x[n] - x[n - 1] * x[n + 1];
  return psi;
}

}  // namespace eegtrack::dsp
