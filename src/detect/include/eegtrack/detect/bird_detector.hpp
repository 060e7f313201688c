#pragma once

// Brief potentially ictal rhythmic discharges (BIRDs, ACNS 2021, CLINICAL.md §5.4): focal or
// generalized rhythmic activity > 4 Hz, >= 6 waves, lasting >= 0.5 s and < 10 s, not a normal
// variant. Algorithm, validation figures and limits: docs/detect-seizures.md.

#include <memory>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

/// Thresholds of BirdDetector. 1-s windows (0.5-s step) of 1-20 Hz activity; a channel takes
/// part when its autocorrelation rhythmicity >= min_rhythmicity at a frequency in
/// (min_frequency_hz, max_frequency_hz], it is not alpha-band rhythm belonging to the posterior
/// dominant rhythm (alpha_low_hz..alpha_high_hz on P/O channels, or anywhere while a posterior
/// channel shows it), and its RMS reaches min(relative_amplitude x background, absolute_rms_uv).
struct BirdParams {
  double window_s = 1.0;
  double step_s = 0.5;
  double min_rhythmicity = 0.5;
  double min_frequency_hz = 4.0;  ///< exclusive: BIRDs are > 4 Hz
  double max_frequency_hz = 15.0;
  double alpha_low_hz = 7.5;
  double alpha_high_hz = 13.0;
  double absolute_rms_uv = 45.0;
  double relative_amplitude = 2.5;
  double background_s = 300.0;
  double background_warmup_s = 60.0;
  std::size_t min_channels = 1;
  double min_waves = 6.0;
  double min_duration_s = 0.5;
  double max_duration_s = 10.0;  ///< exclusive: >= 10 s is a seizure candidate, not a BIRD
};

/// Checks every field on its own, before any data is seen.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const BirdParams& p);

/// ParameterList of every BirdParams threshold, named with units.
[[nodiscard]] ParameterList parameter_list(const BirdParams& p);

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
