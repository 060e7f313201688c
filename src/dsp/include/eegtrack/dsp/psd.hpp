#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>
#include <vector>

namespace eegtrack::dsp {

/// One-sided power spectral density of one channel.
struct Psd {
  std::vector<double> frequencies_hz;  ///< k * fs / nfft, k = 0 .. nfft/2
  std::vector<double> psd_uv2_per_hz;  ///< density, same size (µV²/Hz for input in µV)
};

/// One-sided PSDs of several channels on one frequency grid.
struct PsdMatrix {
  std::vector<double> frequencies_hz;  ///< k * fs / nfft, k = 0 .. nfft/2
  Eigen::MatrixXd psd_uv2_per_hz;      ///< channels x frequencies, µV²/Hz
};

/// One-sided PSDs of consecutive epochs of several channels, stored flat
/// [epoch][channel][frequency] so a whole recording is one allocation.
struct EpochPsd {
  std::vector<double> frequencies_hz;  ///< k * fs / nfft, k = 0 .. nfft/2
  std::size_t n_epochs = 0;            ///< complete epochs (a trailing partial epoch is dropped)
  std::size_t n_channels = 0;          ///< rows of the input
  std::vector<double> psd_uv2_per_hz;  ///< n_epochs * n_channels * frequencies_hz.size(), µV²/Hz

  /// The PSD of one channel in one epoch (no bounds check beyond the debug assertions of span).
  [[nodiscard]] std::span<const double> at(std::size_t epoch, std::size_t channel) const {
    const std::size_t nf = frequencies_hz.size();
    return {psd_uv2_per_hz.data() + (epoch * n_channels + channel) * nf, nf};
  }
};

}  // namespace eegtrack::dsp
