#include "eegtrack/findings/background.hpp"

namespace eegtrack::findings {

const BandPower* find_band(const std::vector<BandPower>& powers, const std::string& band) noexcept {
  for (const auto& p : powers)
    if (p.band == band)
      return &p;
  return nullptr;
}

}  // namespace eegtrack::findings
