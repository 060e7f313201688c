#pragma once

#include <cstddef>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"

namespace eegtrack::pipeline {

/// One fixed-length epoch of the signals an EpochStream reads, inside one contiguous segment.
struct Epoch {
  std::size_t index = 0;    ///< running number over the whole recording, 0-based
  std::size_t segment = 0;  ///< index into EdfReader::segments()
  double onset_s = 0.0;     ///< true time of the first sample, seconds from the recording start
  double sample_rate_hz = 0.0;
  std::vector<std::vector<double>> samples;  ///< one per requested signal, delivered units
};

/// Cuts a recording into consecutive epochs of round(epoch_s * fs) samples, segment by segment.
/// Epochs start at each segment's first sample and never cross an EDF+D gap; the trailing
/// partial epoch of a segment is dropped. Chunks are read with io::ChunkReader and the unused
/// tail of one chunk is carried into the next, so the epochs do not depend on the chunk length
/// and memory is bounded by one chunk plus one epoch.
class EpochStream {
 public:
  /// @param signals header indices to read; all must share one sample rate.
  /// @throws std::invalid_argument if epoch_s gives fewer than 2 samples, signals is empty or
  ///         the rates differ; io::UsageError for an invalid signal index or chunk_s <= 0.
  EpochStream(const io::EdfReader& reader, const std::vector<int>& signals, double epoch_s,
              double chunk_s = 60.0);

  /// Fills out with the next epoch; false when the recording is exhausted.
  bool next(Epoch& out);

  /// Samples per epoch.
  [[nodiscard]] std::size_t epoch_samples() const noexcept { return epoch_n_; }
  [[nodiscard]] double sample_rate_hz() const noexcept { return fs_; }
  /// Epochs the recording holds: each segment's whole epochs (next() yields exactly these).
  /// Known before reading, so that what is kept per epoch can be allocated once.
  [[nodiscard]] std::size_t epoch_count() const noexcept { return epoch_count_; }

 private:
  bool refill();

  io::ChunkReader chunks_;
  double fs_ = 0.0;
  std::size_t epoch_n_ = 0;
  std::size_t epoch_count_ = 0;
  std::size_t n_signals_ = 0;
  std::size_t next_index_ = 0;
  // Carry: samples of the current segment not yet handed out, and the time of carry_[.][0].
  std::vector<std::vector<double>> carry_;
  std::size_t carry_pos_ = 0;
  double carry_start_s_ = 0.0;
  std::size_t segment_ = static_cast<std::size_t>(-1);
  io::Chunk chunk_;
};

}  // namespace eegtrack::pipeline
