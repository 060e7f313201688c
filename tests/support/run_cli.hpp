#pragma once

#include <string>
#include <vector>

namespace eegtrack::test {

/// Result of running the eegtrack executable.
struct CliResult {
  int exit_status = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the built eegtrack with the given arguments (each shell-quoted), no stdin.
[[nodiscard]] CliResult run_cli(const std::vector<std::string>& args);

/// Whole file as a string.
[[nodiscard]] std::string read_text(const std::string& path);

}  // namespace eegtrack::test
