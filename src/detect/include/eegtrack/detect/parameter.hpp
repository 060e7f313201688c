#pragma once

#include <string>
#include <vector>

namespace eegtrack::detect {

/// One named detector parameter, so every threshold used can be written beside the results
/// (summary.json "parameters", HDF5 /parameters) without the detect layer knowing about JSON.
struct Parameter {
  std::string name;  ///< snake_case with the unit in the name: "min_duration_s", "k_threshold"
  double value = 0.0;
};

using ParameterList = std::vector<Parameter>;

}  // namespace eegtrack::detect
