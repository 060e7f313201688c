#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/features/continuity.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::findings {

/// Median and interquartile range over clean epochs; absent when there was no clean value.
struct Quantiles {
  std::optional<double> median;
  std::optional<double> q25;
  std::optional<double> q75;
  friend bool operator==(const Quantiles&, const Quantiles&) = default;
};

/// Median power of one frequency band over clean epochs (channel mean per epoch).
struct BandPower {
  std::string band;                    ///< name from the analysis bands, e.g. "delta"
  std::optional<double> relative;      ///< fraction of the total power, [0, 1]
  std::optional<double> absolute_uv2;  ///< µV²
  friend bool operator==(const BandPower&, const BandPower&) = default;
};

/// A posterior dominant rhythm that was found (its absence is a finding: see Background::pdr).
struct PosteriorRhythm {
  double frequency_hz = 0.0;
  std::optional<double> power_uv2;          ///< mean posterior power around the peak
  std::optional<double> left_frequency_hz;  ///< same estimate on the left channels only
  std::optional<double> right_frequency_hz;
  friend bool operator==(const PosteriorRhythm&, const PosteriorRhythm&) = default;
};

/// A central interval of one measure.
struct Interval {
  double low = 0.0;
  double high = 0.0;
  friend bool operator==(const Interval&, const Interval&) = default;
};

/// The recording's own variability: percentile intervals of its main measures over a block
/// bootstrap of its clean epochs (docs/findings.md, intervals). Every interval is absent, with
/// `unavailable` saying why, when the recording has too few clean blocks.
struct Intervals {
  double level = 0.95;
  double block_s = 0.0;      ///< block length actually used (whole epochs)
  std::size_t n_blocks = 0;  ///< blocks holding clean epochs
  int resamples = 0;
  std::uint64_t seed = 0;
  std::string unavailable;  ///< "" when computed
  std::optional<Interval> encephalopathy_index;
  std::optional<Interval> pdr_hz;     ///< over the resamples where a PDR was found
  double pdr_present_fraction = 0.0;  ///< share of resamples in which a PDR was found
  std::optional<Interval> relative_delta;
  std::optional<Interval> relative_theta;
  std::optional<Interval> delta_alpha_ratio;
  friend bool operator==(const Intervals&, const Intervals&) = default;
};

/// Recording-level background measures (summary.json "background").
struct Background {
  /// Absent: no posterior dominant rhythm (also when it could not be estimated).
  std::optional<PosteriorRhythm> pdr;
  /// Absent when the PDR was not estimated (no clean posterior channel); 0 when estimated
  /// and absent.
  std::optional<double> pdr_confidence;
  bool slower_rhythm_dominates = false;  ///< PDR absent because a slower peak dominates
  /// Why there is no PDR, in words (empty when there is one): not estimated, no peak standing
  /// out of the aperiodic background, a slower rhythm dominating, not posterior-predominant.
  std::string pdr_absent_reason;
  std::vector<BandPower> band_powers;  ///< in the order of the analysis bands
  std::optional<double> delta_alpha_ratio;
  std::optional<double> theta_alpha_ratio;
  std::optional<double> dtabr;  ///< (delta + theta) / (alpha + beta)
  std::optional<double> sef95_hz;
  std::optional<double> sef90_hz;
  std::optional<double> median_frequency_hz;  ///< SEF50
  std::optional<double> aperiodic_exponent;
  std::optional<double> bsi;    ///< brain symmetry index, [0, 1]
  std::optional<double> pdbsi;  ///< pairwise derived BSI
  std::optional<double> suppression_fraction;
  std::optional<double> encephalopathy_index;  ///< [0, 1]; absent when not graded
  /// Every per-epoch feature by name ("alpha_relative", "sef95_hz", ...).
  std::map<std::string, Quantiles> feature_quantiles;
  Intervals intervals;
  friend bool operator==(const Background&, const Background&) = default;
};

/// One band's signed asymmetry (R - L) / (R + L) of the mean spectra.
struct BandValue {
  std::string band;
  std::optional<double> value;
  friend bool operator==(const BandValue&, const BandValue&) = default;
};

/// Asymmetry of a region whose both sides were recorded.
struct RegionAsymmetry {
  std::vector<BandValue> right_minus_left;  ///< per band, in the order of the analysis bands
  std::optional<double> slow;               ///< delta + theta
  friend bool operator==(const RegionAsymmetry&, const RegionAsymmetry&) = default;
};

/// Band powers of one scalp region (channels of both sides and the midline).
struct RegionFindings {
  sites::Region region = sites::Region::Other;
  std::size_t n_channels = 0;
  std::vector<BandPower> band_powers;        ///< in the order of the analysis bands
  std::optional<RegionAsymmetry> asymmetry;  ///< absent unless both sides are present
  friend bool operator==(const RegionFindings&, const RegionFindings&) = default;
};

/// Signed delta + theta asymmetry of one homologous pair, (R - L) / (R + L).
struct SlowAsymmetryPair {
  std::string right;  ///< channel label, e.g. "T8-avg"
  std::string left;
  std::optional<double> slow_signed_index;
  friend bool operator==(const SlowAsymmetryPair&, const SlowAsymmetryPair&) = default;
};

/// Where focal slowing is.
struct SlowingFocus {
  sites::Side side = sites::Side::Midline;
  sites::Region region = sites::Region::Other;
  friend bool operator==(const SlowingFocus&, const SlowingFocus&) = default;
};

/// The slowing grade with the rules that fired (features::grade_slowing).
struct Slowing {
  features::SlowingGrade grade = features::SlowingGrade::None;
  features::SlowingDistribution distribution = features::SlowingDistribution::None;
  std::optional<SlowingFocus> focus;  ///< present exactly when the distribution is focal
  /// Signed slow index of the most asymmetric eligible pair; absent without pairs.
  std::optional<double> focal_slow_index;
  int focal_pairs = 0;
  /// Every homologous pair, ordered by "right/left" label (the order of summary.json).
  std::vector<SlowAsymmetryPair> slow_asymmetry_pairs;
  std::vector<std::string> criteria;  ///< the rules that fired, in words
  double pdr_component = 0.0;         ///< encephalopathy index components, [0, 1]
  double slow_component = 0.0;
  double suppression_component = 0.0;
  double frequency_component = 0.0;
  friend bool operator==(const Slowing&, const Slowing&) = default;
};

/// ACNS continuity of the record.
struct Continuity {
  std::optional<double> suppressed_fraction;  ///< [0, 1]
  std::size_t n_bursts = 0;
  features::ContinuityClass classification = features::ContinuityClass::Continuous;
  friend bool operator==(const Continuity&, const Continuity&) = default;
};

/// The band named `band`, or nullptr.
[[nodiscard]] const BandPower* find_band(const std::vector<BandPower>& powers,
                                         const std::string& band) noexcept;

}  // namespace eegtrack::findings
