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

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

[[noreturn]] void refuse_kind(const std::filesystem::path& path, mode_t mode) {
  throw EdfError(path, std::string("not a regular file (") + kind_of(mode) + ")");
}

}  // namespace

int open_regular_file(const std::filesystem::path& path, std::int64_t* size) {
  // stat first: opening a FIFO for reading blocks until a writer appears, and reading a device
  // never ends. O_NONBLOCK keeps the open itself from blocking should the path be replaced by a
  // FIFO between the stat and the open; fstat below checks what was actually opened.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    throw EdfError(path, std::string("cannot open file: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode))
    refuse_kind(path, info.st_mode);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    throw EdfError(path, std::string("cannot open file: ") + std::strerror(errno));
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    refuse_kind(path, info.st_mode);
  }
  if (size != nullptr)
    *size = static_cast<std::int64_t>(info.st_size);
  return fd;
}

FileHandle::FileHandle(const std::filesystem::path& path) : path_(path) {
  fd_ = open_regular_file(path, &size_);
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
  // Sizes come from the header: never read past the size the file had when it was opened.
  if (offset < 0 || size < 0 || offset > size_ || size > size_ - offset)
    throw EdfError(path_, "read of " + std::to_string(size) + " bytes at byte " +
                              std::to_string(offset) + " goes past the end of the " +
                              std::to_string(size_) + "-byte file");
  std::int64_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd_, out + done, static_cast<std::size_t>(size - done),
                                static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      throw EdfError(path_, "read error at byte " + std::to_string(offset + done) + ": " +
                                std::strerror(errno));
    if (got == 0 && offset + done < size_)
      throw EdfError(path_, "file shrank while being read: it had " + std::to_string(size_) +
                                " bytes when opened, it ends at byte " +
                                std::to_string(offset + done) + " now");
    if (got == 0)
      throw EdfError(path_, "unexpected end of file at byte " + std::to_string(offset + done));
    done += got;
  }
}

}  // namespace eegtrack::io::detail
