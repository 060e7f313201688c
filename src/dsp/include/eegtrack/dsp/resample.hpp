#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace eegtrack::dsp {

/// Resamples x by the rational factor up / down with a polyphase FIR, equal (to rounding) to
/// scipy.signal.resample_poly(x, up, down, window=('kaiser', 5.0), padtype='constant'):
/// up/down are reduced by their gcd, the anti-aliasing filter is firwin(2 L + 1, 1 / max(up,
/// down)) with a Kaiser(beta = 5) window and L = 10 max(up, down), the signal is zero-padded at
/// both ends and the filter delay removed, giving ceil(n * up / down) samples.
/// Reference: P. P. Vaidyanathan, Multirate Systems and Filter Banks (1993), chapter 4.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x is empty or up < 1 or
/// down < 1.
[[nodiscard]] std::vector<double> resample_poly(std::span<const double> x, int up, int down);

/// Linear-phase low-pass FIR of num_taps (odd) taps with cutoff as a fraction of Nyquist,
/// windowed-sinc with a Kaiser window, scaled to unit DC gain: scipy.signal.firwin(num_taps,
/// cutoff, window=('kaiser', beta)).
/// Reference: J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window
/// function", Proc. IEEE ISCAS (1974).
/// @throws std::invalid_argument unless num_taps >= 1 and 0 < cutoff < 1 and beta >= 0.
[[nodiscard]] std::vector<double> firwin_kaiser_lowpass(std::size_t num_taps, double cutoff,
                                                        double beta);

/// Kaiser window of n points, symmetric (scipy.signal.windows.kaiser(n, beta, sym=True)).
/// @throws std::invalid_argument if n == 0 or beta < 0.
[[nodiscard]] std::vector<double> kaiser_window(std::size_t n, double beta);

/// Per-column extremes of a trace, so that a long recording can be drawn on a few pixels
/// without losing spikes (every sample's value lies within its column's [min, max]).
struct DisplayEnvelope {
  std::vector<double> min;                ///< smallest sample of each column
  std::vector<double> max;                ///< largest sample of each column
  std::vector<std::size_t> first_sample;  ///< index of each column's first sample
};

/// Min/max decimation of x to min(columns, x.size()) columns. Column c covers samples
/// [floor(c n / C), floor((c + 1) n / C)), so every sample is in exactly one column and the
/// columns differ in width by at most one sample.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if x is empty or columns ==
/// 0.
[[nodiscard]] DisplayEnvelope decimate_for_display(std::span<const double> x, std::size_t columns);

}  // namespace eegtrack::dsp
