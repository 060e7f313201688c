#pragma once
// `eegtrack followup`: a patient's course file and its EEG recordings into one follow-up. Each
// recording is analysed as `analyze` would (or its earlier outputs reused when they come from the
// same file content, version and parameters), read back as findings, placed on the day axis and
// fused with the clinical course (clinical::summarize_course, clinical::fuse).

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/clinical/course.hpp"
#include "eegtrack/clinical/course_summary.hpp"
#include "eegtrack/clinical/fusion.hpp"
#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/deidentify.hpp"

namespace eegtrack::pipeline {

struct FollowupOptions {
  std::filesystem::path outdir;  ///< the follow-up; recordings' outputs go to outdir/recordings
  bool reanalyze = false;        ///< analyse every recording even when earlier outputs fit
  AnalyzeParams analysis;
  clinical::FusionParams fusion;
  /// With a key, the follow-up is de-identified (course_deidentify.hpp): the result's course is
  /// deidentified_course (patient pseudonym, shifted times, scrubbed free text), each
  /// recording's outputs are those of `analyze --deidentify --patient-id <course patient>`
  /// named by its pseudonym, and recordings carry the pseudonym plus extension as file name.
  std::optional<DeidentifyKey> deidentify{};
};

/// One recording of the course, analysed and placed on the day axis.
struct FollowupRecording {
  clinical::CourseRecording source;  ///< as in the result's course (file: the input's path)
  std::string file_name;    ///< as written out: the base name, or the pseudonym plus extension
  std::string output_stem;  ///< names its outputs in outdir/recordings
  clinical::LocalTime at;   ///< the course's 'at', else the EDF header start
  bool at_from_course = false;
  bool reused = false;        ///< earlier outputs stood for the analysis
  std::string analysis_note;  ///< why it was (re)analysed: "no earlier output", ...
  findings::RecordingFindings findings;
};

struct FollowupResult {
  clinical::Course course;  ///< as written out: de-identified with FollowupOptions::deidentify
  bool deidentified = false;
  clinical::CourseSummary summary;
  std::vector<FollowupRecording> recordings;    ///< sorted by time
  std::vector<clinical::TimedRecording> timed;  ///< parallel to recordings
  clinical::Fusion fusion;
};

/// Called before each recording is analysed or reused: (index, count, label).
using FollowupProgress = std::function<void(std::size_t, std::size_t, const std::string&)>;

/// Runs the follow-up of a course read by read_course_file.
/// @throws io::EdfError naming a recording that cannot be analysed; std::invalid_argument for
///         lab units that are not accepted.
[[nodiscard]] FollowupResult run_followup(const clinical::Course& course,
                                          const FollowupOptions& options,
                                          const FollowupProgress& progress = {});

/// Version of the follow-up JSON and HDF5 layouts (docs/followup.md).
inline constexpr const char* kFollowupLayoutVersion = "1.2";

/// <patient>.followup.json (docs/followup.md).
[[nodiscard]] nlohmann::json followup_json(const FollowupResult& result,
                                           const FollowupOptions& options);

/// <patient>.followup.h5 from the follow-up JSON: each of its lists as a table (docs/followup.md),
/// plus the JSON itself as the root attribute "followup_json". Written atomically.
void write_followup_h5(const std::filesystem::path& path, const nlohmann::json& followup);

}  // namespace eegtrack::pipeline
