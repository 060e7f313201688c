#pragma once
// Names of the outputs of `eegtrack batch` (docs/batch.md, output keys): every recording's
// outputs are named by a key derived from its path relative to the batch input, so two files
// with the same name in different folders never overwrite each other, and no key can reach
// outside the output folder.

#include <string>
#include <string_view>

namespace eegtrack::pipeline {

/// One path component made safe as a file name: bytes other than ASCII letters, digits, '-',
/// '_', '+' and '.' become "%XX" (so does '%' itself), as does a leading '.', so the result is
/// never empty, hidden, "." or "..", and different inputs give different results.
[[nodiscard]] std::string safe_file_name(std::string_view component);

/// The key of a relative path without extension: its components made safe and joined by "~"
/// ("sub/dir/name" -> "sub~dir~name"; '~' inside a component is escaped, so the flattening is
/// one-to-one). An empty path or a "." or ".." component is refused.
/// @throws std::invalid_argument naming the path.
[[nodiscard]] std::string flat_key(std::string_view relative_path_without_extension);

/// True when `key` names files inside OUTDIR: not empty, not absolute, no ".." component, as
/// every key flat_key and bids_derivative_name make. A key read back from a file is checked
/// with this before any path is built from it.
[[nodiscard]] bool key_stays_inside(std::string_view key);

/// The BIDS-derivatives name of a BIDS EEG file stem: "sub-01_ses-1_task-rest_eeg" ->
/// "sub-01_ses-1_task-rest_desc-eegtrack_eeg" (the suffix kept last, desc- before it), made safe.
[[nodiscard]] std::string bids_derivative_name(std::string_view source_stem);

}  // namespace eegtrack::pipeline
