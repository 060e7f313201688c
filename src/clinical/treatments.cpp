#include "eegtrack/clinical/treatments.hpp"

#include <algorithm>

namespace eegtrack::clinical {

std::vector<Exposure> exposures(const std::vector<Treatment>& treatments, LocalTime infusion) {
  std::vector<Exposure> out;
  for (const auto& t : treatments)
    out.push_back({t.drug, days_after(infusion, t.start), days_after(infusion, t.stop)});
  return out;
}

std::vector<std::string> active_at(const std::vector<Exposure>& exposures, double day) {
  std::vector<std::string> out;
  for (const auto& e : exposures)
    if (e.start_day <= day && day <= e.stop_day &&
        std::find(out.begin(), out.end(), e.drug) == out.end())
      out.push_back(e.drug);
  return out;
}

}  // namespace eegtrack::clinical
