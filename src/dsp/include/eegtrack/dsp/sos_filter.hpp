#pragma once

#include <array>
#include <span>
#include <vector>

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp {

/// Causal streaming IIR filter (direct form II transposed per section, like scipy.signal.sosfilt).
/// The state carries across process() calls, so filtering a signal in chunks gives exactly the
/// output of filtering it in one call.
class SosFilter {
 public:
  /// @throws std::invalid_argument if sos is empty or a section has a0 == 0.
  explicit SosFilter(Sos sos);

  /// Filters in into out (same size; may alias for in-place filtering) and advances the state.
  /// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if the sizes differ.
  void process(std::span<const double> in, std::span<double> out);

  /// Sets the state to zero (filter at rest), as after construction.
  void reset();

  /// Sets the state to sosfilt_zi(sos) * x0: the steady state for a constant input x0.
  void reset_to_steady_state(double x0);

  /// The sections (normalised so that a0 == 1).
  [[nodiscard]] const Sos& sos() const { return sos_; }

 private:
  Sos sos_;
  std::vector<std::array<double, 2>> state_;
};

/// One-shot causal filtering from rest: scipy.signal.sosfilt(sos, x).
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if sos is empty.
[[nodiscard]] std::vector<double> sosfilt(const Sos& sos, std::span<const double> x);

/// Zero-phase filtering as scipy.signal.sosfiltfilt(sos, x, padtype='odd', padlen=None):
/// odd extension by padlen = 3 * (2 * n_sections + 1 - min(#(b2 == 0), #(a2 == 0))) samples at
/// each end, forward pass from sosfilt_zi * first sample, backward pass from sosfilt_zi * last
/// forward output, then the padding is cut. The magnitude response is |H|^2, the phase zero.
/// Reference: F. Gustafsson, "Determining the initial states in forward-backward filtering",
/// IEEE Trans. Signal Processing 44 (1996) 988-992.
/// @throws std::invalid_argument on a non-finite sample (NaN/Inf), or if sos is empty or x.size()
/// <= padlen.
[[nodiscard]] std::vector<double> sosfiltfilt(const Sos& sos, std::span<const double> x);

/// sosfiltfilt of each of several channels of equal length, with the same result, bit for bit:
/// the channels are filtered side by side, which is several times faster than one after the
/// other (each channel's recursion waits on its own previous sample; different channels don't).
/// @throws std::invalid_argument as sosfiltfilt, or if the channels differ in length.
[[nodiscard]] std::vector<std::vector<double>> sosfiltfilt_channels(
    const Sos& sos, std::span<const std::span<const double>> channels);

/// The default sosfiltfilt padding length for sos (see sosfiltfilt).
[[nodiscard]] std::size_t sosfiltfilt_padlen(const Sos& sos);

}  // namespace eegtrack::dsp
