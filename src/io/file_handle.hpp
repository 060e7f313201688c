#pragma once

#include <cstdint>
#include <filesystem>

namespace eegtrack::io::detail {

/// Opens path read-only after checking, without blocking, that it is a regular file: a FIFO, a
/// directory, a device or a socket is refused by name. Returns the descriptor (the caller closes
/// it) and stores the size in *size when given. @throws EdfError naming the file.
[[nodiscard]] int open_regular_file(const std::filesystem::path& path,
                                    std::int64_t* size = nullptr);

/// Read-only POSIX file descriptor (RAII). read_at uses pread, so one handle can serve several
/// threads at once.
class FileHandle {
 public:
  /// @throws EdfError if the file cannot be opened or is not a regular file.
  explicit FileHandle(const std::filesystem::path& path);
  ~FileHandle();
  FileHandle(FileHandle&& other) noexcept;
  FileHandle& operator=(FileHandle&& other) noexcept;
  FileHandle(const FileHandle&) = delete;
  FileHandle& operator=(const FileHandle&) = delete;

  [[nodiscard]] std::int64_t size() const noexcept { return size_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  /// Reads exactly size bytes at offset into out. @throws EdfError on I/O error, on a request
  /// past the size the file had when opened (header-declared sizes are never trusted), or when
  /// the file shrank since.
  void read_at(std::int64_t offset, std::int64_t size, char* out) const;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::int64_t size_ = 0;
};

}  // namespace eegtrack::io::detail
