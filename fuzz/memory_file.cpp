#include "memory_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace eegtrack::fuzz {

namespace {

std::filesystem::path named_file_path() {
  std::error_code ec;
  const std::filesystem::path shm = "/dev/shm";
  const auto dir =
      std::filesystem::is_directory(shm, ec) ? shm : std::filesystem::temp_directory_path();
  return dir / ("eegtrack-fuzz-" + std::to_string(::getpid()) + ".input");
}

}  // namespace

MemoryFile::MemoryFile(const std::uint8_t* data, std::size_t size, Kind kind) {
  named_ = kind == Kind::Named;
  if (named_) {
    path_ = named_file_path();
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  } else {
    fd_ = memfd_create("eegtrack-fuzz-input", MFD_CLOEXEC);
  }
  if (fd_ < 0) {
    std::perror(named_ ? path_.c_str() : "memfd_create");
    std::abort();
  }
  std::size_t written = 0;
  while (written < size) {
    const ssize_t n = ::write(fd_, data + written, size - written);
    if (n <= 0) {
      std::perror("write to memory file");
      std::abort();
    }
    written += static_cast<std::size_t>(n);
  }
  if (!named_)
    path_ = "/proc/self/fd/" + std::to_string(fd_);
}

MemoryFile::~MemoryFile() {
  ::close(fd_);
  if (named_)
    ::unlink(path_.c_str());
}

}  // namespace eegtrack::fuzz
