#pragma once

#include "diagnostics.hpp"
#include "eegtrack/io/edf_header.hpp"
#include "file_handle.hpp"

namespace eegtrack::io::detail {

/// Reads and validates the fixed and per-signal header of file: file type from the version and
/// reserved bytes (never the extension), start time, record count (computed from the file size
/// when the header says -1), record duration, signals with units and scaling. Repairs and spec
/// deviations go to diag. StartTime::subsecond_s is left 0 (it comes from the first TAL).
/// @throws EdfError for anything that would make the samples wrong or unreadable.
[[nodiscard]] Header read_header(const FileHandle& file, Diagnostics& diag);

/// Per-signal header part of read_header (fills header.signals, record_bytes and the scaling);
/// raw is the 256 * ns bytes after the fixed header.
void parse_signal_headers(std::string_view raw, Header& header, Diagnostics& diag);

}  // namespace eegtrack::io::detail
