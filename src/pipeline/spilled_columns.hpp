#pragma once
// Private: a table an analysis fills row by row and reads back column by column, kept in an
// unnamed temporary file so that memory does not grow with the recording. A row holds `entries`
// values of each of `columns` columns ([entry][column], as the analysis produces them); a column
// is read back as [row][entry]. Every full block of rows goes to the file column by column, so
// memory holds one block while rows are appended and the part of one column being read.
//
// Two tables of an analysis (analysis_state.hpp): the per-cell scalars behind the medians (a row
// per epoch, an entry per channel, a column per feature: 1.4 MB per hour of 21-channel EEG) and
// the bootstrap's block spectra (a row per block, an entry per frequency bin, a column per
// channel the PDR reads: 0.5 MB per hour).

#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

namespace eegtrack::pipeline::detail {

/// Rows per block written to the temporary file: 256 epochs of 21 channels and 18 features are
/// 387 KB.
inline constexpr std::size_t kSpillBlockRows = 256;

class SpilledColumns {
 public:
  /// `folder` holds the temporary file (created and unlinked at once, so nothing is left behind
  /// even after a crash); empty: $TMPDIR, else /tmp. When no file can be made or written there,
  /// the rows stay in memory (as they did before): the analysis does not fail for it.
  /// @throws std::invalid_argument when block_rows is 0.
  SpilledColumns(std::size_t entries, std::size_t columns, std::size_t block_rows = kSpillBlockRows,
                 const std::filesystem::path& folder = {});
  ~SpilledColumns();
  SpilledColumns(const SpilledColumns&) = delete;
  SpilledColumns& operator=(const SpilledColumns&) = delete;

  /// Makes room for the rows the table will hold: one block when blocks go to the file, all of
  /// them when they stay in memory (so that a vector never holds its old and new copy).
  void reserve(std::size_t rows);

  /// Appends one row: entries x columns values, [entry][column], stored as float.
  /// @throws std::invalid_argument on a row of another size.
  void append(std::span<const double> row);
  void append(std::span<const float> row);

  [[nodiscard]] std::size_t rows() const { return rows_; }
  [[nodiscard]] std::size_t entries() const { return entries_; }
  [[nodiscard]] std::size_t columns() const { return columns_; }

  /// Column f of every row, [row][entry].
  /// @throws std::out_of_range for f >= columns(); std::runtime_error when the temporary file
  /// cannot be read back.
  [[nodiscard]] std::vector<float> column(std::size_t f) const;

  /// Column f of rows [first, first + count) into out ([row][entry], count x entries values).
  /// @throws as column(), and std::out_of_range for rows past the end or a wrong-sized out.
  void read_column(std::size_t f, std::size_t first, std::size_t count, std::span<float> out) const;

  /// Rows written to the temporary file (whole blocks; the rest is in memory).
  [[nodiscard]] std::size_t rows_on_disk() const { return blocks_on_disk_ * block_rows_; }

 private:
  template <class Value>
  void append_values(std::span<const Value> row);
  void write_block();

  std::size_t entries_;
  std::size_t columns_;
  std::size_t block_rows_;
  std::size_t rows_ = 0;
  std::size_t blocks_on_disk_ = 0;
  int fd_ = -1;                ///< the unlinked temporary file; -1: none
  bool writable_ = false;      ///< false after a failed write: later blocks stay in memory
  std::vector<float> memory_;  ///< rows after the last block on disk, [row][entry][column]
  std::vector<float> block_;   ///< one block, [column][row][entry], as written
};

}  // namespace eegtrack::pipeline::detail
