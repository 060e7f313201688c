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

std::map<std::string, std::map<std::string, std::string>> tsv_rows_by_key(
    const std::filesystem::path& path) {
  const auto rows = tsv_rows(path);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[0].size(); ++c)
      out[rows[r][0]][rows[0][c]] = c < rows[r].size() ? rows[r][c] : "<missing>";
  return out;
}

}  // namespace eegtrack::test
