#pragma once

#include <cstddef>
#include <span>

#include "eegtrack/dsp/psd.hpp"
#include "eegtrack/features/artifacts.hpp"

// Single measures behind screen_epoch, kept apart so each stays small and testable through
// the public function.
namespace eegtrack::features::detail {

/// Longest run of exactly equal consecutive samples (1 for a signal without repeats).
[[nodiscard]] std::size_t longest_constant_run(std::span<const double> x);

/// Whether no value between lowest and highest lies within tolerance of a limit of the range:
/// then clipped_fraction and longest_limit_run are 0 for any samples inside [lowest, highest].
[[nodiscard]] bool never_at_limit(double lowest, double highest, const ChannelRange& range,
                                  double tolerance);

/// Fraction of samples within tolerance * range width of either limit.
[[nodiscard]] double clipped_fraction(std::span<const double> x, const ChannelRange& range,
                                      double tolerance);

/// Longest run of consecutive samples within tolerance * range width of either limit.
[[nodiscard]] std::size_t longest_limit_run(std::span<const double> x, const ChannelRange& range,
                                            double tolerance);

/// Longest run of samples equal to the epoch maximum or to the epoch minimum.
/// lowest and highest are the epoch's (dsp::value_range), which the caller already has.
[[nodiscard]] std::size_t longest_extreme_run(std::span<const double> x, double lowest,
                                              double highest);

/// max |x - median(x)|.
[[nodiscard]] double max_deviation_from_median(std::span<const double> x);

/// Largest one-sample step in robust SDs and the first step accepted as an electrode pop.
struct StepSearch {
  double max_z = 0.0;  ///< NaN when no step reaches pop_min_step_uv
  std::ptrdiff_t pop_sample = -1;
};
[[nodiscard]] StepSearch find_pop(std::span<const double> x, double sample_rate_hz,
                                  const ArtifactParams& p);

/// P(EMG band without the mains lines) / P(1-30 Hz); NaN when the band does not fit.
[[nodiscard]] double muscle_ratio(const dsp::Psd& psd, const ArtifactParams& p);

/// Larger of the 50 and 60 Hz prominences of dsp::detect_mains (dB).
[[nodiscard]] double line_prominence_db(const dsp::Psd& psd);

}  // namespace eegtrack::features::detail
