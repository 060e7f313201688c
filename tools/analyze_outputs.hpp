#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "eegtrack/evaluation/recording.hpp"

namespace eegtrack::cli {

/// The seizure events and the analysed duration of one recording, read from the outputs of
/// `eegtrack analyze` in `dir`: <stem>.events.tsv and <stem>.summary.json
/// (recording.duration_s; the table's recordingDuration column when the summary is absent).
/// @throws std::runtime_error naming the missing or malformed file.
[[nodiscard]] evaluation::Recording read_analyze_output(const std::filesystem::path& dir,
                                                        const std::string& stem);

/// Stems of every <stem>.events.tsv in `dir`, sorted.
/// @throws std::runtime_error when `dir` is not a directory.
[[nodiscard]] std::vector<std::string> analyzed_stems(const std::filesystem::path& dir);

/// The file name without its folder and extension: "a/b/x.edf" -> "x", as analyze names outputs.
[[nodiscard]] std::string recording_stem(const std::string& file);

}  // namespace eegtrack::cli
