#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace eegtrack::io {

/// A failed HDF5 operation (feature store writing or reading). The message names the file, the
/// object path inside it, the HDF5 call that failed and HDF5's own innermost error description,
/// e.g. "out/a.h5: H5Dcreate2 failed for '/features/x': name already exists".
class H5Error : public std::runtime_error {
 public:
  H5Error(const std::filesystem::path& file, const std::string& object, const std::string& call,
          const std::string& detail)
      : std::runtime_error(file.string() + ": " + call + " failed" +
                           (object.empty() ? std::string() : " for '" + object + "'") +
                           (detail.empty() ? std::string() : ": " + detail)),
        file_(file),
        object_(object),
        call_(call) {}
  /// The HDF5 file (for a writer: the final path, not its temporary).
  [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
  /// The object path inside the file ("" when the failure concerns the file itself).
  [[nodiscard]] const std::string& object() const noexcept { return object_; }
  /// The failed call, e.g. "H5Dwrite" or "rename".
  [[nodiscard]] const std::string& call() const noexcept { return call_; }

 private:
  std::filesystem::path file_;
  std::string object_;
  std::string call_;
};

}  // namespace eegtrack::io
