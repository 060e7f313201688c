// The course file of `eegtrack followup` (YAML typed by hand): every problem must be a
// CourseFileError naming the file, the line and the field.
#include <cstddef>
#include <cstdint>

#include "eegtrack/pipeline/course_file.hpp"
#include "memory_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const eegtrack::fuzz::MemoryFile file(data, size);
  try {
    (void)eegtrack::pipeline::read_course_file(file.path());
  } catch (const eegtrack::io::EdfError&) {
    // CourseFileError (an EdfError) is the one documented failure.
  }
  return 0;
}
