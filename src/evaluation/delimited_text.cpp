#include "eegtrack/evaluation/delimited_text.hpp"

#include <sstream>
#include <stdexcept>

namespace eegtrack::evaluation {
namespace {

std::vector<std::string> split_cells(const std::string& line, char delimiter) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

}  // namespace

int DelimitedTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name)
      return static_cast<int>(i);
  return -1;
}

DelimitedTable parse_delimited(const std::string& text, char delimiter, const std::string& source) {
  DelimitedTable table;
  std::istringstream lines(text);
  std::string line;
  int line_number = 0;
  bool have_header = false;
  while (std::getline(lines, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos)
      continue;
    auto cells = split_cells(line, delimiter);
    if (!have_header) {
      table.columns = std::move(cells);
      have_header = true;
      continue;
    }
    if (cells.size() > table.columns.size())
      throw std::runtime_error(source + " line " + std::to_string(line_number) + ": " +
                               std::to_string(cells.size()) + " fields, the header has " +
                               std::to_string(table.columns.size()));
    cells.resize(table.columns.size());
    table.rows.push_back({line_number, std::move(cells)});
  }
  if (!have_header)
    throw std::runtime_error(source + ": empty, expected a header line");
  return table;
}

char guess_delimiter(const std::string& text) {
  const auto header = text.substr(0, text.find('\n'));
  return header.find('\t') != std::string::npos ? '\t' : ',';
}

}  // namespace eegtrack::evaluation
