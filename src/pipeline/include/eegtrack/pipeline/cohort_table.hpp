#pragma once
// The cohort table of a batch (docs/batch.md): one row per recording of OUTDIR, built only from
// what is in OUTDIR (each recording's <key>.batch.json and <key>.summary.json), so that
// `eegtrack batch` and `eegtrack merge` write the same bytes.
//
//   OUTDIR/cohort.tsv   the table (n/a for a value that does not exist)
//   OUTDIR/cohort.json  its sidecar: every column with its units and meaning, and the
//                       parameters that produced the numbers
//   OUTDIR/cohort.h5    the same table as HDF5 columns in /cohort (NaN for n/a), the sidecar as
//                       the root attribute "cohort_json"
//   OUTDIR/errors.tsv   path, error and key of every recording that failed

#include <cstddef>
#include <filesystem>
#include <vector>

namespace eegtrack::pipeline {

struct CohortCounts {
  std::size_t rows = 0;
  std::size_t errors = 0;
  /// Records of runs with --show-identifiers that a de-identified table left out.
  std::vector<std::filesystem::path> identified_left_out;
};

/// Writes the four files above from the records below `outdir` (each atomically). The tables
/// travel, so identity stays out of them unless asked for: without `show_identifiers`, the
/// records of runs that kept the file names and true dates (batch --show-identifiers, in the
/// same OUTDIR before) are left out and listed in identified_left_out.
/// @throws io::EdfError naming a batch record that cannot be read; std::runtime_error or
/// io::H5Error when an output cannot be written.
CohortCounts write_cohort(const std::filesystem::path& outdir, bool show_identifiers);

}  // namespace eegtrack::pipeline
