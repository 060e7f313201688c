#pragma once
// Treatments as exposure intervals on the day axis, and what was active at a given time.

#include <string>
#include <vector>

#include "eegtrack/clinical/course.hpp"

namespace eegtrack::clinical {

/// One drug's exposure on the day axis: [start_day, stop_day], stop inclusive.
struct Exposure {
  std::string drug;
  double start_day = 0.0;
  double stop_day = 0.0;
};

/// The course's treatments as exposures after `infusion`, in the course's order.
[[nodiscard]] std::vector<Exposure> exposures(const std::vector<Treatment>& treatments,
                                              LocalTime infusion);

/// Drugs whose exposure covers `day`, each once, in the order given.
[[nodiscard]] std::vector<std::string> active_at(const std::vector<Exposure>& exposures,
                                                 double day);

}  // namespace eegtrack::clinical
