#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/features/bands.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::features {

/// Ranges of the symmetry measures.
struct SymmetryParams {
  double bsi_low_hz = 1.0;  ///< whole-spectrum BSI and pdBSI over bins low <= f <= high
  double bsi_high_hz = 25.0;
  /// Per-band indices use the bins low <= f < high of each band. The regional slow index sums
  /// the bands named "delta" and "theta".
  std::vector<Band> bands = default_bands();
};

/// Band powers of one region on both sides and their asymmetry.
struct RegionAsymmetry {
  sites::Region region = sites::Region::Other;
  std::size_t n_left = 0;  ///< channels averaged on each side
  std::size_t n_right = 0;
  std::vector<double> left_uv2{};      ///< per band: mean band power of the left channels, µV²
  std::vector<double> right_uv2{};     ///< per band: mean band power of the right channels, µV²
  std::vector<double> signed_index{};  ///< per band: (R - L) / (R + L); NaN if R + L = 0
  double slow_signed_index = 0.0;      ///< (R - L) / (R + L) of delta + theta power
};

/// Slow-band asymmetry of one homologous pair (e.g. T8 against T7).
struct PairAsymmetry {
  std::string right;  ///< label of the right channel
  std::string left;   ///< label of its mirror on the left
  sites::Region region = sites::Region::Other;
  double slow_signed_index = 0.0;  ///< (R - L) / (R + L) of delta + theta power; NaN if 0
};

/// Symmetry of one spectrum set. Signed indices are > 0 when the right side has more power.
struct SymmetryResult {
  double bsi = 0.0;                    ///< revised BSI over [bsi_low_hz, bsi_high_hz], [0, 1]
  std::vector<double> bsi_per_band{};  ///< revised BSI per band
  double pdbsi = 0.0;                  ///< pairwise-derived BSI; NaN if no homologous pair
  std::vector<double> pdbsi_per_band{};
  std::size_t n_pairs = 0;                      ///< homologous pairs used by pdBSI
  std::vector<PairAsymmetry> pairs{};           ///< per homologous pair, right-channel order
  std::vector<double> signed_index_per_band{};  ///< (R - L) / (R + L) of hemispheric band power
  std::vector<RegionAsymmetry> regions{};       ///< regions with channels on both sides, enum order
};

/// Revised brain symmetry index (van Putten, Clin Neurophysiol 2007;118:2362;
/// docs/clinical-background.md §4.4) of two spectra on one grid: mean over the bins low_hz <= f <=
/// high_hz (or < high_hz when half_open) of |(R - L) / (R + L)|; bins with R + L = 0 count as
/// symmetric (0). 0 = symmetric, 1 = one side silent.
/// @throws std::invalid_argument if sizes differ, the range is empty or outside the grid, or
///         it holds no bin.
[[nodiscard]] double revised_bsi(std::span<const double> frequencies_hz,
                                 std::span<const double> right_psd,
                                 std::span<const double> left_psd, double low_hz, double high_hz,
                                 bool half_open = false);

/// BSI (mean right vs mean left PSD over all left/right channels), pdBSI (Sheorajpanday et al.,
/// Clin Neurophysiol 2009: mean of the BSI of each right channel against the left channel
/// named in its `homologous`), signed hemispheric indices per band, and per-region mean band
/// powers with their signed asymmetry. Midline channels are ignored.
/// @param psd_uv2_per_hz channels x frequencies, each row already averaged over clean epochs.
/// @throws std::invalid_argument if sites and rows differ, frequency and column counts differ,
///         there is no left or no right channel, or a range/band is outside the grid.
[[nodiscard]] SymmetryResult brain_symmetry(std::span<const double> frequencies_hz,
                                            Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
                                            std::span<const sites::ElectrodeSite> sites,
                                            const SymmetryParams& p = {});

}  // namespace eegtrack::features
