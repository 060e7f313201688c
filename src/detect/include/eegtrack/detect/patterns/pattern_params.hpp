#pragma once

// Thresholds of the periodic and rhythmic pattern detector, apart from the detector so that its
// helpers and the pipeline's options can name them without the detector's machinery.

#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

/// Thresholds of the rhythmic and periodic pattern detector (ACNS 2021, docs/clinical-background.md
/// §5.2).
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

}  // namespace eegtrack::detect
