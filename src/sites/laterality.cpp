#include "eegtrack/sites/laterality.hpp"

namespace eegtrack::sites {

const char* to_string(Laterality laterality) noexcept {
  switch (laterality) {
    case Laterality::Left:
      return "left";
    case Laterality::Right:
      return "right";
    case Laterality::Bilateral:
      return "bilateral";
    case Laterality::Midline:
      return "midline";
    case Laterality::Unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace eegtrack::sites
