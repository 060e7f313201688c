#pragma once
// Small tables of text as people write them: manifests and participants.tsv (docs/batch.md).

#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::pipeline {

struct DelimitedTable {
  std::vector<std::string> header;             ///< column names, surrounding spaces trimmed
  std::vector<std::vector<std::string>> rows;  ///< each as long as the header
};

/// Reads a table with a header line, fields separated by `separator` ('\t' or ','). Fields may
/// be "double-quoted" (a quote inside written twice), which lets a comma or a newline be part
/// of a value. A UTF-8 byte-order mark, '\r' line ends and blank lines are ignored; a row with
/// fewer fields than the header gets empty ones.
/// @throws io::UsageError naming the file: unreadable, empty, a row with more fields than the
/// header, duplicate or empty column names.
[[nodiscard]] DelimitedTable read_delimited_table(const std::filesystem::path& path,
                                                  char separator);

}  // namespace eegtrack::pipeline
