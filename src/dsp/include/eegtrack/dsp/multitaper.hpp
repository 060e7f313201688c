#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>

#include "eegtrack/dsp/psd.hpp"

namespace eegtrack::dsp {

/// How the tapered eigenspectra are combined.
enum class MultitaperWeighting {
  Eigenvalue,  ///< weights sqrt(lambda_k) (MNE adaptive=False)
  Adaptive     ///< Thomson's iterative weights (MNE adaptive=True); needs >= 3 tapers, falls
               ///< back to Eigenvalue with fewer, as MNE does
};

/// Scaling of the multitaper estimate, MNE's `normalization`.
enum class MultitaperNormalization {
  Full,   ///< divided by fs: a density in µV²/Hz, comparable with welch_psd
  Length  ///< MNE's default: not divided by fs (µV²/Hz × fs)
};

/// Multitaper parameters. time_bandwidth is NW (MNE's half_nbw): MNE's `bandwidth` argument in
/// Hz relates to it by bandwidth_hz = 2 NW fs / n (see multitaper_bandwidth_hz); MNE's default
/// bandwidth=None means NW = 4. int(2 NW) tapers are computed.
struct MultitaperParams {
  double time_bandwidth = 4.0;  ///< NW, >= 0.5, < n/2
  bool low_bias = true;  ///< keep only tapers with concentration > 0.9 (at least the best one)
  MultitaperWeighting weighting = MultitaperWeighting::Eigenvalue;        ///< combination
  MultitaperNormalization normalization = MultitaperNormalization::Full;  ///< scaling
  int max_iter = 150;  ///< adaptive iterations (MNE's max_iter)
};

/// Multitaper PSD (Thomson 1982, Proc. IEEE 70:1055; Percival & Walden 1993 ch. 7) matching
/// mne.time_frequency.psd_array_multitaper (MNE 1.3) with fmin=0, fmax=inf: the mean is removed,
/// periodic DPSS tapers of length n with NW, one-sided (2 × sum_k w_k² |X_k|² / sum_k w_k², DC
/// and even-n Nyquist not doubled), frequencies k fs / n, k = 0 .. n/2.
/// @throws std::invalid_argument ("multitaper_psd: ... (value)") for fewer than 2 samples,
///         fs <= 0, NW < 0.5 or NW >= n / 2, max_iter < 1, or non-finite samples.
[[nodiscard]] Psd multitaper_psd(std::span<const double> x, double sample_rate_hz,
                                 const MultitaperParams& p = {});

/// Multitaper PSD of every row (channel) of x (channels x samples), tapers computed once.
/// @throws std::invalid_argument as the one-channel overload, or for zero channels.
[[nodiscard]] PsdMatrix multitaper_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                                       const MultitaperParams& p = {});

/// MNE's `bandwidth` (Hz) for a time-bandwidth product NW on n samples: 2 NW fs / n.
/// Multitaper PSD of each channel in each consecutive, non-overlapping epoch of
/// round(epoch_s * fs) samples (a trailing partial epoch is dropped), the tapers computed once.
/// Each epoch equals multitaper_psd of that epoch alone.
/// @throws std::invalid_argument for zero channels, an epoch of < 2 samples or longer than the
///         recording, or the parameter errors of multitaper_psd.
[[nodiscard]] EpochPsd epoch_multitaper_psd(Eigen::Ref<const Eigen::MatrixXd> x,
                                            double sample_rate_hz, double epoch_s,
                                            const MultitaperParams& p = {});

[[nodiscard]] double multitaper_bandwidth_hz(double time_bandwidth, std::size_t n_samples,
                                             double sample_rate_hz);

}  // namespace eegtrack::dsp
