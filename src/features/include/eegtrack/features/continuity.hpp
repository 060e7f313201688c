#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

namespace eegtrack::features {

/// Which published definition a parameter set follows; carried into the result so a report
/// can say which suppression was measured (docs/clinical-background.md §4.5).
enum class SuppressionDefinition {
  Acns,   ///< ACNS "suppressed": < 10 µV peak to trough (Hirsch et al., J Clin Neurophysiol
          ///< 2021;38:1)
  Bsr,    ///< BIS-style burst-suppression ratio: within ±5 µV (10 µV peak to peak) for > 0.5 s
          ///< (Rampil, Anesthesiology 1998;89:980)
  Custom  ///< any other threshold
};

/// Parameters of the continuity analysis. Local voltage of a channel over a window of window_s =
/// 2 sqrt(2) * standard deviation, the peak-to-trough voltage of a sinusoid with that power (the
/// way EEG voltage is read); a window is quiet when the median of the channels' local voltages is
/// below threshold_ptp_uv, and a sample is
/// suppressed when it lies in at least one quiet window (a morphological opening, so the edges
/// of a suppression are not shifted by the window length). Suppressed runs shorter than
/// min_suppression_s count as activity. Rationale: docs/artifacts-and-continuity.md.
struct ContinuityParams {
  SuppressionDefinition definition = SuppressionDefinition::Acns;  ///< label only
  double threshold_ptp_uv = 10.0;         ///< local peak-to-trough voltage below this is suppressed
  double min_suppression_s = 0.5;         ///< shorter quiet runs are not suppressions
  double window_s = 0.25;                 ///< local amplitude window (<= min_suppression_s)
  double min_burst_s = 0.5;               ///< activity between suppressions longer than this ...
  double max_burst_s = 30.0;              ///< ... and at most this long is a burst
  double bsr_window_s = 63.0;             ///< trailing window of the running BSR (BIS: 63 s)
  double bsr_step_s = 1.0;                ///< spacing of the running BSR values
  double continuous_max_fraction = 0.01;  ///< Continuous up to this suppressed fraction
  double nearly_continuous_max_fraction = 0.10;  ///< NearlyContinuous below this
  double burst_suppression_min_fraction = 0.50;  ///< BurstSuppression from this (with bursts)
  double suppression_min_fraction = 0.99;        ///< Suppression: (almost) the whole record
};

/// ACNS preset: < 10 µV peak to trough for >= 0.5 s (definition Acns).
[[nodiscard]] ContinuityParams acns_continuity_params();
/// BSR preset: within ±5 µV, i.e. < 10 µV peak to peak, for >= 0.5 s (definition Bsr). The two
/// presets coincide in threshold once put on one scale; only the label differs.
[[nodiscard]] ContinuityParams bsr_continuity_params();

/// ACNS continuity categories (2012/2021 terminology).
enum class ContinuityClass {
  Continuous,
  NearlyContinuous,  ///< < 10 % suppressed
  Discontinuous,     ///< 10-49 % suppressed
  BurstSuppression,  ///< >= 50 % suppressed, alternating with bursts
  Suppression        ///< the whole record suppressed
};

/// "continuous", "nearly_continuous", "discontinuous", "burst_suppression", "suppression".
[[nodiscard]] std::string to_string(ContinuityClass c);

/// Kinds of the periods a segment is cut into.
enum class PeriodKind {
  Suppression,  ///< suppressed for >= min_suppression_s
  Burst,        ///< activity lasting (min_burst_s, max_burst_s]
  Brief,        ///< activity of <= min_burst_s
  Activity      ///< activity longer than max_burst_s (continuous stretch)
};

/// One period; periods tile each segment without gaps or overlap.
struct ContinuityPeriod {
  PeriodKind kind = PeriodKind::Activity;
  double start_s = 0.0;  ///< seconds from the recording start
  double duration_s = 0.0;
  std::size_t segment = 0;  ///< index of the contiguous segment (see ContinuityAnalyzer::reset)
};

/// Suppressed fraction of the trailing bsr_window_s ending at time_s (inside one segment; near a
/// segment start the window is shorter: covered_s says how much it holds).
struct BsrPoint {
  double time_s = 0.0;
  double bsr = 0.0;  ///< fraction in [0, 1]
  double covered_s = 0.0;
};

/// Result over everything analysed.
struct ContinuityResult {
  ContinuityParams params;           ///< the definition and thresholds used
  double analyzed_s = 0.0;           ///< total duration of all segments
  double suppressed_s = 0.0;         ///< total duration of Suppression periods
  double suppressed_fraction = 0.0;  ///< whole-record BSR, suppressed_s / analyzed_s
  std::size_t n_bursts = 0;
  double mean_burst_s = 0.0;  ///< 0 without bursts
  ContinuityClass classification = ContinuityClass::Continuous;
  std::vector<ContinuityPeriod> periods;
  std::vector<BsrPoint> bsr_series;  ///< every bsr_step_s from each segment start
};

/// ACNS category of a record: Suppression from suppression_min_fraction; BurstSuppression from
/// burst_suppression_min_fraction when at least one burst occurs (else Discontinuous);
/// Discontinuous from nearly_continuous_max_fraction; NearlyContinuous above
/// continuous_max_fraction; else Continuous.
/// @throws std::invalid_argument if suppressed_fraction is outside [0, 1] or params are invalid.
[[nodiscard]] ContinuityClass classify_continuity(double suppressed_fraction, std::size_t n_bursts,
                                                  const ContinuityParams& params = {});

/// Continuity of a whole contiguous recording (rows = channels, µV, high-passed EEG channels
/// only); the same as one ContinuityAnalyzer::push and result().
/// @throws std::invalid_argument as ContinuityAnalyzer.
[[nodiscard]] ContinuityResult analyze_continuity(Eigen::Ref<const Eigen::MatrixXd> x,
                                                  double sample_rate_hz,
                                                  const ContinuityParams& params = {});

/// Checks params (thresholds > 0, window_s <= min_suppression_s, ordered fractions).
/// @throws std::invalid_argument ("continuity: ... (value)").
void validate_continuity_params(const ContinuityParams& params);

}  // namespace eegtrack::features
