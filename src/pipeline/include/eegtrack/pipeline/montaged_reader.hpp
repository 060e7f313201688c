#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/channel_selection.hpp"

namespace eegtrack::pipeline {

/// A window of derived channels inside one segment (never across an EDF+D gap).
struct MontagedChunk {
  std::size_t segment = 0;
  double start_s = 0.0;  ///< true time of the first sample, seconds from the recording start
  double sample_rate_hz = 0.0;
  std::vector<std::vector<double>> samples;  ///< one per Selection::labels entry
  /// True if this chunk continues the previous one without a gap (same segment, adjacent).
  bool continues_previous = false;
};

/// Streams [t0_s, t1_s) of a recording in chunks of about chunk_s seconds with the selection's
/// montage applied, segment by segment; memory is bounded by the chunk.
class MontagedReader {
 public:
  /// @throws io::UsageError if chunk_s <= 0 or t1_s <= t0_s.
  MontagedReader(const io::EdfReader& reader, Selection selection, double t0_s, double t1_s,
                 double chunk_s = 60.0);

  [[nodiscard]] const Selection& selection() const noexcept { return selection_; }
  /// Fills out with the next chunk; false when the window is exhausted.
  bool next(MontagedChunk& out);

 private:
  const io::EdfReader* reader_;
  Selection selection_;
  double t1_s_;
  double chunk_s_;
  double cursor_s_;
  std::size_t previous_segment_ = static_cast<std::size_t>(-1);
  double previous_end_s_ = -1.0;
  std::deque<io::Chunk> pending_;  ///< pieces of a window that straddled a gap
};

}  // namespace eegtrack::pipeline
