#pragma once
// <key>.batch.json: what `eegtrack batch` knows of one recording beyond its analysis outputs
// (docs/batch.md): where it came from, the manifest columns carried along, and whether it was
// analysed or failed. `eegtrack merge` builds the cohort table from these files and the
// summaries beside them, so the table never needs the original inputs.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eegtrack::pipeline {

struct BatchRecord {
  std::string key;                        ///< the output key (BatchInput::key)
  std::string input;                      ///< the path relative to the batch INPUT
  std::optional<std::string> patient_id;  ///< when known
  std::vector<std::pair<std::string, std::string>> extras;  ///< manifest columns, in order
  bool ok = false;                                          ///< analysed (or reused) completely
  std::string error;                                        ///< why not, when !ok
  /// Written by a run that de-identified its outputs (not --show-identifiers). A record that
  /// does not say so (written before the field existed) counts as identifying.
  bool deidentified = false;
};

/// Where the record of the recording keyed `key` lies: `outdir/<key>.batch.json`.
[[nodiscard]] std::filesystem::path batch_record_path(const std::filesystem::path& outdir,
                                                      const std::string& key);

/// Writes the record atomically. Its texts (input, patient id, columns, error) are stored as
/// tsv_cell escapes, so any bytes (a file name that is not UTF-8) survive the round trip.
void write_batch_record(const std::filesystem::path& outdir, const BatchRecord& record);

/// Reads a record back; the key is taken from the file ("batch_json_layout_version" 1).
/// @throws io::EdfError naming the file when it is not such a record.
[[nodiscard]] BatchRecord read_batch_record(const std::filesystem::path& path);

/// Every record below `outdir` (recursively), sorted by key.
/// @throws io::EdfError naming a record that cannot be read.
[[nodiscard]] std::vector<BatchRecord> read_batch_records(const std::filesystem::path& outdir);

}  // namespace eegtrack::pipeline
