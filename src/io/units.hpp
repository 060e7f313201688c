#pragma once

#include <string>
#include <string_view>

namespace eegtrack::io::detail {

/// Delivered unit of a signal and the factor from its physical dimension to that unit.
struct DeliveredUnit {
  double scale = 1.0;  ///< physical value * scale = delivered value
  std::string unit;    ///< "uV" for any voltage, otherwise the dimension as written
  bool is_voltage = false;
};

/// Maps an EDF physical dimension to the delivered unit. Voltages (nV, uV, µV, mV, V in the
/// spellings listed in docs/edf-reader.md) become microvolts; anything else is kept as written
/// with scale 1. "MV" is deliberately not read as millivolts.
[[nodiscard]] DeliveredUnit delivered_unit(std::string_view dimension);

}  // namespace eegtrack::io::detail
