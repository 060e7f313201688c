#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace eegtrack::dsp {

/// Line length sum_{n>=1} |x[n] - x[n-1]| (units of x). Reference: R. Esteller et al., "Line
/// length: an efficient feature for seizure onset detection", IEEE EMBS (2001).
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x has fewer than 2
/// samples.
[[nodiscard]] double line_length(std::span<const double> x);

/// Line length of consecutive windows of `window` samples starting every `step` samples
/// (windows fully inside x only; window w starts at w * step). Each window's value is the sum of
/// its window - 1 absolute differences.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if window < 2, step < 1 or
/// x.size() < window.
[[nodiscard]] std::vector<double> line_length_windows(std::span<const double> x, std::size_t window,
                                                      std::size_t step);

/// Teager-Kaiser energy operator psi[n] = x[n]^2 - x[n-1] x[n+1] for n = 1 .. N-2; element i of
/// the result belongs to sample i + 1 (size N - 2). For A sin(w n + phi) it equals
/// A^2 sin^2(w) exactly. Reference: J. F. Kaiser, "On a simple algorithm to calculate the
/// 'energy' of a signal", Proc. IEEE ICASSP (1990) 381-384.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x has fewer than 3
/// samples.
[[nodiscard]] std::vector<double> teager_kaiser_energy(std::span<const double> x);

/// Moving statistics over a sliding window of `window` samples, 'valid' edge handling: element
/// i summarises x[i .. i + window - 1], so the result has x.size() - window + 1 elements and no
/// edge values are invented (to centre an odd window, element i belongs to sample
/// i + window / 2).
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if window < 1 or x.size() <
/// window.
[[nodiscard]] std::vector<double> moving_mean(std::span<const double> x, std::size_t window);

/// Root mean square per window (valid edges, see moving_mean).
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or as moving_mean.
[[nodiscard]] std::vector<double> moving_rms(std::span<const double> x, std::size_t window);

/// Population standard deviation (divisor window, numpy ddof=0) per window, with a sliding
/// Welford update (B. P. Welford, Technometrics 4 (1962) 419-420), valid edges.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or as moving_mean.
[[nodiscard]] std::vector<double> moving_std(std::span<const double> x, std::size_t window);

/// Median per window (mean of the two middle values for an even window), valid edges.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or as moving_mean.
[[nodiscard]] std::vector<double> moving_median(std::span<const double> x, std::size_t window);

}  // namespace eegtrack::dsp
