#pragma once
// One recording analysed into its outputs, as `eegtrack analyze` writes them and
// `eegtrack followup` reuses them: <stem>.h5, <stem>.summary.json, and the files for other
// tools (docs/events-and-tables.md): the events table <stem>.events.tsv with its sidecar
// <stem>.events.json, the events as EDF+ annotations <stem>.events.edf, and the tables of
// epochs and of the recording <stem>.epochs.tsv and <stem>.recording.tsv with their sidecars.

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "eegtrack/exports/events_tables.hpp"
#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/deidentify.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline {

/// Where the outputs of one input file go: named after the file's stem ("a/b/x.edf" -> x).
struct AnalysisOutputPaths {
  std::filesystem::path store;           ///< <stem>.h5 (docs/hdf5-layout.md)
  std::filesystem::path summary_json;    ///< <stem>.summary.json (docs/findings.md)
  std::filesystem::path events_tsv;      ///< <stem>.events.tsv (docs/events-and-tables.md)
  std::filesystem::path events_json;     ///< <stem>.events.json, the sidecar of events_tsv
  std::filesystem::path events_edf;      ///< <stem>.events.edf, EDF+ annotations
  std::filesystem::path epochs_tsv;      ///< <stem>.epochs.tsv, one row per epoch
  std::filesystem::path epochs_json;     ///< its sidecar
  std::filesystem::path recording_tsv;   ///< <stem>.recording.tsv, the summary as one row
  std::filesystem::path recording_json;  ///< its sidecar
  /// <stem>.outputs.json, written last: the names and SHA-256 of every output of the run. Only
  /// outputs listed there with a matching hash form an output set (verify_output_set).
  std::filesystem::path manifest;
};

/// The outputs for other tools that `eegtrack analyze` lets the user choose; `followup`
/// writes the defaults.
struct OutputOptions {
  exports::EventsFormat events_format = exports::EventsFormat::Bids;
  bool events_edf = true;     ///< write <stem>.events.edf
  bool tables = true;         ///< write <stem>.epochs.tsv and <stem>.recording.tsv
  AnalysisProgress progress;  ///< how far the analysis is (no output of its own)
  /// With a key, the outputs are de-identified (deidentify.hpp): the file name they carry
  /// (summary, HDF5 attribute, report) is the pseudonym plus the input's extension, and every
  /// start time (summary, HDF5, events tables, events EDF) is shifted by the patient's days.
  /// The caller names the output paths (deidentification(...).pseudonym for analyze).
  std::optional<DeidentifyKey> deidentify{};
  std::optional<std::string> patient_id{};  ///< for the date shift (patient_key)
  /// The pseudonym to use instead of deidentification(...).pseudonym (batch: the pseudonymous
  /// key that names the outputs).
  std::optional<std::string> pseudonym{};
};

[[nodiscard]] AnalysisOutputPaths analysis_output_paths(const std::filesystem::path& outdir,
                                                        const std::filesystem::path& input);

/// The outputs named `<name>.h5`, `<name>.summary.json`, ... in `outdir`, for callers that name
/// outputs otherwise than by the input's stem (`eegtrack batch` keys them by relative path).
/// @throws std::invalid_argument for a name that could leave `outdir`: empty, ".", "..", or
/// holding '/' or a NUL.
[[nodiscard]] AnalysisOutputPaths analysis_output_paths_named(const std::filesystem::path& outdir,
                                                              const std::string& name);

/// What analysing one file left behind.
struct AnalysedRecording {
  AnalysisOutputPaths paths;
  nlohmann::json summary;           ///< the content of summary.json
  double spectrogram_step_s = 0.0;  ///< real column width (whole epochs), not in the summary
};

/// Analyses `input` with `params` and writes its outputs into `outdir` (which must exist), as
/// `outputs` asks. The outputs form a set (docs/robustness.md, "Output safety"):
///  - each output is written beside its final name under a temporary name and renamed, so a
///    reader never sees half a file;
///  - the manifest (<stem>.outputs.json) and summary.json of an earlier run are removed first,
///    and the new summary then the new manifest are written last: the manifest lists the
///    SHA-256 of every output, so a run killed at any moment leaves either the earlier complete
///    set or no valid set, never a mix that verify_output_set or reusable_findings accept;
///  - two runs writing the same outputs at once take turns (an exclusive lock on
///    OUTDIR/.<stem>.lock), so neither mixes its files with the other's;
///  - temporaries left by a killed run (*.tmp-<pid>...) are removed when that process is gone.
/// An optional output left by an earlier run is removed when `outputs` turns it off.
/// @throws io::EdfError for an unreadable input, std::runtime_error for an unwritable output.
AnalysedRecording analyze_to_outputs(const std::filesystem::path& input,
                                     const std::filesystem::path& outdir,
                                     const AnalyzeParams& params,
                                     const OutputOptions& outputs = {});
/// The same with the outputs at `paths` (whose folders must exist).
AnalysedRecording analyze_to_outputs(const std::filesystem::path& input,
                                     const AnalysisOutputPaths& paths, const AnalyzeParams& params,
                                     const OutputOptions& outputs = {});

/// The findings already at `paths` for `input` when they can stand for a new analysis: every
/// default output exists, the summary reads back, and was produced from the same file content
/// (SHA-256), by the same eegtrack version, with the same parameters, and is dated as `outputs`
/// would date it (the header's start, or with a de-identification key the start shifted for
/// outputs.patient_id). Otherwise nullopt, with the reason in `why_not` when given (no output
/// yet, output incomplete, file changed, parameters changed, dated for another patient, ...).
[[nodiscard]] std::optional<findings::RecordingFindings> reusable_findings(
    const std::filesystem::path& input, const AnalysisOutputPaths& paths,
    const AnalyzeParams& params, const OutputOptions& outputs, std::string* why_not = nullptr);

/// True when `paths.manifest` exists and every output it lists exists with the listed SHA-256
/// (the rule every reader of analyze outputs follows); otherwise false with the reason in
/// `why_not` when given.
[[nodiscard]] bool verify_output_set(const AnalysisOutputPaths& paths,
                                     std::string* why_not = nullptr);

/// Pretty JSON as eegtrack writes it; invalid UTF-8 in file-derived text (labels,
/// annotations) is replaced by U+FFFD instead of aborting the output.
[[nodiscard]] std::string dump_json(const nlohmann::json& value);

/// Writes `text` to `path` through a temporary file beside it and a rename.
/// @throws std::runtime_error naming the file when it cannot be written.
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

/// Writes what `write` puts into the stream to `path`, the same way, without holding the text:
/// for tables that grow with the recording. When `write` throws, the temporary file is
/// removed, `path` is left as it was and the exception propagates.
void write_text_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace eegtrack::pipeline
