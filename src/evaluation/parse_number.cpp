#include "parse_number.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace eegtrack::evaluation {

double parse_seconds(const std::string& text, const std::string& where) {
  if (text.empty())
    throw std::runtime_error(where + ": empty, expected seconds");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value))
    throw std::runtime_error(where + ": '" + text + "' is not a number of seconds");
  if (value < 0.0)
    throw std::runtime_error(where + ": " + text + " is negative");
  return value;
}

}  // namespace eegtrack::evaluation
