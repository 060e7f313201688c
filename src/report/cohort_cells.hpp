#pragma once

// Private to the cohort report: reading the cohort table's cells by column name, as text or as
// numbers, for the page's summary, figures and table.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/report/cohort_report.hpp"

namespace eegtrack::report::detail {

inline constexpr const char* kNone = "n/a";

/// The number a cell holds, whole; nullopt for n/a, text or a number with anything after it.
[[nodiscard]] std::optional<double> number_of(const std::string& cell);

/// Reads a row's cells by column name; "" for a column the table does not have.
class CohortCells {
 public:
  explicit CohortCells(const std::vector<CohortColumn>& columns);
  [[nodiscard]] std::string text(const std::vector<std::string>& row,
                                 const std::string& name) const;
  [[nodiscard]] std::optional<double> number(const std::vector<std::string>& row,
                                             const std::string& name) const;

 private:
  std::map<std::string, std::size_t> index_;
};

/// The row's recording was analysed (status ok).
[[nodiscard]] bool analysed(const CohortCells& cells, const std::vector<std::string>& row);

}  // namespace eegtrack::report::detail
