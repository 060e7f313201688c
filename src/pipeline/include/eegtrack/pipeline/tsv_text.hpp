#pragma once
// Text from files and file systems (paths, error messages, manifest values) written into a TSV
// cell: always valid UTF-8 on one line, whatever bytes it came with.

#include <string>
#include <string_view>

namespace eegtrack::pipeline {

/// `text` as one TSV cell: valid UTF-8 sequences pass through; a backslash becomes "\\", tab,
/// newline and carriage return "\t", "\n", "\r", and every other control byte or byte that is
/// not part of valid UTF-8 "\xNN" (hexadecimal), so the cell is valid UTF-8 and the original
/// bytes can be told apart.
[[nodiscard]] std::string tsv_cell(std::string_view text);

/// The bytes a tsv_cell came from: tsv_cell_bytes(tsv_cell(x)) == x for any x. An escape that
/// tsv_cell does not write is kept as it is.
[[nodiscard]] std::string tsv_cell_bytes(std::string_view cell);

}  // namespace eegtrack::pipeline
