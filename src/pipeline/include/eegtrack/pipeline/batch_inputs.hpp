#pragma once
// The recordings of one `eegtrack batch` run, found from its INPUT (docs/batch.md): a folder
// searched recursively for EDF/BDF files, a manifest table listing them, or a BIDS dataset.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eegtrack::pipeline {

/// What INPUT was taken to be.
enum class BatchInputKind { Folder, Manifest, Bids };

[[nodiscard]] const char* to_string(BatchInputKind kind) noexcept;

/// One recording to analyse.
struct BatchInput {
  std::filesystem::path file;  ///< the file to read
  std::string relative;        ///< its path relative to INPUT ('/'-separated; as written in a
                               ///< manifest)
  /// Names its outputs inside OUTDIR: '/'-separated folders (BIDS only: sub-X/[ses-Y/]eeg) and a
  /// file name made by flat_key or bids_derivative_name; never absolute, never "..".
  std::string key;
  std::optional<std::string> patient_id;  ///< manifest patient_id, BIDS participant label
  /// Set by a de-identifying caller: what the batch's records and cohort tables name the
  /// patient by instead of patient_id (deidentify.hpp's patient_pseudonym of it). The date shift
  /// still comes from patient_id, so that it matches the patient's other outputs.
  std::optional<std::string> patient_pseudonym;
  /// Other manifest or participants.tsv columns, in the table's order (name, value).
  std::vector<std::pair<std::string, std::string>> extras;
};

struct BatchInputs {
  BatchInputKind kind = BatchInputKind::Folder;
  std::vector<BatchInput> inputs;  ///< sorted by key; keys are unique
  /// Folder input only: EDF+/BDF+ files below it that hold annotation signals alone (a
  /// hypnogram beside its polysomnogram, an events file), relative to INPUT and sorted. They
  /// are not recordings, so they are left out rather than reported as failures.
  std::vector<std::string> annotation_only;
  /// Folder input only: names below INPUT that lead to a file already listed under another
  /// name (a symbolic link to it, or a folder reached twice through links), relative to INPUT
  /// and sorted. The recording is analysed once, under the name reached without a link.
  std::vector<std::string> same_file;
  /// Folder input only: symbolic links to a folder that contains them (the search would go
  /// round without end), relative to INPUT and sorted; not followed.
  std::vector<std::string> link_loops;
};

/// True for names ending in .edf or .bdf, in any case.
[[nodiscard]] bool is_eeg_file_name(const std::filesystem::path& name);

/// Finds the recordings of `input`:
/// - a regular file: a manifest, tab-separated for .tsv and comma-separated (with "quoted"
///   fields) otherwise; column `path` (relative to the manifest's folder, or absolute), optional
///   `patient_id`, every other column carried along. A path with a ".." component is refused,
///   as is a second row for a recording already listed ("./a.edf" and a link to it included).
/// - a folder holding dataset_description.json or participants.tsv: a BIDS dataset,
///   sub-*/[ses-*/]eeg/*_eeg.edf|bdf, with the participant's row of participants.tsv.
/// - any other folder: every .edf/.bdf below it (case-insensitive), symbolic links followed,
///   except files whose header declares annotation signals only (listed in annotation_only).
///   A file reached under several names is listed once (the others in same_file), and a link
///   back to a folder above it is not followed (listed in link_loops).
///   A file whose header cannot be read stays an input: its analysis reports the error.
/// A folder `exclude` (the batch's OUTDIR, when it lies inside INPUT) is not searched, so that
/// outputs such as <key>.events.edf are never taken for inputs; `exclude` equal to a folder
/// INPUT is refused.
/// Keys that would collide (x.edf beside x.bdf) get "~2", "~3", ... in input order.
/// @throws io::UsageError naming the input and the problem (missing, no `path` column, a ".."
/// path, a recording listed twice, a row with too few fields).
[[nodiscard]] BatchInputs discover_batch_inputs(const std::filesystem::path& input,
                                                const std::filesystem::path& exclude = {});

}  // namespace eegtrack::pipeline
