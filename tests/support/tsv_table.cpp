#include "support/tsv_table.hpp"

#include <sstream>

#include "support/run_cli.hpp"

namespace eegtrack::test {

std::vector<std::vector<std::string>> tsv_rows(const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(path.string()));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cells_in(line);
    for (std::string cell; std::getline(cells_in, cell, '\t');)
      cells.push_back(cell);
    if (!line.empty() && line.back() == '\t')
      cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace eegtrack::test
