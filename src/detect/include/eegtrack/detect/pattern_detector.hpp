#pragma once

#include <memory>
#include <span>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

/// Thresholds of the rhythmic and periodic pattern detector (ACNS 2021, CLINICAL.md §5.2).
struct PatternParams {
  // Periodic discharges (PDs).
  double pd_band_low_hz = 1.0;      ///< band of the discharge detector
  double pd_band_high_hz = 25.0;    ///< (zero-phase Butterworth, order 2)
  double pd_amplitude_ratio = 4.0;  ///< peak / robust SD of the local background (20 s)
  double pd_max_discharge_s = 0.5;  ///< discharge duration (above 25 % of peak) must be below
  double pd_min_rate_hz = 0.5;      ///< median repetition rate range of a PD train
  double pd_max_rate_hz = 2.5;      ///< faster trains are never reported (ACNS: seizure if >= 10 s)
  double pd_min_correlation = 0.6;  ///< waveform vs train template ("uniform morphology")
  double pd_min_uniform_fraction = 0.6;   ///< fraction of discharges meeting pd_min_correlation
  double pd_min_field_coherence = 0.5;    ///< mean field map peak / median discharge peak
  double pd_min_field_consistency = 0.6;  ///< discharges whose field correlates >= 0.5 with
                                          ///< the train's mean field (one consistent field)
  int pd_min_channels = 2;                ///< channels over threshold in one discharge (a field)
  // Rhythmic delta activity (RDA).
  double rda_low_hz = 0.5;  ///< RDA frequency range (ACNS: 0.5 to 4 Hz)
  double rda_high_hz = 4.0;
  double rda_frame_s = 4.0;            ///< spectral frame, stepped by 1 s
  double rda_min_peak_fraction = 0.6;  ///< power within +-0.5 Hz of the peak / 0.5-25 Hz power
  double rda_min_prominence = 6.0;     ///< peak power density / density 1-2 Hz above the peak
  int rda_min_channels = 2;            ///< rhythmic channels at one frequency in a frame
  // Both.
  int min_cycles = 6;                      ///< ACNS minimum length of a rhythmic/periodic pattern
  double max_period_change = 0.5;          ///< cycle-to-cycle period change (< 50 %) ...
  double min_regular_pair_fraction = 0.5;  ///< ... in more than this fraction of cycle pairs
  double lateral_amplitude_ratio = 2.0;    ///< one hemisphere this much higher -> lateralized
  double frontal_ratio = 1.5;  ///< anterior / posterior amplitude -> frontally predominant
  double max_event_s = 300.0;  ///< longer patterns are reported as consecutive events
};

/// Checks every field on its own, before any data is seen.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const PatternParams& p);

/// Every threshold of `p`, named with its unit, for provenance.
[[nodiscard]] ParameterList parameter_list(const PatternParams& p);

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

/// ACNS prevalence: continuous >= 90 %, abundant 50-89 %, frequent 10-49 %, occasional 1-9 %,
/// rare < 1 % of the record (or epoch).
enum class PrevalenceCategory { None, Rare, Occasional, Frequent, Abundant, Continuous };
/// ACNS duration: very brief < 10 s, brief 10-59 s, intermediate 1-4.9 min, long 5-59 min,
/// very long >= 1 h.
enum class DurationCategory { VeryBrief, Brief, Intermediate, Long, VeryLong };

[[nodiscard]] PrevalenceCategory prevalence_category(double fraction);
[[nodiscard]] DurationCategory duration_category(double duration_s);
/// "none", "rare", "occasional", "frequent", "abundant", "continuous".
[[nodiscard]] const char* to_string(PrevalenceCategory category) noexcept;
/// "very_brief", "brief", "intermediate", "long", "very_long".
[[nodiscard]] const char* to_string(DurationCategory category) noexcept;

/// How much of the analysed time one pattern type covers.
struct PatternPrevalence {
  EventType type = EventType::GPD;
  int episodes = 0;        ///< events of this type
  double covered_s = 0.0;  ///< union of the events' spans
  double fraction = 0.0;   ///< covered_s / analysed_s
  PrevalenceCategory prevalence = PrevalenceCategory::None;
  double median_duration_s = 0.0;  ///< typical episode duration (0 without episodes)
  DurationCategory duration = DurationCategory::VeryBrief;  ///< of median_duration_s
};

/// Prevalence of GPD, LPD, BIPD, GRDA and LRDA (always five entries, in that order) among
/// `events` over `analysed_s` seconds of analysed EEG; other event types are ignored.
/// @throws std::invalid_argument if analysed_s <= 0.
[[nodiscard]] std::vector<PatternPrevalence> pattern_prevalence(std::span<const Event> events,
                                                                double analysed_s);

}  // namespace eegtrack::detect
