#pragma once
// Private: numbers in the words of verdicts and flags ("relative delta 0.52 > 0.35").

#include <cstdio>
#include <string>

namespace eegtrack::clinical::detail {

/// `v` with `digits` decimals.
inline std::string fixed_text(double v, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, v);
  return text;
}

}  // namespace eegtrack::clinical::detail
