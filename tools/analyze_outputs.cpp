#include "analyze_outputs.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "eegtrack/evaluation/detection_table.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path.string() + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<double> summary_duration_s(const fs::path& path) {
  if (!fs::exists(path))
    return std::nullopt;
  nlohmann::json summary;
  try {
    summary = nlohmann::json::parse(read_whole(path));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  const auto* duration = summary.contains("recording") && summary["recording"].is_object() &&
                                 summary["recording"].contains("duration_s")
                             ? &summary["recording"]["duration_s"]
                             : nullptr;
  if (duration == nullptr || !duration->is_number() || duration->get<double>() <= 0.0)
    throw std::runtime_error(path.string() +
                             ": field 'recording.duration_s' missing or not a positive number");
  return duration->get<double>();
}

}  // namespace

std::string recording_stem(const std::string& file) {
  return fs::path(file).stem().string();
}

evaluation::Recording read_analyze_output(const fs::path& dir, const std::string& stem) {
  const fs::path events_path = dir / (stem + ".events.tsv");
  if (!fs::exists(events_path))
    throw std::runtime_error(events_path.string() +
                             ": missing; run `eegtrack analyze` on the recording " + stem +
                             " with -o " + dir.string());
  const auto table = evaluation::parse_events_tsv(read_whole(events_path), events_path.string());
  evaluation::Recording recording;
  recording.name = stem;
  recording.detections = table.seizures;
  const fs::path summary_path = dir / (stem + ".summary.json");
  if (const auto duration = summary_duration_s(summary_path)) {
    recording.duration_s = *duration;
  } else if (table.recording_duration_s) {
    recording.duration_s = *table.recording_duration_s;
  } else {
    throw std::runtime_error(summary_path.string() + ": missing, and " + events_path.string() +
                             " has no row giving recordingDuration: the analysed duration is "
                             "unknown");
  }
  return recording;
}

std::vector<std::string> analyzed_stems(const fs::path& dir) {
  if (!fs::is_directory(dir))
    throw std::runtime_error(dir.string() + ": not a directory");
  const std::string suffix = ".events.tsv";
  std::vector<std::string> stems;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() && name.ends_with(suffix))
      stems.push_back(name.substr(0, name.size() - suffix.size()));
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

}  // namespace eegtrack::cli
