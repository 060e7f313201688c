#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::test {

/// Result of running the eegtrack executable.
struct CliResult {
  int exit_status = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs a program with the given arguments (each shell-quoted), no stdin.
[[nodiscard]] CliResult run_program(const std::filesystem::path& program,
                                    const std::vector<std::string>& args);

/// Runs the built eegtrack with the given arguments (each shell-quoted), no stdin.
[[nodiscard]] CliResult run_cli(const std::vector<std::string>& args);

/// Runs the built eegtrack-demo-patient (tools/demo_patient) with the given arguments.
[[nodiscard]] CliResult run_demo_patient(const std::vector<std::string>& args);

/// Whole file as a string.
[[nodiscard]] std::string read_text(const std::string& path);

}  // namespace eegtrack::test
