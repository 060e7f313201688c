#pragma once

// Private: waveform checks of a discharge train (uniform morphology, triphasic shape).

#include <vector>

#include "analysis_window.hpp"

namespace eegtrack::detect::detail {

/// Pearson correlation of two equally long series (0 when either is constant).
[[nodiscard]] double pearson_correlation(const std::vector<double>& a,
                                         const std::vector<double>& b);

struct Morphology {
  double uniform_fraction = 0.0;  ///< discharges correlating with the train's median waveform
  bool triphasic = false;
  int phases = 0;  ///< significant phases around the main one (1-3)
};

/// Median waveform of the train; the fraction of discharges whose Pearson correlation with it
/// reaches min_correlation; triphasic after ACNS 2021: 2 or 3 phases, each longer than the
/// previous, the positive phase the largest (measured on the median waveform, true polarity).
[[nodiscard]] Morphology train_morphology(const std::vector<Discharge>& train,
                                          double min_correlation);

}  // namespace eegtrack::detect::detail
