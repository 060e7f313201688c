#pragma once

// A tab-separated table as the CLI writes it, read back cell by cell: one vector per line, a
// trailing tab giving a last empty cell.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace eegtrack::test {

[[nodiscard]] std::vector<std::vector<std::string>> tsv_rows(const std::filesystem::path& path);

/// The rows below the header as maps by column name, keyed by the first column ("<missing>"
/// for a cell a short row lacks).
[[nodiscard]] std::map<std::string, std::map<std::string, std::string>> tsv_rows_by_key(
    const std::filesystem::path& path);

}  // namespace eegtrack::test
