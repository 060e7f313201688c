#pragma once
// ASCII lower case, for tests that look for a name in any case (a patient's name, a type).

#include <algorithm>
#include <cctype>
#include <string>

namespace eegtrack::test {

[[nodiscard]] inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace eegtrack::test
