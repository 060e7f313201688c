#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "eegtrack/dsp/welch.hpp"

namespace eegtrack::dsp {

/// Spectrogram (compressed spectral array, CDSA) parameters: a Welch PSD (per `welch`) of each
/// window of round(window_s fs) samples, windows starting every round(step_s fs) samples.
/// With welch.segment_s == window_s each column is one modified periodogram, i.e.
/// scipy.signal.spectrogram(x, fs, window, nperseg, noverlap=nperseg-step, mode='psd').
struct SpectrogramParams {
  double window_s = 4.0;  ///< samples per column, >= one Welch segment
  double step_s = 4.0;    ///< hop between column starts (> 0; may exceed window_s)
  WelchParams welch{};    ///< estimate inside each window
};

/// One spectrogram column.
struct SpectrogramColumn {
  double start_s = 0.0;                ///< window start since construction or reset()
  std::vector<double> psd_uv2_per_hz;  ///< one-sided density, µV²/Hz
};

/// Streaming spectrogram of one channel: push chunks of any size (unaligned with the windows);
/// every window completed by a chunk yields one column, identical to the batch result.
/// Keeps at most one window of samples. reset() starts a new continuous segment (e.g. after an
/// EDF+D gap): pending samples are dropped and times restart at 0.
class StreamingSpectrogram {
 public:
  /// @throws std::invalid_argument ("StreamingSpectrogram: ... (value)") for fs <= 0,
  ///         window_s or step_s giving < 1 sample, or invalid Welch parameters for the window.
  StreamingSpectrogram(double sample_rate_hz, const SpectrogramParams& p);
  ~StreamingSpectrogram();
  StreamingSpectrogram(StreamingSpectrogram&&) noexcept;
  StreamingSpectrogram& operator=(StreamingSpectrogram&&) noexcept;

  /// Appends samples; returns the columns completed by them, oldest first.
  /// @throws std::invalid_argument if a completed window holds a non-finite sample.
  std::vector<SpectrogramColumn> push(std::span<const double> chunk);
  /// Forgets pending samples and restarts the time axis.
  void reset();
  /// Frequencies of every column (k fs / nfft).
  [[nodiscard]] const std::vector<double>& frequencies_hz() const;
  [[nodiscard]] std::size_t window_samples() const;
  [[nodiscard]] std::size_t step_samples() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Batch spectrogram of a whole signal.
struct Spectrogram {
  std::vector<double> frequencies_hz;  ///< k fs / nfft
  std::vector<double> times_s;         ///< window centres (start + window/2), as SciPy
  Eigen::MatrixXd psd_uv2_per_hz;      ///< frequencies x windows
};

/// All complete windows of x at once (same columns as StreamingSpectrogram).
/// @throws std::invalid_argument as StreamingSpectrogram, or if x is shorter than one window.
[[nodiscard]] Spectrogram spectrogram(std::span<const double> x, double sample_rate_hz,
                                      const SpectrogramParams& p = {});

}  // namespace eegtrack::dsp
