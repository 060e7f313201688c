#pragma once

// Electrographic seizure detection (ACNS 2021 ESz, docs/clinical-background.md §5.4). Algorithm,
// validation figures and limits: docs/detect-seizures.md.

#include <memory>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/rhythm/seizure_params.hpp"

namespace eegtrack::detect {

/// Streaming seizure detector: push blocks in time order, any length; events are final once
/// the seizure has ended (take_events) or at finish(). Memory does not grow with the recording
/// length. Channels without a scalp site are ignored. Samples that are not finite are treated
/// as masked (artifact): windows touching them do not count on that channel.
class SeizureDetector {
 public:
  /// @throws std::invalid_argument for a sample rate below 64 Hz or inconsistent params.
  SeizureDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                  SeizureParams params = {});
  ~SeizureDetector();
  SeizureDetector(SeizureDetector&&) noexcept;
  SeizureDetector& operator=(SeizureDetector&&) noexcept;

  /// @throws std::invalid_argument on a channel count or sample rate that does not match.
  void push(const DetectionBlock& block);
  [[nodiscard]] std::vector<Event> finish();
  [[nodiscard]] std::vector<Event> take_events();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace eegtrack::detect
