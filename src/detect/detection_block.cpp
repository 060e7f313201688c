#include "eegtrack/detect/detection_block.hpp"

namespace eegtrack::detect {

std::vector<DetectionChannel> detection_channels(std::span<const sites::Derivation> derivations) {
  std::vector<DetectionChannel> out;
  out.reserve(derivations.size());
  for (const sites::Derivation& d : derivations) {
    DetectionChannel c;
    c.label = d.label;
    c.site = sites::derivation_site(d);
    c.plus = d.plus;
    c.minus = d.minus;
    if (c.site)
      c.position = sites::electrode_position(c.plus);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<DetectionChannel> detection_channels(const std::vector<std::string>& labels) {
  std::vector<sites::Derivation> derivations;
  derivations.reserve(labels.size());
  for (const std::string& label : labels)
    derivations.push_back(sites::derivation_of(label));
  return detection_channels(derivations);
}

}  // namespace eegtrack::detect
