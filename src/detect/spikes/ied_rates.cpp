// Discharge rates per channel and region.

#include "eegtrack/detect/spikes/ied_rates.hpp"

#include <map>
#include <stdexcept>
#include <string>

namespace eegtrack::detect {

namespace {

std::vector<IedRate> rates_of(const std::map<std::string, int>& counts, double analysed_s) {
  std::vector<IedRate> out;
  for (const auto& [name, count] : counts) {
    const double per_second = static_cast<double>(count) / analysed_s;
    out.push_back({name, count, 3600.0 * per_second, 60.0 * per_second});
  }
  return out;
}

}  // namespace

IedRates ied_rates(std::span<const Event> events, double analysed_s) {
  if (!(analysed_s > 0.0))
    throw std::invalid_argument("ied_rates: analysed_s must be > 0 (" + std::to_string(analysed_s) +
                                ")");
  std::map<std::string, int> by_channel;
  std::map<std::string, int> by_region;
  IedRates r;
  for (const Event& e : events) {
    if (e.type != EventType::Spike && e.type != EventType::Sharp)
      continue;
    ++r.total;
    ++by_channel[e.focus.empty() ? std::string("unknown") : e.focus];
    ++by_region[e.region ? std::string(sites::to_string(*e.region)) : std::string("unlocalized")];
  }
  r.per_hour = 3600.0 * static_cast<double>(r.total) / analysed_s;
  r.by_channel = rates_of(by_channel, analysed_s);
  r.by_region = rates_of(by_region, analysed_s);
  return r;
}

}  // namespace eegtrack::detect
