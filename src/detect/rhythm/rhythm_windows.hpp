#pragma once

// Streaming per-channel rhythm analysis shared by the seizure and BIRD detectors: each channel is
// band-passed with a causal filter whose state carries across blocks, and every `step` samples
// the last `window` samples of each channel are summarised (RMS, autocorrelation rhythmicity
// and dominant frequency). Windows are aligned to the segment start, so the results do not
// depend on how a segment is cut into blocks.

#include <cstddef>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/dsp/sos_filter_bank.hpp"

namespace eegtrack::detect::detail {

/// Highest sample rate the rhythm detectors accept (the readers' io::limits::kMaxSampleRateHz):
/// every window and ring buffer is sized from the rate, so an unbounded rate is an unbounded
/// allocation.
inline constexpr double kMaxRhythmSampleRateHz = 100000.0;

/// What one analysis window shows on one channel.
struct ChannelRhythm {
  bool valid = false;         ///< false when the window touches masked (non-finite) samples
  double rms_uv = 0.0;        ///< RMS of the band-passed window
  double rhythmicity = 0.0;   ///< height of the autocorrelation peak at one period, [-1, 1]
  double frequency_hz = 0.0;  ///< 1 / lag of that peak; 0 when no period was found
};

/// One analysis window across channels.
struct RhythmWindow {
  double start_s = 0.0;  ///< true time of the window's first sample
  std::vector<ChannelRhythm> channels;
};

struct RhythmWindowSettings {
  double window_s = 2.0;
  double step_s = 1.0;
  double low_hz = 1.0;  ///< band-pass edges of the analysis filter
  double high_hz = 20.0;
  double min_frequency_hz = 1.5;   ///< slowest period searched
  double max_frequency_hz = 14.0;  ///< fastest period searched
};

/// Fewest analysis samples per cycle of the fastest frequency a stream passes or searches.
/// With eight, the parabolic refinement of a sinusoid's period errs by at most 0.12 % at that
/// frequency (less below it); a faster input is decimated down towards it.
inline constexpr double kRhythmSamplesPerCycle = 8.0;

/// The stream's decimation at this input rate: the largest factor that keeps
/// kRhythmSamplesPerCycle samples per cycle of max(high_hz, max_frequency_hz) and divides the
/// window and the step (in input samples), so that windows still start on input samples at
/// the same times. 1 when none does. The causal band-pass runs at the input rate before it and
/// is the anti-alias filter: what folds into the analysed band (up to that fastest frequency
/// F) comes from 7 F or more, which its two high-side poles attenuate by 33 dB or more.
[[nodiscard]] std::size_t rhythm_decimation(const RhythmWindowSettings& settings,
                                            double sample_rate_hz);

class RhythmWindowStream {
 public:
  RhythmWindowStream(std::size_t channel_count, double sample_rate_hz,
                     const RhythmWindowSettings& settings);

  /// Filters the block and returns every window completed by it. A block that does not
  /// continue the previous one starts a new segment (filters and buffers reset).
  /// @throws std::invalid_argument on a wrong channel count or sample rate.
  [[nodiscard]] std::vector<RhythmWindow> push(const DetectionBlock& block);

  /// Input samples per analysis sample (rhythm_decimation).
  [[nodiscard]] std::size_t decimation() const { return decimation_; }

 private:
  void start_segment(const DetectionBlock& block);
  [[nodiscard]] RhythmWindow analyse_window() const;

  double fs_;                   ///< input rate
  std::size_t decimation_ = 1;  ///< input samples per analysis sample
  double rate_ = 0.0;           ///< analysis rate, fs_ / decimation_
  std::size_t window_;          ///< analysis samples
  std::size_t step_;            ///< analysis samples
  std::size_t min_lag_;
  std::size_t max_lag_;
  dsp::Sos sos_;
  dsp::SosFilterBank filters_;              ///< the analysis band-pass, one state per channel
  std::vector<std::vector<double>> rings_;  ///< last `window_` analysis samples per channel
  std::vector<long long> last_masked_;      ///< segment index of the last masked sample
  std::size_t ring_pos_ = 0;
  long long segment_samples_ = 0;
  double segment_start_s_ = 0.0;
  bool in_segment_ = false;
};

/// Rhythmicity and period of one window (mean removed): the normalised, overlap-corrected
/// autocorrelation searched between its first zero crossing and max_lag for its highest peak
/// at lag >= min_lag; the lag is refined by parabolic interpolation.
[[nodiscard]] ChannelRhythm rhythm_of(const std::vector<double>& window, double sample_rate_hz,
                                      std::size_t min_lag, std::size_t max_lag);

/// Median of a bounded history of values (a channel's background amplitude).
class RunningMedian {
 public:
  explicit RunningMedian(std::size_t capacity) : capacity_(capacity) {}
  void add(double value);
  void clear();
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  [[nodiscard]] double median() const;  ///< NaN when empty

 private:
  std::size_t capacity_;
  std::size_t next_ = 0;
  std::vector<double> values_;
};

}  // namespace eegtrack::detect::detail
