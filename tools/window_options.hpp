#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <utility>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/channel_selection.hpp"

namespace eegtrack::cli {

/// The options shared by subcommands that read a window of channels: --channels, --start-s,
/// --duration-s, --montage.
struct WindowOptions {
  std::string channels;
  std::string montage = "referential";
  std::string exclude;
  double start_s = 0.0;
  std::optional<double> duration_s;  ///< unset: to the end of the recording

  /// Checks the values alone, before any file is read.
  /// @throws io::UsageError naming the option and its value.
  void check() const;
  [[nodiscard]] pipeline::SelectionRequest request() const;
  /// [t0, t1) in seconds from the recording start, checked against the recording.
  /// @throws io::UsageError for a window outside the recording.
  [[nodiscard]] std::pair<double, double> resolve(const io::EdfReader& reader) const;
};

void add_window_options(CLI::App& cmd, WindowOptions& options);

}  // namespace eegtrack::cli
