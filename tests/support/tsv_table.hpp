#pragma once

// A tab-separated table as the CLI writes it, read back cell by cell: one vector per line, a
// trailing tab giving a last empty cell.

#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::test {

[[nodiscard]] std::vector<std::vector<std::string>> tsv_rows(const std::filesystem::path& path);

}  // namespace eegtrack::test
