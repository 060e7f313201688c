// The TAL parser: the bytes of one annotation signal in one data record.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eegtrack/io/tal_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // parse_tals never throws: every malformed TAL becomes a problem note.
  (void)eegtrack::io::parse_tals(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
