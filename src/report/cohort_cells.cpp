#include "cohort_cells.hpp"

#include <charconv>
#include <cmath>

namespace eegtrack::report::detail {

std::optional<double> number_of(const std::string& cell) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

CohortCells::CohortCells(const std::vector<CohortColumn>& columns) {
  for (std::size_t c = 0; c < columns.size(); ++c)
    index_[columns[c].name] = c;
}

std::string CohortCells::text(const std::vector<std::string>& row, const std::string& name) const {
  const auto it = index_.find(name);
  return it != index_.end() && it->second < row.size() ? row[it->second] : std::string();
}

std::optional<double> CohortCells::number(const std::vector<std::string>& row,
                                          const std::string& name) const {
  return number_of(text(row, name));
}

bool analysed(const CohortCells& cells, const std::vector<std::string>& row) {
  return cells.text(row, "status") == "ok";
}

}  // namespace eegtrack::report::detail
