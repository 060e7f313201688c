#pragma once

// Buffering shared by the detectors that analyse fixed windows counted from each segment's
// start (spikes: 10-s cores with 5-s context; patterns: 10-s hops with 5-s margins), so that
// results do not depend on how a recording is cut into blocks. Window j's core is
// [j hop, (j + 1) hop) in segment samples; it is analysed with `margin` samples on each side,
// clamped to the segment. Only what the next window can still reach is kept.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"

namespace eegtrack::detect::detail {

/// One analysis window, in sample indices counted from the segment start.
struct SegmentWindow {
  std::size_t index = 0;       ///< j
  std::size_t core_begin = 0;  ///< j hop
  std::size_t core_end = 0;    ///< (j + 1) hop, or the segment's end
  std::size_t span_begin = 0;  ///< core_begin - margin, or 0
  std::size_t span_end = 0;    ///< core_end + margin, or the segment's end
};

class SegmentBuffer {
 public:
  /// @param kept indices into DetectionBlock::samples of the channels to buffer, in order
  SegmentBuffer(std::vector<std::size_t> kept, std::size_t hop, std::size_t margin);

  [[nodiscard]] bool in_segment() const { return in_segment_; }
  [[nodiscard]] double segment_start_s() const { return segment_start_s_; }
  /// Samples of the current segment received so far.
  [[nodiscard]] std::size_t received() const { return received_; }

  /// Forgets the previous segment (its remaining windows must have been taken) and starts one.
  void start_segment(double start_s);
  /// Appends the kept channels of a block of the current segment (equal lengths, checked by
  /// the caller).
  void append(const DetectionBlock& block);
  /// The next window whose core and trailing margin have arrived; once the segment has ended
  /// (`segment_ended`), the next window still holding samples. nullopt when there is none.
  [[nodiscard]] std::optional<SegmentWindow> next_window(bool segment_ended);
  /// How many windows next_window would return now, one after another.
  [[nodiscard]] std::size_t ready_windows(bool segment_ended) const;
  /// Up to `most` windows at once (as next_window called that often), whose samples all stay
  /// valid until the next call.
  [[nodiscard]] std::vector<SegmentWindow> next_windows(bool segment_ended, std::size_t most);
  /// Samples [begin, end) of kept channel k; valid for the spans of the windows last returned.
  [[nodiscard]] std::span<const double> samples(std::size_t k, std::size_t begin,
                                                std::size_t end) const;
  /// Drops the segment: nothing buffered, no segment open.
  void end_segment();

 private:
  void release_before(std::size_t sample);

  std::vector<std::size_t> kept_;
  std::size_t hop_;
  std::size_t margin_;
  bool in_segment_ = false;
  double segment_start_s_ = 0.0;
  std::size_t received_ = 0;
  std::size_t buffer_begin_ = 0;  ///< segment index of buffer_[k][0]
  std::size_t next_ = 0;          ///< index of the next window
  std::vector<std::vector<double>> buffer_;
};

}  // namespace eegtrack::detect::detail
