#include "file_handle.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::io::detail {

FileHandle::FileHandle(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0)
    throw EdfError(path, std::string("cannot open file: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    throw EdfError(path, "not a regular file");
  }
  size_ = static_cast<std::int64_t>(info.st_size);
}

FileHandle::~FileHandle() {
  if (fd_ >= 0)
    ::close(fd_);
}

FileHandle::FileHandle(FileHandle&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

FileHandle& FileHandle::operator=(FileHandle&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0)
      ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
  }
  return *this;
}

void FileHandle::read_at(std::int64_t offset, std::int64_t size, char* out) const {
  std::int64_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd_, out + done, static_cast<std::size_t>(size - done),
                                static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      throw EdfError(path_, "read error at byte " + std::to_string(offset + done) + ": " +
                                std::strerror(errno));
    if (got == 0)
      throw EdfError(path_, "unexpected end of file at byte " + std::to_string(offset + done));
    done += got;
  }
}

}  // namespace eegtrack::io::detail
