#include "eegtrack/detect/detection_block.hpp"

namespace eegtrack::detect {

std::vector<DetectionChannel> detection_channels(const std::vector<std::string>& labels) {
  std::vector<DetectionChannel> out;
  out.reserve(labels.size());
  for (const std::string& label : labels) {
    DetectionChannel c;
    c.label = label;
    c.site = io::electrode_site(label);
    const auto dash = label.find('-');
    c.plus = label.substr(0, dash);
    c.minus = dash == std::string::npos ? std::string() : label.substr(dash + 1);
    if (c.site)
      c.position = io::electrode_position(c.plus);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace eegtrack::detect
