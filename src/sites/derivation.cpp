#include "eegtrack/sites/derivation.hpp"

namespace eegtrack::sites {

Derivation derivation_of(std::string_view label) {
  const auto dash = label.find('-');
  Derivation d;
  d.label = std::string(label);
  d.plus = std::string(label.substr(0, dash));
  if (dash != std::string_view::npos)
    d.minus = std::string(label.substr(dash + 1));
  return d;
}

std::vector<std::string> electrodes_of(const Derivation& derivation) {
  std::vector<std::string> out;
  for (const std::string* part : {&derivation.plus, &derivation.minus}) {
    if (!part->empty() && *part != kAverageReference)
      out.push_back(*part);
  }
  return out;
}

}  // namespace eegtrack::sites
