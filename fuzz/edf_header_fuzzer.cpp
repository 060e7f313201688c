// The EDF/BDF header parser: fixed and per-signal header, file type, start time, record count,
// scaling and every limit of limits.hpp. Input: the first bytes of a file (any length).
#include <cstddef>
#include <cstdint>

#include "eegtrack/io/errors.hpp"
#include "header_parser.hpp"
#include "memory_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const eegtrack::fuzz::MemoryFile file(data, size);
  try {
    const eegtrack::io::detail::FileHandle handle(file.path());
    eegtrack::io::detail::Diagnostics diag{file.path(), {}, {}};
    (void)eegtrack::io::detail::read_header(handle, diag);
  } catch (const eegtrack::io::EdfError&) {
    // A refused header is the expected outcome for most inputs; anything else escapes.
  }
  return 0;
}
