#pragma once

// Bytes read from a file (header fields, labels, file names, annotation texts) may be Latin-1,
// control characters or plain garbage. Before such text enters an error message, a warning, a
// JSON document or an HDF5 attribute it passes through escape_bytes, the one function that
// makes it valid UTF-8 without losing information about what the file held.

#include <string>
#include <string_view>

namespace eegtrack::io {

/// `text` as valid UTF-8: well-formed UTF-8 sequences (RFC 3629: no overlong forms, surrogates
/// or code points above U+10FFFF) pass unchanged; any other byte, and every control character
/// except tab and newline (NUL, ESC, DEL, ...), becomes the four visible characters "\xNN"
/// (lower-case hex). Latin-1 "M\xFCller" therefore reads `M\xfcller`.
[[nodiscard]] std::string escape_bytes(std::string_view text);

/// True when escape_bytes(text) would return text unchanged.
[[nodiscard]] bool is_clean_text(std::string_view text);

}  // namespace eegtrack::io
