#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>

#include "eegtrack/dsp/detrend.hpp"
#include "eegtrack/dsp/psd.hpp"
#include "eegtrack/dsp/windows.hpp"

namespace eegtrack::dsp {

/// How the periodograms of the segments are combined.
enum class Average {
  Mean,   ///< arithmetic mean (classic Welch)
  Median  ///< median divided by SciPy's bias factor for an exponential variable (_median_bias)
};

/// Welch parameters. Samples per segment: round(segment_s * fs); overlapping samples:
/// floor(overlap * segment samples) (0.5 gives SciPy's default nperseg // 2).
struct WelchParams {
  double segment_s = 2.0;                ///< segment length in seconds
  double overlap = 0.5;                  ///< fraction of a segment shared with the next, [0, 1)
  WindowKind window = WindowKind::Hann;  ///< periodic window (SciPy fftbins=True)
  Detrend detrend = Detrend::Constant;   ///< applied per segment, before windowing
  Average average = Average::Mean;       ///< combination of the segment periodograms
  std::size_t nfft = 0;                  ///< FFT length; 0 = segment length; larger zero-pads
};

/// Welch's averaged modified periodogram (Welch 1967, IEEE Trans. Audio Electroacoust. 15:70),
/// matching scipy.signal.welch(x, fs, window, nperseg, noverlap, nfft, detrend,
/// scaling='density', average). Segments start at i * (nperseg - noverlap) and only complete
/// segments are used. Density scaling: |FFT(w x)|² / (fs * sum(w²)), doubled for every bin but
/// DC and (for even nfft) Nyquist, so the PSD integrates to the variance.
/// @throws std::invalid_argument (message "welch_psd: ... (value)") for an empty signal, fs <= 0,
///         segment_s giving < 1 sample or more samples than the signal, overlap outside [0, 1)
///         or nfft < segment samples, or non-finite samples.
[[nodiscard]] Psd welch_psd(std::span<const double> x, double sample_rate_hz,
                            const WelchParams& p = {});

/// Welch PSD of every row (channel) of x (channels x samples).
/// @throws std::invalid_argument as the one-channel overload, or for zero channels.
[[nodiscard]] PsdMatrix welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                                  const WelchParams& p = {});

/// The same for channels held as contiguous rows (one span each, all of one length): each is
/// read in place, where a row of a column-major matrix is first gathered from its stride.
/// @throws std::invalid_argument as the matrix overload, and for channels of unequal length.
[[nodiscard]] PsdMatrix welch_psd(std::span<const std::span<const double>> channels,
                                  double sample_rate_hz, const WelchParams& p = {});

/// Welch PSD of each channel in each consecutive, non-overlapping epoch of round(epoch_s * fs)
/// samples (a trailing partial epoch is dropped). Each epoch is treated as its own signal, as
/// mne.Epochs.compute_psd(method='welch') and scipy.signal.welch over an epochs array do.
/// Single-threaded, with the window, FFT plan and buffers reused across all segments.
/// @throws std::invalid_argument as welch_psd, if the recording holds no complete epoch, or
///         epoch_s is shorter than one segment.
[[nodiscard]] EpochPsd epoch_welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                                       double epoch_s, const WelchParams& p = {});

/// As above, writing into out and reusing its storage: a pipeline that streams a long recording
/// chunk by chunk computes every chunk into the same buffers (no allocation, no page faults).
void epoch_welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz, double epoch_s,
                     const WelchParams& p, EpochPsd& out);

/// Number of segments Welch uses on n samples: (n - nperseg) / (nperseg - noverlap) + 1.
/// @throws std::invalid_argument as welch_psd.
[[nodiscard]] std::size_t welch_segment_count(std::size_t n_samples, double sample_rate_hz,
                                              const WelchParams& p = {});

}  // namespace eegtrack::dsp
