#include "eegtrack/dsp/sos_filter_bank.hpp"

#include <stdexcept>
#include <string>

#include "channel_transpose.hpp"
#include "eegtrack/dsp/sos_filter.hpp"
#include "finite_check.hpp"
#include "sos_rows.hpp"

namespace eegtrack::dsp {

SosFilterBank::SosFilterBank(Sos sos, std::size_t channels)
    : sos_(SosFilter(std::move(sos)).sos()),  // normalised (a0 == 1) and checked as SosFilter
      width_(channels),
      stride_(detail::padded_width(channels)),
      z0_(sos_.sections.size() * stride_, 0.0),
      z1_(sos_.sections.size() * stride_, 0.0) {}

void SosFilterBank::process(std::span<double* const> channels, std::size_t n) {
  if (channels.size() != width_)
    throw std::invalid_argument("SosFilterBank::process: " + std::to_string(channels.size()) +
                                " channels for a bank of " + std::to_string(width_));
  for (std::size_t c = 0; c < width_; ++c) {
    const std::span<const double> x(channels[c], n);
    if (!all_finite(x))
      detail::require_finite(("SosFilterBank::process: channel " + std::to_string(c)).c_str(), x);
  }
  // Padded channels are zero in every row and keep zero states.
  rows_.resize(n * stride_);
  const auto from = detail::with_zero_channels({channels.begin(), channels.end()}, n, stride_);
  detail::to_time_major(from, n, rows_.data(), stride_);
  detail::run_rows(sos_, z0_.data(), z1_.data(), rows_.data(), n, stride_, false);
  detail::from_time_major(rows_.data(), stride_, n, channels);
}

void SosFilterBank::reset_to_steady_state(std::size_t channel, double x0) {
  if (channel >= width_)
    throw std::invalid_argument("SosFilterBank::reset_to_steady_state: channel " +
                                std::to_string(channel) + " of " + std::to_string(width_));
  const auto zi = sosfilt_zi(sos_);
  for (std::size_t s = 0; s < zi.size(); ++s) {
    z0_[s * stride_ + channel] = zi[s][0] * x0;
    z1_[s * stride_ + channel] = zi[s][1] * x0;
  }
}

}  // namespace eegtrack::dsp
