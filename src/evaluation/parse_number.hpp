#pragma once

#include <string>

namespace eegtrack::evaluation {

/// A finite, non-negative number of seconds. `where` names the file, line and field for the
/// error message. @throws std::runtime_error when the text is empty or not such a number.
[[nodiscard]] double parse_seconds(const std::string& text, const std::string& where);

}  // namespace eegtrack::evaluation
