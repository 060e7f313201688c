#pragma once

#include <memory>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/patterns/pattern_params.hpp"

namespace eegtrack::detect {

namespace detail {
struct PatternState;
}

/// Streaming detector of periodic discharges (GPD, LPD, BIPD) and rhythmic delta activity
/// (GRDA, LRDA) after the ACNS Standardized Critical Care EEG Terminology 2021 (Hirsch LJ et al.,
/// J Clin Neurophysiol 2021;38:1-29): >= 6 cycles, cycle length varying by < 50 % from one
/// cycle to the next in > 50 % of cycle pairs; PDs with a clear interval, RDA without one.
/// Data are analysed in fixed 20-s windows (10-s hop) counted from each segment's start, so
/// results do not depend on how the blocks are cut. See docs/detect-patterns.md.
class PatternDetector {
 public:
  /// @throws std::invalid_argument for a sample rate outside [100, 4096] Hz, no scalp channel,
  /// or inconsistent parameters.
  PatternDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                  PatternParams params = {});
  ~PatternDetector();
  PatternDetector(PatternDetector&&) noexcept;
  PatternDetector& operator=(PatternDetector&&) noexcept;
  PatternDetector(const PatternDetector&) = delete;
  PatternDetector& operator=(const PatternDetector&) = delete;

  /// Consumes one block (channels in constructor order, µV). A block that does not continue
  /// the previous one closes every pattern in progress.
  /// @throws std::invalid_argument on a wrong channel count, unequal lengths, another sample
  /// rate or a block starting before the end of the previous one.
  void push(const DetectionBlock& block);
  /// Flushes the last segment; returns every event not yet returned, sorted.
  [[nodiscard]] std::vector<Event> finish();
  /// Events final so far, sorted; each is returned once.
  [[nodiscard]] std::vector<Event> take_events();

 private:
  std::unique_ptr<detail::PatternState> state_;
};

}  // namespace eegtrack::detect
