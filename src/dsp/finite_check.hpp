#pragma once
// Private: rejection of NaN/Inf samples, which would otherwise poison an IIR state forever.

#include <cmath>
#include <span>
#include <sstream>
#include <stdexcept>

#include "eegtrack/dsp/span_scan.hpp"

namespace eegtrack::dsp::detail {

/// @throws std::invalid_argument "fn: non-finite sample at index i (value)".
inline void require_finite(const char* fn, std::span<const double> x) {
  if (all_finite(x))  // the common case, without a branch per sample
    return;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i])) {
      std::ostringstream os;
      os << fn << ": non-finite sample at index " << i << " (" << x[i] << ")";
      throw std::invalid_argument(os.str());
    }
  }
}

}  // namespace eegtrack::dsp::detail
