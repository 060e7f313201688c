#pragma once

#include <span>

namespace eegtrack::dsp {

/// Trend removed from each segment before spectral estimation (scipy.signal.detrend types).
enum class Detrend {
  None,      ///< keep the samples as they are
  Constant,  ///< subtract the mean
  Linear     ///< subtract the least-squares straight line
};

/// Removes the trend from x in place. Empty input is left empty; Linear on one sample gives 0.
void detrend_in_place(std::span<double> x, Detrend kind);

/// Parses "none", "constant" or "linear".
/// @throws std::invalid_argument naming the text otherwise.
[[nodiscard]] Detrend parse_detrend(const char* text);

}  // namespace eegtrack::dsp
