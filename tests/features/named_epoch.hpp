#pragma once
// One multi-channel epoch whose channels are named by canonical electrode ("C3", "T7"), for
// tests that build fields over chosen electrodes (cerebral_field_test, ocular_test).

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace eegtrack::test {

struct NamedEpoch {
  std::vector<std::string> names;
  std::vector<std::vector<double>> x;

  /// The samples of one electrode. @throws std::runtime_error when it is not in the epoch.
  std::vector<double>& operator[](const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw std::runtime_error("no electrode " + name);
    return x[static_cast<std::size_t>(it - names.begin())];
  }
};

}  // namespace eegtrack::test
