#pragma once

#include <memory>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/spikes/ied_params.hpp"

namespace eegtrack::detect {

namespace detail {
struct IedState;
}

/// Streaming detector of spikes (20-70 ms) and sharp waves (70-200 ms), after the IFCN
/// operational definition (Kane et al. 2017; Kural et al. 2020): candidates from a
/// 10-60 Hz Hilbert envelope above an adaptive log-normal threshold (Janča et al., Brain
/// Topogr 2015;28:172) or a deep negative peak; morphology on 1-70 Hz (duration, amplitude
/// and both flank slopes against the local background, asymmetry, after-going slow wave,
/// isolation from rhythmic trains); field: a neighbouring electrode (<= 40 deg) deflecting
/// the same way within +-20 ms and a smooth focal-field fit. Further candidates are taken on
/// the virtual channels of matched spatial filters against the span's background covariance.
/// Decision: the energy of the discharge's autoregressive prediction errors (innovations) on
/// the virtual channel of its best matched filter, discounted by the number of similar waves
/// of the channel's ongoing rhythm.
/// Only surface-negative discharges are reported; the focus is
/// the electrode of maximum negativity. Works on average-reference ("T7-avg") or referential
/// channels; bipolar channels are analysed the same way (see docs/detect-spikes.md for the
/// limits). Data are analysed in fixed windows counted from each segment's start, so results
/// do not depend on how the blocks are cut.
class IedDetector {
 public:
  /// @throws std::invalid_argument for a sample rate outside [100, 4096] Hz, no scalp channel
  /// or inconsistent parameters.
  IedDetector(std::vector<DetectionChannel> channels, double sample_rate_hz, IedParams params = {});
  ~IedDetector();
  IedDetector(IedDetector&&) noexcept;
  IedDetector& operator=(IedDetector&&) noexcept;
  IedDetector(const IedDetector&) = delete;
  IedDetector& operator=(const IedDetector&) = delete;

  /// Consumes one block (channels in constructor order, µV). A block that does not continue
  /// the previous one ends the segment: the rest of the previous segment is analysed first.
  /// @throws std::invalid_argument on a wrong channel count, unequal lengths or another rate.
  void push(const DetectionBlock& block);
  /// Analyses up to `windows` core windows at once, all but one on helper threads (default 1:
  /// everything in the caller). The spike detector is the longest of a full analysis' lanes;
  /// this lets it use a core the others leave idle. Events are the same for every value; with
  /// more than one, a window's events are returned once the following windows have arrived.
  /// @throws std::invalid_argument for 0.
  void set_concurrent_windows(std::size_t windows);
  /// Analyses what is left; returns every event not yet returned, sorted.
  [[nodiscard]] std::vector<Event> finish();
  /// Events final so far, sorted; each is returned once.
  [[nodiscard]] std::vector<Event> take_events();

 private:
  std::unique_ptr<detail::IedState> state_;
};

}  // namespace eegtrack::detect
