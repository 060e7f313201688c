#pragma once

// Private to the cohort report: the periodic and rhythmic patterns of one cohort row, read from
// the table's per-pattern columns (gpd_fraction .. lrda_fraction, bird_count) and shown as one
// cell, so that five shares and a count do not take six columns of a page read by eye.

#include <functional>
#include <string>
#include <string_view>

namespace eegtrack::report::detail {

/// True for the cohort columns the patterns cell stands for.
[[nodiscard]] bool is_pattern_column(std::string_view column);

/// The first of them in cohort.tsv's order: where the patterns cell is shown.
inline constexpr std::string_view kFirstPatternColumn = "gpd_fraction";

/// One row's patterns, from `cell(column)`, the row's text in a column ("" when the table has
/// no such column).
struct PatternCell {
  bool known = false;    ///< the detectors ran (the columns hold numbers)
  bool present = false;  ///< some pattern or BIRD was found
  /// "LPD 12 %, GRDA <1 %, BIRD 2" (the spaces inside an item do not break), "none", or "n/a"
  std::string text;
  /// Per pattern type (GPD, LPD, BIPD, GRDA, LRDA, BIRD, in this order): found in this row.
  bool found[6] = {};
};
[[nodiscard]] PatternCell pattern_cell(
    const std::function<std::string(std::string_view column)>& cell);

/// The pattern types in the order of PatternCell::found.
inline constexpr const char* kPatternNames[6] = {"GPD", "LPD", "BIPD", "GRDA", "LRDA", "BIRD"};

}  // namespace eegtrack::report::detail
