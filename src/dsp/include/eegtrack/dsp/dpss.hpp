#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <vector>

namespace eegtrack::dsp {

/// Discrete prolate spheroidal (Slepian) sequences and their spectral concentrations.
struct Dpss {
  Eigen::MatrixXd tapers;                    ///< k_max x n, taper k in row k (order 0 first)
  std::vector<double> concentration_ratios;  ///< fraction of energy inside [-W, W], W = NW/M
};

/// The k_max most concentrated DPSS of length n for time-half-bandwidth product nw, as
/// scipy.signal.windows.dpss(n, nw, k_max, sym=not periodic, return_ratios=True) (norm=2).
///
/// Method (Slepian 1978, Bell Syst. Tech. J. 57:1371; Percival & Walden 1993, ch. 8): the tapers
/// are the eigenvectors of the symmetric tridiagonal matrix with diagonal
/// ((M-1-2t)/2)² cos(2πW) and off-diagonal t(M-t)/2. As in SciPy (LAPACK dstebz + dstein), the
/// k_max largest eigenvalues come from Sturm-sequence bisection and the eigenvectors from inverse
/// iteration with a pivoted tridiagonal LU: O(M k_max) in all, so long tapers are cheap.
/// Each taper has unit L2 norm over M samples. Signs as SciPy (Percival & Walden p. 379): even
/// tapers have a positive sum, odd tapers start with a positive lobe (first sample with
/// w² > max(1e-7, 1/M)). Ratios use the autocorrelation identity (Percival & Walden p. 390).
/// periodic: computed for M = n + 1 and truncated to n (then the norm is slightly below 1), the
/// form MNE uses for spectra.
/// @throws std::invalid_argument if n < 2, k_max == 0 or k_max > n, nw <= 0 or nw >= n / 2.
[[nodiscard]] Dpss dpss(std::size_t n, double nw, std::size_t k_max, bool periodic = false);

}  // namespace eegtrack::dsp
