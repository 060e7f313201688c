#pragma once
// The outputs of a batch over a BIDS dataset form a BIDS derivatives dataset (BIDS 1.9,
// "Derivatives"): this writes its dataset_description.json.

#include <filesystem>

namespace eegtrack::pipeline {

/// Writes `outdir/dataset_description.json` (DatasetType "derivative", GeneratedBy eegtrack
/// with its version, SourceDatasets with the source's DatasetDOI when it has one).
/// The source dataset's description is read but never copied whole (it may carry names).
/// @throws std::runtime_error naming the file when it cannot be written.
void write_bids_dataset_description(const std::filesystem::path& outdir,
                                    const std::filesystem::path& source_root);

}  // namespace eegtrack::pipeline
