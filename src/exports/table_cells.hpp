#pragma once
// How the tables of src/exports write their cells: tab-separated, "n/a" for a value that is
// missing or not applicable (BIDS; read as missing by pandas and by R with na.strings = "n/a").

#include <optional>
#include <string>
#include <vector>

namespace eegtrack::exports::detail {

inline constexpr const char* kNotApplicable = "n/a";

/// `value` with `decimals` digits after the point; "n/a" when it is not finite.
[[nodiscard]] std::string fixed_cell(double value, int decimals);

/// The shortest text that reads back as exactly `value` ("0.25", "1e-05"); "n/a" when it is
/// not finite. Used where a table must hold the stored number itself.
[[nodiscard]] std::string exact_cell(double value);
[[nodiscard]] std::string exact_cell(const std::optional<double>& value);

/// Text that keeps the table intact: tabs and line breaks (from hostile labels) become spaces;
/// empty text becomes "n/a".
[[nodiscard]] std::string text_cell(std::string text);

/// Items joined with ',' (then as text_cell).
[[nodiscard]] std::string list_cell(const std::vector<std::string>& items);

/// One line of cells joined by tabs, ending in '\n'.
[[nodiscard]] std::string tsv_line(const std::vector<std::string>& cells);

}  // namespace eegtrack::exports::detail
