#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace eegtrack::cli {

/// Pretty JSON; invalid UTF-8 in file-derived text (labels, annotations) is replaced by U+FFFD
/// instead of aborting the output.
[[nodiscard]] inline std::string dump_json(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace eegtrack::cli
