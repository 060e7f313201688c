#pragma once

#include <limits>
#include <string>
#include <vector>

#include "eegtrack/features/symmetry.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::features {

/// Heuristic grade of background slowing, after the Yale adult background scale
/// (docs/clinical-background.md §4.6). No published qEEG cutoffs map to these grades: see
/// docs/qeeg-features.md.
enum class SlowingGrade { None, Mild, Moderate, Severe };
/// Where the slowing is: None (no slowing and no focal asymmetry), Diffuse or Focal.
enum class SlowingDistribution { None, Diffuse, Focal };

/// "none", "mild", "moderate", "severe".
[[nodiscard]] const char* to_string(SlowingGrade grade) noexcept;
/// "none", "diffuse", "focal".
[[nodiscard]] const char* to_string(SlowingDistribution distribution) noexcept;

/// What grade_slowing needs of a recording (filled by the pipeline from clean epochs).
struct SlowingInputs {
  bool pdr_present = false;
  double pdr_frequency_hz = 0.0;  ///< used only when pdr_present
  /// Relative powers (1-30 Hz denominator): per-epoch values averaged over EEG channels, median
  /// over clean epochs. Each in [0, 1].
  double relative_delta = 0.0;
  double relative_theta = 0.0;
  double relative_alpha = 0.0;
  double relative_beta = 0.0;
  double suppression_fraction = 0.0;  ///< fraction of the record suppressed, [0, 1]
  /// Median frequency (SEF50 over 1-30 Hz) of the clean epochs, Hz; NaN when unknown (the
  /// index then leaves its term out).
  double median_frequency_hz = std::numeric_limits<double>::quiet_NaN();
  std::vector<RegionAsymmetry> regions{};  ///< from brain_symmetry; may be empty
  std::vector<PairAsymmetry> pairs{};      ///< from brain_symmetry; may be empty
};

/// Thresholds and weights; every default is a documented heuristic, not a validated cutoff.
struct SlowingParams {
  /// Mild on its own below this: the lower edge of the adult alpha band (IFCN glossary, 8 Hz).
  double pdr_slow_below_hz = 8.0;
  /// Borderline between pdr_slow_below_hz and this (Marcuse et al., Clin Neurophysiol
  /// 2008;119:1778, from 15-year-olds; the PDR falls with age): noted, graded only with excess
  /// theta or delta, which grade mild on their own.
  double pdr_borderline_below_hz = 8.5;
  double excess_relative_theta = 0.25;  ///< "excess theta"
  double excess_relative_delta = 0.37;  ///< van der Kooi et al., Chest 2015 (delirium cutoff)
  double severe_relative_delta = 0.50;  ///< delta-dominant: delta largest and >= this
  double moderate_suppression_fraction = 0.10;  ///< ACNS "discontinuous" (10-49%)
  double severe_suppression_fraction = 0.50;    ///< ACNS burst suppression (> 50%)
  /// Marked asymmetry of delta + theta in a homologous pair: ACNS "> 50 % amplitude
  /// difference" = amplitude ratio 1.5 = power ratio 2.25 -> |(R-L)/(R+L)| >= 0.385.
  double focal_slow_index = 0.385;
  /// Pairs on one side that must show it: a cerebral focus has a field over neighbouring
  /// electrodes, a single-electrode asymmetry is most often artifact (3 of 5 healthy recordings).
  int focal_min_pairs = 2;
  /// Leave Fp1/Fp2 out of the focal rule: their delta is dominated by eye movements.
  bool focal_ignores_frontopolar = true;
  double pdr_reference_hz = 10.0;  ///< index: PDR at or above this adds nothing (Marcuse mean)
  double pdr_floor_hz = 5.0;       ///< index: PDR at this or absent adds the full PDR term
  double reference_relative_slow = 0.40;  ///< index: delta+theta at or below this adds nothing
  /// Index: a median frequency at or above this adds nothing. 8 Hz is the lower edge of the
  /// alpha band: below it, more than half of the 1-30 Hz power is slower than alpha.
  double reference_median_frequency_hz = 8.0;
  /// Index: the median frequency that adds the full term. 1 Hz is the lower edge of the
  /// 1-30 Hz range the median is taken over, so the term keeps rising as the EEG slows further
  /// (delta+theta and the PDR term saturate once the background is delta/theta-dominant).
  double floor_median_frequency_hz = 1.0;
  double weight_pdr = 1.0;  ///< index weights (normalised by their sum)
  double weight_slow = 2.0;
  double weight_frequency = 2.0;
  double weight_suppression = 3.0;
};

/// Grade, distribution and a continuous encephalopathy index of one recording.
struct SlowingAssessment {
  SlowingGrade grade = SlowingGrade::None;
  std::vector<std::string> criteria{};  ///< the rules that fired, in words, for review
  SlowingDistribution distribution = SlowingDistribution::None;
  sites::Side focal_side = sites::Side::Midline;  ///< side with more slow power (Focal only)
  sites::Region focal_region =
      sites::Region::Other;  ///< region of the focus (Focal only), see grade_slowing
  /// Signed slow index of the most asymmetric eligible pair; NaN without pairs.
  double focal_slow_index = 0.0;
  int focal_pairs = 0;          ///< eligible pairs with a marked asymmetry toward the focal side
  double pdr_component = 0.0;   ///< [0, 1]
  double slow_component = 0.0;  ///< [0, 1]
  double suppression_component = 0.0;  ///< [0, 1]
  double frequency_component = 0.0;    ///< [0, 1]; 0 when the median frequency is unknown
  /// Weighted mean of the three components, [0, 1]; 0 = normal adult background.
  double encephalopathy_index = 0.0;
};

/// Grades slowing: severe if suppression >= severe_suppression_fraction or delta is the
/// largest band with relative delta >= severe_relative_delta; else moderate if suppression >=
/// moderate_suppression_fraction, theta or delta is the largest band while the PDR is absent or
/// below pdr_slow_below_hz, or the PDR is absent with excess delta or theta; else mild if the
/// PDR is absent or below pdr_slow_below_hz, a slow band is the largest despite a normal PDR,
/// or there is excess delta or theta; else none (a PDR in the borderline band is noted in the
/// criteria). Focal if at least focal_min_pairs eligible homologous pairs have
/// |slow_signed_index| >= focal_slow_index toward the same side; the region is the one, among
/// regions holding such a pair, whose regional slow index leans furthest toward that side. Index
/// components: PDR (reference - f) / (reference - floor), 1 if absent; slow (delta + theta -
/// reference) / (1 - reference); suppression fraction; each clamped.
/// @throws std::invalid_argument for relative powers or suppression outside [0, 1], a present
///         PDR with a non-positive frequency, negative weights or weights summing to 0,
///         pdr_floor_hz >= pdr_reference_hz, pdr_borderline_below_hz < pdr_slow_below_hz or
///         focal_min_pairs < 1.
[[nodiscard]] SlowingAssessment grade_slowing(const SlowingInputs& summary,
                                              const SlowingParams& p = {});

}  // namespace eegtrack::features
