#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline {

/// Where a result came from; never patient identity (base file name only).
struct RecordingProvenance {
  std::string file_name;  ///< base name, e.g. "S001R01.edf"
  std::uint64_t size_bytes = 0;
  std::string sha256;     ///< lowercase hex of the file content
  std::string start;      ///< header start, ISO 8601 without zone
  std::string file_type;  ///< "EDF", "EDF+C", "EDF+D", ...
  double duration_s = 0.0;
  std::vector<findings::Segment> segments;  ///< contiguous stretches (EDF+D gaps between)
};

/// Provenance of an open recording; hashes the file (streamed, bounded memory).
/// @throws io::EdfError if the file cannot be read.
[[nodiscard]] RecordingProvenance recording_provenance(const io::EdfReader& reader);

/// Every parameter of the analysis as one JSON object (names with units).
[[nodiscard]] nlohmann::json parameters_json(const AnalyzeParams& params);

/// The recording summary (`<stem>.summary.json`, docs/findings.md): the findings as JSON
/// (recording, eegtrack_version, parameters, quality, background, regions, slowing,
/// continuity, epileptiform with the 2HELPS2B EEG points, events, warnings) plus the input's
/// base name. Absent values are written as null (e.g. background.pdr_hz when there is no PDR).
[[nodiscard]] nlohmann::json summary_json(const findings::RecordingFindings& findings,
                                          const std::string& file_name);

/// summary_json(make_findings(analysis, params, provenance), provenance.file_name).
[[nodiscard]] nlohmann::json summary_json(const RecordingAnalysis& analysis,
                                          const AnalyzeParams& params,
                                          const RecordingProvenance& provenance);

}  // namespace eegtrack::pipeline
