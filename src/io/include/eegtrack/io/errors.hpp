#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::io {

/// A problem with an input or output file: unreadable, not an EDF/BDF, corrupt header, truncated
/// data, failed write. The message always names the path and the offending field or record, and
/// is valid UTF-8: bytes of the path or the file that are not appear escaped (escape_bytes).
class EdfError : public std::runtime_error {
 public:
  EdfError(const std::filesystem::path& path, const std::string& problem)
      : std::runtime_error(escape_bytes(path.string() + ": " + problem)), path_(path) {}
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

/// A request that cannot be served for this file (unknown channel, window outside the
/// recording): the user's mistake, mapped to exit status 2 by the CLI.
class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace eegtrack::io
