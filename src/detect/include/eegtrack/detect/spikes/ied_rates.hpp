#pragma once

// How often the IED detector's discharges occur, per focus electrode and per region.

#include <span>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect {

/// Discharge rates of one channel or region.
struct IedRate {
  std::string name;  ///< focus electrode ("T7") or region ("temporal")
  int count = 0;     ///< Spike and Sharp events with this focus / region
  double per_hour = 0.0;
  double per_minute = 0.0;
};

/// IED rates per focus electrode and per region (each sorted by name); other event types are
/// ignored. analysed_s is the EEG time the detector saw (gaps excluded).
struct IedRates {
  int total = 0;
  double per_hour = 0.0;
  std::vector<IedRate> by_channel;
  std::vector<IedRate> by_region;
};

/// @throws std::invalid_argument if analysed_s <= 0.
[[nodiscard]] IedRates ied_rates(std::span<const Event> events, double analysed_s);

}  // namespace eegtrack::detect
