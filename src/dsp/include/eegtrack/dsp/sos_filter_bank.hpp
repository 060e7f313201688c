#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp {

/// One causal SOS cascade for several channels, each with its own state, streaming like one
/// SosFilter per channel and with the same results, bit for bit: the channels of an instant are
/// filtered side by side in vector registers instead of one channel after the other, whose
/// recursion waits on its own previous sample.
class SosFilterBank {
 public:
  /// A bank of no channels, to be assigned a real one.
  SosFilterBank() = default;

  /// @throws std::invalid_argument if sos is empty or a section has a0 == 0.
  SosFilterBank(Sos sos, std::size_t channels);

  /// Filters n samples of every channel in place (channels[c][0..n)) and advances the states.
  /// @throws std::invalid_argument on a non-finite sample (NaN/Inf), naming the channel and the
  /// sample, or if the number of channels differs from the bank's.
  void process(std::span<double* const> channels, std::size_t n);

  /// Sets channel c's state to sosfilt_zi(sos) * x0: the steady state for a constant input x0.
  void reset_to_steady_state(std::size_t channel, double x0);

  [[nodiscard]] std::size_t channels() const { return width_; }

 private:
  Sos sos_;
  std::size_t width_ = 0;
  std::size_t stride_ = 0;  ///< width_ rounded up to whole vector registers
  std::vector<double> z0_;  ///< z0_[s * stride_ + c]; padded channels stay zero
  std::vector<double> z1_;
  std::vector<double> rows_;  ///< the block, time-major, reused between calls
};

}  // namespace eegtrack::dsp
