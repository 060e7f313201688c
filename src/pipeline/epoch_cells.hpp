#pragma once
// Private: the per-epoch scalars of one analysis ([epoch][channel][feature], as float), kept for
// the exact medians and the bootstrap of aggregate_recording, which read them one feature at a
// time. Held whole, they grew with the recording (1.4 MB per hour of 21-channel EEG); here every
// full block of epochs goes, feature by feature, to an unnamed temporary file, so that memory
// holds one block while the analysis runs and one feature's column when it is read back.

#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

namespace eegtrack::pipeline::detail {

/// Epochs per block written to the temporary file: 256 epochs of 21 channels and 18 features
/// are 387 KB.
inline constexpr std::size_t kCellBlockEpochs = 256;

class EpochCells {
 public:
  /// `folder` holds the temporary file (created and unlinked at once, so nothing is left behind
  /// even after a crash); empty: $TMPDIR, else /tmp. When no file can be made or written there,
  /// the cells stay in memory (as they did before): the analysis does not fail for it.
  EpochCells(std::size_t n_channels, std::size_t n_features,
             std::size_t block_epochs = kCellBlockEpochs, const std::filesystem::path& folder = {});
  ~EpochCells();
  EpochCells(const EpochCells&) = delete;
  EpochCells& operator=(const EpochCells&) = delete;

  /// Makes room for the epochs the recording holds: one block when blocks go to the file, all
  /// of them when they stay in memory (so that a vector never holds its old and new copy).
  void reserve(std::size_t epochs);

  /// Appends one epoch: n_channels x n_features values, [channel][feature].
  /// @throws std::invalid_argument on a row of another size.
  void append(std::span<const double> row);

  [[nodiscard]] std::size_t epochs() const { return epochs_; }
  [[nodiscard]] std::size_t channels() const { return n_channels_; }
  [[nodiscard]] std::size_t features() const { return n_features_; }

  /// Feature f of every epoch, [epoch][channel] (as float, as appended).
  /// @throws std::out_of_range for f >= features(); std::runtime_error when the temporary file
  /// cannot be read back.
  [[nodiscard]] std::vector<float> feature(std::size_t f) const;

  /// Epochs written to the temporary file (whole blocks; the rest is in memory).
  [[nodiscard]] std::size_t epochs_on_disk() const { return blocks_on_disk_ * block_epochs_; }

 private:
  void write_block();

  std::size_t n_channels_;
  std::size_t n_features_;
  std::size_t block_epochs_;
  std::size_t epochs_ = 0;
  std::size_t blocks_on_disk_ = 0;
  int fd_ = -1;                ///< the unlinked temporary file; -1: none
  bool writable_ = false;      ///< false after a failed write: later blocks stay in memory
  std::vector<float> memory_;  ///< epochs after the last block on disk, [epoch][channel][feature]
  std::vector<float> block_;   ///< one block, [feature][epoch][channel], as written
};

}  // namespace eegtrack::pipeline::detail
