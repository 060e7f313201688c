#include "support/flip_byte.hpp"

#include <fstream>

namespace eegtrack::test {

void flip_middle_byte(const std::filesystem::path& file) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  const auto middle = static_cast<std::streamoff>(std::filesystem::file_size(file) / 2);
  f.seekg(middle);
  const char byte = static_cast<char>(f.get() ^ 0xff);
  f.seekp(middle);
  f.put(byte);
}

}  // namespace eegtrack::test
