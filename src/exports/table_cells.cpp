#include "table_cells.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace eegtrack::exports::detail {

std::string fixed_cell(double value, int decimals) {
  if (!std::isfinite(value))
    return kNotApplicable;
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
  return buffer.data();
}

std::string exact_cell(double value) {
  if (!std::isfinite(value))
    return kNotApplicable;
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string exact_cell(const std::optional<double>& value) {
  return value ? exact_cell(*value) : std::string(kNotApplicable);
}

std::string text_cell(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r')
      c = ' ';
  return text.empty() ? std::string(kNotApplicable) : text;
}

std::string list_cell(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : ",") + items[i];
  return text_cell(out);
}

std::string tsv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i)
    line += (i == 0 ? "" : "\t") + cells[i];
  return line + '\n';
}

}  // namespace eegtrack::exports::detail
