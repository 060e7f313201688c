#pragma once

// Thresholds of the IED detector, apart from the detector so that its helpers and the pipeline's
// options can name them without the detector's machinery.

#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

/// Thresholds of the interictal epileptiform discharge detector (docs/clinical-background.md §5.5,
/// §6.1). Amplitudes and slopes are ratios to the robust SD (1.4826 MAD) of the channel over its
/// analysis span (core window +- context), so they do not depend on gain. See
/// docs/detect-spikes.md for how each default was chosen.
struct IedParams {
  // Analysis windows, counted from each segment's start so results ignore block boundaries.
  double core_window_s = 10.0;  ///< events are owned by the core window holding their peak
  double context_s = 5.0;       ///< context on each side (filters, background statistics)
  // Filters (zero-phase Butterworth order 2; edges above 0.45 fs are lowered to 0.45 fs).
  double broadband_low_hz = 1.0;  ///< morphology is measured on this band
  double broadband_high_hz = 70.0;
  double fast_low_hz = 10.0;  ///< candidate band of the envelope (Janča et al. 2015)
  double fast_high_hz = 60.0;
  // Candidates.
  double envelope_k = 1.5;  ///< fast envelope > k (mode + median) of its log-normal fit
  double candidate_amplitude_ratio = 2.0;  ///< or a negative peak deeper than this x SD
  // Morphology on the broadband signal (surface-negative discharges).
  double min_duration_s = 0.020;         ///< base width (trough to trough) of a spike >=
  double spike_max_duration_s = 0.070;   ///< spike < 70 ms <= sharp wave
  double max_duration_s = 0.200;         ///< sharp wave <= 200 ms
  double trough_hysteresis = 0.15;       ///< a flank ends where y rises this x peak height
  double min_amplitude_ratio = 2.5;      ///< peak-to-trough amplitude / background SD
  double min_local_ratio = 3.0;          ///< amplitude / robust SD of the surrounding +-1 s
  double min_slope_ratio = 2.0;          ///< steepest slope of EACH flank / SD of the derivative
  double min_asymmetry = 0.10;           ///< |rise - fall| / (rise + fall) for the criterion
  double slow_wave_window_s = 0.30;      ///< after-going slow wave searched after the discharge
  double min_slow_wave_fraction = 0.25;  ///< slow-wave height / discharge amplitude
  double train_window_s = 0.25;          ///< +- window for the isolation check
  double train_peak_fraction = 0.5;      ///< comparable waves: prominence >= this x amplitude
  int max_train_peaks = 1;               ///< more comparable peaks -> rhythm or muscle, rejected
  double flat_run_s = 0.1;               ///< a channel constant this long is a dropout / end
  double flat_guard_s = 2.0;             ///< no discharge within this of a flat run
  // Rhythm context: similar negative half-waves around the discharge (focus and virtual channel).
  double rhythm_context_s = 5.0;         ///< searched within +- this
  double similar_depth_fraction = 0.5;   ///< similar: at least this x the discharge's depth
  double similar_duration_ratio = 1.43;  ///< and a duration within this factor of its own
  // Field.
  double neighbour_max_deg = 40.0;     ///< electrodes this close are neighbours
  double field_tolerance_s = 0.020;    ///< neighbour peak within +- this of the focus peak
  double min_field_ratio = 0.2;        ///< best neighbour deflection / focus deflection
  double min_field_r2 = 0.6;           ///< focal-field fit: explained fraction of deflections
  double min_field_spread_deg = 20.0;  ///< best-fitting field SD (fits 15-45 deg) >= this
  double max_opposite_ratio = 3.0;     ///< positive deflection within +-0.3 s > this x: artefact
  // Decision on the spatially whitened virtual channel of the best matched field filter.
  double whitening_regularisation = 0.05;  ///< ridge: this x mean channel variance
  double whitening_clip_sd = 4.0;          ///< background covariance without samples beyond
  double innovation_order_s = 0.064;       ///< AR model of the virtual channel: this many s
  double whitened_candidate_ratio = 3.0;   ///< virtual-channel peaks this x its SD: candidates
  /// innovation energy on the whitened virtual channel / sqrt(1 + mean similar half-waves)
  /// >= this: the decision threshold
  double min_discharge_score = 120.0;
  double channel_involved_ratio = 0.5;  ///< channels listed in the event: deflection >= this
  double bilateral_ratio = 0.7;         ///< homologous side this strong -> bilateral
  double merge_s = 0.12;                ///< discharges closer than this are one event
  double min_confidence = 0.0;          ///< events below are dropped (0: no extra gate)
};

/// Checks every field on its own, before any data is seen (band edges against the sample
/// rate are checked by the detector).
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const IedParams& p);

/// Every threshold of `p`, named with its unit, for provenance.
[[nodiscard]] ParameterList parameter_list(const IedParams& p);

}  // namespace eegtrack::detect
