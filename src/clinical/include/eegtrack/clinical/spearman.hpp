#pragma once
// Rank correlation of two paired series, as a follow-up compares the EEG with the bedside grade.

#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace eegtrack::clinical {

/// Spearman's rho with the number of pairs it rests on.
struct RankCorrelation {
  std::optional<double> rho;  ///< absent below min_pairs or when either series is constant
  std::size_t n_pairs = 0;
  std::string note;  ///< why rho is absent or weak ("too few pairs (3 < 4)"), else empty
};

/// Pairs below this give no rho: with 3 ranks, rho takes only 4 values.
inline constexpr std::size_t kMinRankPairs = 4;

/// Spearman's rho of x and y (same length): Pearson's correlation of their ranks, ties given
/// their average rank (as scipy.stats.spearmanr). Pairs with a non-finite value are skipped.
/// @throws std::invalid_argument when the lengths differ.
[[nodiscard]] RankCorrelation spearman(std::span<const double> x, std::span<const double> y,
                                       std::size_t min_pairs = kMinRankPairs);

}  // namespace eegtrack::clinical
