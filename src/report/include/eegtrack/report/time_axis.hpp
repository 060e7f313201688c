#pragma once
// The unit a time axis is labelled in: seconds for short recordings, minutes up to a few
// hours, hours beyond, so that tick labels stay short numbers.

#include <string>

namespace eegtrack::report {

struct TimeUnit {
  double seconds = 1.0;  ///< seconds per unit
  std::string name;      ///< "s", "min", "h"
};

/// "s" below 10 min, "min" below 3 h, "h" from there.
[[nodiscard]] TimeUnit time_unit_for(double duration_s);

}  // namespace eegtrack::report
