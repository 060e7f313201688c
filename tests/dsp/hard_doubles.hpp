#pragma once

// Doubles that stress selection by bit patterns: both signs, both zeros, infinities,
// subnormals, the extremes, and values that agree on all but the lowest mantissa bit.

#include <cmath>
#include <limits>
#include <vector>

namespace eegtrack::test {

inline std::vector<double> hard_doubles() {
  const double inf = std::numeric_limits<double>::infinity();
  return {0.0,
          -0.0,
          inf,
          -inf,
          std::numeric_limits<double>::denorm_min(),
          -std::numeric_limits<double>::denorm_min(),
          std::numeric_limits<double>::max(),
          std::numeric_limits<double>::lowest(),
          1.0,
          std::nextafter(1.0, 2.0),
          std::nextafter(1.0, 0.0),
          -1.0};
}

}  // namespace eegtrack::test
