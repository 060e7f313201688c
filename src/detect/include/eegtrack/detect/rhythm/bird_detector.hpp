#pragma once

// Brief potentially ictal rhythmic discharges (BIRDs, ACNS 2021, docs/clinical-background.md §5.4):
// focal or generalized rhythmic activity > 4 Hz, >= 6 waves, lasting >= 0.5 s and < 10 s, not a
// normal variant. Algorithm, validation figures and limits: docs/detect-seizures.md.

#include <memory>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/rhythm/bird_params.hpp"

namespace eegtrack::detect {

/// Streaming BIRD detector with the detector contract of SeizureDetector: blocks in time order,
/// any length; non-finite samples are masked; a block that does not continue the previous one
/// resets the state. Events have type BIRD, side/region/focus of the strongest channels, the
/// mean frequency and "evolving" when the frequency changed >= 0.5 Hz twice in a row.
class BirdDetector {
 public:
  /// @throws std::invalid_argument for a sample rate below 64 Hz or inconsistent params.
  BirdDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
               BirdParams params = {});
  ~BirdDetector();
  BirdDetector(BirdDetector&&) noexcept;
  BirdDetector& operator=(BirdDetector&&) noexcept;

  void push(const DetectionBlock& block);
  [[nodiscard]] std::vector<Event> finish();
  [[nodiscard]] std::vector<Event> take_events();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace eegtrack::detect
