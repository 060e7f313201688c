// The whole reader on a file: header, the TAL scan of every record (EDF+ time keeping,
// annotations, segments) and the record decoder (data records -> samples of every data signal,
// 16- and 24-bit), read front to back by ChunkReader as the analysis does and once more through
// read_window across the whole time axis.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "memory_file.hpp"

namespace io = eegtrack::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const eegtrack::fuzz::MemoryFile file(data, size);
  try {
    const io::EdfReader reader(file.path());
    const std::vector<int> signals = io::require_data_signals(reader);
    io::ChunkReader chunks(reader, signals, 10.0);
    io::Chunk chunk;
    while (chunks.next(chunk)) {
    }
    (void)reader.read_window(signals, 0.0, reader.duration_s());
  } catch (const io::EdfError&) {
    // A refused file; UsageError would be a reader bug (the indices come from the reader).
  }
  return 0;
}
