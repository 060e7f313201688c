#pragma once
// The JSON sidecar of a table, as BIDS describes tabular files: one key per column, each with a
// Description, the Units of a number and the Levels (words and their meanings) of a category.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eegtrack::exports {

/// A tab-separated table and its sidecar: <name>.tsv is described by <name>.json.
struct TableWithSidecar {
  std::string tsv;
  nlohmann::ordered_json sidecar;
};

/// The words a categorical column takes, each with its meaning.
using ColumnLevels = std::vector<std::pair<std::string_view, std::string_view>>;

/// One column's entry (keys in the order written): {"Description", "Units" (when `units` is not
/// empty), "Levels" (when `levels` is not empty)}.
[[nodiscard]] nlohmann::ordered_json column_sidecar(std::string_view description,
                                                    std::string_view units = {},
                                                    const ColumnLevels& levels = {});

}  // namespace eegtrack::exports
