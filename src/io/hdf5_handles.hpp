#pragma once

// Private HDF5 helpers shared by the writer and the reader: the process-wide lock, an RAII
// owner for hid_t, error capture and path checks. hdf5.h stays out of the public headers.

#include <hdf5.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eegtrack::io::detail {

/// Holds the process-wide HDF5 mutex: every HDF5 call in eegtrack happens under this lock.
/// HDF5 builds without --enable-threadsafe (the default of upstream and of many distributions)
/// must not be entered by two threads at once; Debian's 1.10.8 has thread safety but takes a
/// global lock inside anyway, so the mutex costs nothing there and keeps the behaviour the same
/// with any build. It is recursive because handles lock it again when they close inside an
/// already locked method. The first lock in each thread switches off HDF5's automatic error
/// printing (a per-thread setting in thread-safe builds).
class H5Lock {
 public:
  H5Lock();

 private:
  std::unique_lock<std::recursive_mutex> lock_;
};

/// Owns one HDF5 identifier of any kind and releases it with H5Idec_ref under the lock.
class H5Handle {
 public:
  H5Handle() = default;
  explicit H5Handle(hid_t id) noexcept : id_(id) {}
  ~H5Handle() { reset(); }
  H5Handle(H5Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  H5Handle& operator=(H5Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;

  [[nodiscard]] hid_t get() const noexcept { return id_; }
  [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }
  /// Gives up ownership (e.g. to close a file with H5Fclose and check the result).
  [[nodiscard]] hid_t release() noexcept { return std::exchange(id_, H5I_INVALID_HID); }
  void reset() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
};

/// Where an HDF5 call happens, for error messages.
struct H5Site {
  const std::filesystem::path& file;
  std::string_view object;
};

/// Throws H5Error for a failed call, with HDF5's error stack (then cleared) as the detail.
[[noreturn]] void throw_h5(const H5Site& site, std::string_view call);
/// Returns id, or throws H5Error if it is negative.
hid_t check_id(hid_t id, const H5Site& site, std::string_view call);
/// Throws H5Error if status is negative.
void check(herr_t status, const H5Site& site, std::string_view call);
/// Returns an owned id, or throws H5Error if it is negative.
inline H5Handle owned(hid_t id, const H5Site& site, std::string_view call) {
  return H5Handle(check_id(id, site, call));
}

/// "/a/b" for "a/b", "/a/b" or "a/b/"; "/" for "" or "/".
/// @throws std::invalid_argument ("function: ...") for empty, "." or ".." components.
std::string normalize_path(std::string_view path, std::string_view function);
/// The normalized path's components, e.g. {"a", "b"} for "/a/b".
std::vector<std::string> path_components(const std::string& normalized);
/// @throws std::invalid_argument naming what, if s is not valid UTF-8 or contains NUL.
void validate_text(std::string_view s, std::string_view function, std::string_view what);
/// True if a link exists at the normalized path (every parent is checked first).
bool link_exists(hid_t file, const std::string& normalized, const H5Site& site);

/// A new fixed-length UTF-8 string datatype of `bytes` bytes (at least 1), padded with NULs.
/// eegtrack writes no variable-length strings: reading them back goes through libhdf5's
/// variable-length conversion, which a damaged file can make overflow (docs/robustness.md).
H5Handle utf8_string_type(std::size_t bytes, const H5Site& site);
/// A simple dataspace with these dimensions (rank 0 = scalar).
H5Handle make_dataspace(const std::vector<hsize_t>& dims, const H5Site& site);
/// A link creation property list that creates missing intermediate groups.
H5Handle intermediate_groups_lcpl(const H5Site& site);

}  // namespace eegtrack::io::detail
