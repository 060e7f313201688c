#pragma once
// The per-epoch features of a recording as one table for R, pandas and spreadsheets
// (<stem>.epochs.tsv, docs/events-and-tables.md §6): one row per analysis epoch, in time order,
// with its artifact flags, the mean of every per-epoch feature over the recording's good
// channels and, for the band powers, over the good channels of each scalp region.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "eegtrack/exports/column_sidecar.hpp"

namespace eegtrack::exports {

/// What the table needs that the HDF5 store (docs/hdf5-layout.md) does not hold: the
/// recording-level decisions of the analysis.
struct EpochTableContext {
  /// Per epoch (row of /epochs): 1 when the epoch counts in the recording-level measures.
  std::vector<std::uint8_t> clean;
  /// Per analysed channel (row of /channels): false for a bad channel, left out of every mean as
  /// it is of the recording-level measures.
  std::vector<bool> good_channels;
  /// The /features datasets to write, in column order.
  std::vector<std::string> features;
};

/// Rows read from the store per block by write_epochs_table: 4096 epochs are 4.5 h of 4-s
/// epochs, a few hundred kB per feature.
inline constexpr std::size_t kEpochTableBlockRows = 4096;

/// Reads /epochs, /channels and, block of rows by block, /artifacts/mask and each feature of
/// `context` from the store at `store`, and writes the table to `tsv` as it goes: memory holds
/// one block of one feature and the block's columns, not the table. Returns the sidecar.
/// Columns:
/// - onset_s, duration_s, segment, kept_fraction: as in /epochs;
/// - clean: 1 or 0 (context.clean);
/// - artifacts: the artifact conditions (/artifacts/mask bit names) found on any channel in the
///   epoch, comma-separated, "none" when there is none;
/// - <feature>: mean over the good channels with a value in the epoch, "n/a" when none has one;
/// - <region>.<feature> for each band feature (one with a band_hz attribute) and each region
///   (frontal ... occipital) holding good channels: the same mean over that region's channels.
/// Numbers are written exactly (the shortest text that reads back as the same double). The
/// sidecar gives each column's description and units (from the features' own attributes).
/// The table does not depend on rows_per_block. Checks the store's shapes before writing.
/// @throws io::H5Error naming the store and the object when something is missing;
/// std::invalid_argument when `context` does not match the store's shape.
nlohmann::ordered_json write_epochs_table(const std::filesystem::path& store,
                                          const EpochTableContext& context, std::ostream& tsv,
                                          std::size_t rows_per_block = kEpochTableBlockRows);

/// write_epochs_table into text held in memory (tests and small recordings).
[[nodiscard]] TableWithSidecar epochs_table(const std::filesystem::path& store,
                                            const EpochTableContext& context);

}  // namespace eegtrack::exports
