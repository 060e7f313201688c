#include "cohort_patterns.hpp"

#include <array>

#include "cohort_cells.hpp"
#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report::detail {
namespace {

// cohort.tsv's columns, in the order of kPatternNames: five shares of the analysed time, then
// the BIRD count.
constexpr std::array<std::string_view, 6> kColumns = {"gpd_fraction",  "lpd_fraction",
                                                      "bipd_fraction", "grda_fraction",
                                                      "lrda_fraction", "bird_count"};
constexpr std::size_t kBird = 5;

// A share of the analysed time as a reader takes it in: whole percent, "<1 %" below one; the
// space before "%" does not break, so that a narrow cell keeps "8 %" on one line.
std::string percent(double fraction) {
  constexpr const char* kPercent = "\u00A0%";
  return (fraction < 0.01 ? std::string("<1") : fixed(100.0 * fraction, 0)) + kPercent;
}

}  // namespace

bool is_pattern_column(std::string_view column) {
  for (const auto c : kColumns)
    if (c == column)
      return true;
  return false;
}

PatternCell pattern_cell(const std::function<std::string(std::string_view column)>& cell) {
  PatternCell out;
  for (std::size_t k = 0; k < kColumns.size(); ++k) {
    const auto v = number_of(cell(kColumns[k]));
    if (!v)
      continue;
    out.known = true;
    if (*v <= 0.0)
      continue;
    out.found[k] = true;
    out.present = true;
    out.text += std::string(out.text.empty() ? "" : ", ") + kPatternNames[k] + "\u00A0" +
                (k == kBird ? fixed(*v, 0) : percent(*v));
  }
  if (!out.known)
    out.text = "n/a";
  else if (!out.present)
    out.text = "none";
  return out;
}

}  // namespace eegtrack::report::detail
