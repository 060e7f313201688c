#include <algorithm>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/resample.hpp"
#include "finite_check.hpp"

namespace eegtrack::dsp {

DisplayEnvelope decimate_for_display(std::span<const double> x, std::size_t columns) {
  if (x.empty())
    throw std::invalid_argument("decimate_for_display: signal is empty (0)");
  if (columns == 0)
    throw std::invalid_argument("decimate_for_display: columns must be >= 1 (0)");
  detail::require_finite("decimate_for_display", x);
  const std::size_t n = x.size();
  const std::size_t c_count = std::min(columns, n);
  DisplayEnvelope env;
  env.min.resize(c_count);
  env.max.resize(c_count);
  env.first_sample.resize(c_count);
  for (std::size_t c = 0; c < c_count; ++c) {
    // 128-bit-free integer bounds: c * n fits for any realistic trace (< 2^32 columns/samples).
    const std::size_t begin = c * n / c_count;
    const std::size_t end = (c + 1) * n / c_count;
    const auto [lo, hi] = std::minmax_element(x.begin() + static_cast<std::ptrdiff_t>(begin),
                                              x.begin() + static_cast<std::ptrdiff_t>(end));
    env.min[c] = *lo;
    env.max[c] = *hi;
    env.first_sample[c] = begin;
  }
  return env;
}

}  // namespace eegtrack::dsp
