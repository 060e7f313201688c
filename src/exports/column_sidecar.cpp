#include "eegtrack/exports/column_sidecar.hpp"

#include <string>

namespace eegtrack::exports {

nlohmann::ordered_json column_sidecar(std::string_view description, std::string_view units,
                                      const ColumnLevels& levels) {
  nlohmann::ordered_json column{{"Description", std::string(description)}};
  if (!units.empty())
    column["Units"] = std::string(units);
  if (!levels.empty()) {
    nlohmann::ordered_json words = nlohmann::ordered_json::object();
    for (const auto& [word, meaning] : levels)
      words[std::string(word)] = std::string(meaning);
    column["Levels"] = words;
  }
  return column;
}

}  // namespace eegtrack::exports
