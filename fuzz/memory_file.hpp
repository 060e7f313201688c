#pragma once
// The readers under test take a path (they stat, open and pread it, as they do for a real
// recording). A memory file gives each input a path without touching the disk: memfd_create
// makes an anonymous regular file, reachable as /proc/self/fd/N until the object is destroyed.
// HDF5 cannot open such a path (it resolves the real path of the file), so a named file in
// /dev/shm (a tmpfs; the temporary folder where there is none) is also offered.

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace eegtrack::fuzz {

class MemoryFile {
 public:
  enum class Kind { Anonymous, Named };
  /// A regular file holding exactly the given bytes. Aborts if the kernel refuses (not an input
  /// problem, so the fuzzer must stop).
  MemoryFile(const std::uint8_t* data, std::size_t size, Kind kind = Kind::Anonymous);
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  int fd_ = -1;
  std::filesystem::path path_;
  bool named_ = false;
};

}  // namespace eegtrack::fuzz
