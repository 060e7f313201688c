#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/findings/background.hpp"
#include "eegtrack/findings/epileptiform.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::findings {

/// Which input a result belongs to, without any name: neither patient fields nor a path, so
/// findings can be shared and compared across recordings (the file is its size and hash).
struct RecordingIdentity {
  std::uint64_t size_bytes = 0;
  std::string sha256;     ///< lowercase hex of the file content
  std::string file_type;  ///< "EDF", "EDF+C", "EDF+D", "BDF", ...
  double duration_s = 0.0;
  std::string eegtrack_version;  ///< version of eegtrack that produced the findings
  friend bool operator==(const RecordingIdentity&, const RecordingIdentity&) = default;
};

/// A contiguous stretch of the recording (EDF+D files have several; gaps lie between them).
struct Segment {
  double onset_s = 0.0;  ///< true time from the recording start
  double duration_s = 0.0;
  friend bool operator==(const Segment&, const Segment&) = default;
};

/// Where the recording lies in time: every time in the findings counts from `start`.
struct TimeBase {
  std::string start;  ///< header start, ISO 8601 local time without zone
  std::vector<Segment> segments;
  friend bool operator==(const TimeBase&, const TimeBase&) = default;
};

/// One analysed channel with its share of rejected epochs.
struct ChannelQuality {
  std::string label;  ///< derivation label with 10-10 names ("Fp1-avg")
  /// Absent when the label names no scalp site (both are set together).
  std::optional<sites::Region> region;
  std::optional<sites::Side> side;
  double rejected_fraction = 0.0;
  friend bool operator==(const ChannelQuality&, const ChannelQuality&) = default;
};

/// How much of the recording could be used.
struct Quality {
  double clean_fraction = 0.0;  ///< n_clean_epochs / n_epochs
  std::size_t n_epochs = 0;
  std::size_t n_clean_epochs = 0;
  std::vector<std::string> bad_channels;
  std::vector<ChannelQuality> channels;  ///< in analysis order
  friend bool operator==(const Quality&, const Quality&) = default;
};

/// What one recording showed: plain values with units in their names, the same content as
/// summary.json (docs/findings.md). Filled by the pipeline, read back from an output by
/// pipeline::read_findings, and the only thing clinical and report code need of a recording.
struct RecordingFindings {
  RecordingIdentity recording;
  TimeBase time;
  double sample_rate_hz = 0.0;  ///< of the analysed channels
  /// Montage actually used for the background (Referential when an average reference was
  /// impossible).
  io::MontageKind montage_used = io::MontageKind::Average;
  /// Every parameter that produced the findings (summary.json "parameters").
  nlohmann::json parameters = nlohmann::json::object();
  Quality quality;
  Background background;
  std::vector<RegionFindings> regions;  ///< frontal .. occipital, those with channels
  std::optional<Slowing> slowing;       ///< absent when not graded (no clean epoch)
  Continuity continuity;
  Epileptiform epileptiform;
  std::vector<detect::Event> events;  ///< reconciled, sorted by onset
  std::vector<std::string> warnings;  ///< montage notes and skipped analyses
};

/// Whether detection was on, from an analysis' parameters (summary.json "parameters", or a
/// follow-up's "analysis"): their `detection.enabled`, unknown when they do not say. With
/// analysed_s 0 it tells "not run" (--no-detect) from "nothing the detectors could read".
[[nodiscard]] inline std::optional<bool> detection_enabled(const nlohmann::json& parameters) {
  const nlohmann::json::json_pointer at("/detection/enabled");
  if (parameters.contains(at) && parameters.at(at).is_boolean())
    return parameters.at(at).get<bool>();
  return std::nullopt;
}

}  // namespace eegtrack::findings
