#include "eegtrack/report/time_axis.hpp"

namespace eegtrack::report {

TimeUnit time_unit_for(double duration_s) {
  if (duration_s < 600.0)
    return {1.0, "s"};
  if (duration_s < 3.0 * 3600.0)
    return {60.0, "min"};
  return {3600.0, "h"};
}

}  // namespace eegtrack::report
