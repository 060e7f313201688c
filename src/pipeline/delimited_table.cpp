#include "eegtrack/pipeline/delimited_table.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::pipeline {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos)
    return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Splits the whole text into records of fields, honouring quotes.
std::vector<std::vector<std::string>> records(const std::string& text, char separator) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && trimmed(field).empty()) {
      quoted = true;
      field.clear();
      any = true;
    } else if (c == separator) {
      record.push_back(separator == '\t' ? field : trimmed(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      if (any || !trimmed(field).empty()) {
        record.push_back(separator == '\t' ? field : trimmed(field));
        out.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
    } else if (c != '\r') {
      field += c;
      any = true;
    }
  }
  if (any || !trimmed(field).empty()) {
    record.push_back(separator == '\t' ? field : trimmed(field));
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace

DelimitedTable read_delimited_table(const std::filesystem::path& path, char separator) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw io::UsageError(path.string() + ": cannot read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    text.erase(0, 3);
  auto all = records(text, separator);
  if (all.empty())
    throw io::UsageError(path.string() + ": empty table (a header line is required)");
  DelimitedTable table;
  std::set<std::string> seen;
  for (const auto& name : all.front()) {
    const std::string column = trimmed(name);
    if (column.empty())
      throw io::UsageError(path.string() + ": empty column name in the header");
    if (!seen.insert(column).second)
      throw io::UsageError(path.string() + ": column '" + column + "' appears twice");
    table.header.push_back(column);
  }
  for (std::size_t r = 1; r < all.size(); ++r) {
    auto& row = all[r];
    if (row.size() > table.header.size())
      throw io::UsageError(path.string() + ": line " + std::to_string(r + 1) + " has " +
                           std::to_string(row.size()) + " fields, the header " +
                           std::to_string(table.header.size()));
    row.resize(table.header.size());
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace eegtrack::pipeline
