#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace eegtrack::dsp {

/// Tapering windows of the generalised-cosine family (plus the rectangular one).
enum class WindowKind { Hann, Hamming, Blackman, Boxcar };

/// Window of n samples, as scipy.signal.get_window.
///
/// Symmetric (periodic = false): w[i] = sum_k (-1)^k a_k cos(2 pi k i / (n - 1)), for filter
/// design. Periodic (periodic = true, SciPy's fftbins=True): the first n samples of the symmetric
/// window of length n + 1, which is what spectral analysis uses (Harris 1978, Proc. IEEE 66:51).
/// Coefficients: Hann {0.5, 0.5}, Hamming {0.54, 0.46}, Blackman {0.42, 0.5, 0.08}, boxcar 1.
/// n = 1 gives {1}.
/// @throws std::invalid_argument if n == 0.
[[nodiscard]] std::vector<double> make_window(WindowKind kind, std::size_t n, bool periodic);

/// Parses "hann", "hamming", "blackman" or "boxcar" (also "hanning", "rectangular"; case-sensitive
/// lower case, like SciPy's names).
/// @throws std::invalid_argument naming the text if it is none of these.
[[nodiscard]] WindowKind parse_window_kind(std::string_view text);

/// The SciPy name of a window kind ("hann", ...).
[[nodiscard]] std::string_view to_string(WindowKind kind);

}  // namespace eegtrack::dsp
