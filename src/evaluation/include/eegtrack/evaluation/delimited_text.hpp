#pragma once

#include <string>
#include <vector>

namespace eegtrack::evaluation {

/// A table read from CSV or TSV text: the header's column names and the data rows, each with
/// the line number it came from so that errors can point at it.
struct DelimitedTable {
  std::vector<std::string> columns;
  struct Row {
    int line = 0;
    std::vector<std::string> cells;
  };
  std::vector<Row> rows;

  /// Index of the column, or -1.
  [[nodiscard]] int column(const std::string& name) const;
};

/// Splits text into rows at line breaks (LF or CRLF) and cells at `delimiter`. Double-quoted
/// cells may hold the delimiter ("" is a quote). Blank lines are skipped.
/// @throws std::runtime_error naming `source` when there is no header or a row has more cells
/// than the header.
[[nodiscard]] DelimitedTable parse_delimited(const std::string& text, char delimiter,
                                             const std::string& source);

/// ',' unless the header line holds a tab.
[[nodiscard]] char guess_delimiter(const std::string& text);

}  // namespace eegtrack::evaluation
