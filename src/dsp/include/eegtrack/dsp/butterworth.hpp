#pragma once

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp {

/// Response type of a frequency-selective filter.
enum class FilterType { LowPass, HighPass, BandPass, BandStop };

/// Butterworth design parameters. LowPass and HighPass use cutoff_hz; BandPass and BandStop use
/// low_hz < high_hz. Every edge must lie strictly inside (0, sample_rate_hz / 2).
struct ButterworthParams {
  int order = 4;                          ///< prototype order N >= 1 (band filters get 2N poles)
  FilterType type = FilterType::LowPass;  ///< response type
  double cutoff_hz = 0.0;                 ///< -3 dB edge for LowPass / HighPass
  double low_hz = 0.0;                    ///< lower -3 dB edge for BandPass / BandStop
  double high_hz = 0.0;                   ///< upper -3 dB edge for BandPass / BandStop
  double sample_rate_hz = 0.0;            ///< sampling rate, > 0
};

/// Digital Butterworth filter as second-order sections, equal (to rounding) to
/// `scipy.signal.butter(N, Wn, btype, fs=fs, output='sos')`: analog prototype (buttap), the
/// lp2lp/lp2hp/lp2bp/lp2bs frequency transformation at prewarped edges 2 fs tan(pi f / fs),
/// the bilinear transform and zpk2sos with 'nearest' pairing.
/// Reference: S. Butterworth, "On the theory of filter amplifiers", Wireless Engineer 7 (1930);
/// A. V. Oppenheim & R. W. Schafer, Discrete-Time Signal Processing, 3rd ed., section 7.2.
/// @throws std::invalid_argument for order < 1, sample_rate_hz <= 0, an edge outside
/// (0, Nyquist) or low_hz >= high_hz.
[[nodiscard]] Sos butterworth(const ButterworthParams& params);

/// The digital zeros, poles and gain of the same design (scipy `output='zpk'`).
/// @throws std::invalid_argument as butterworth().
[[nodiscard]] Zpk butterworth_zpk(const ButterworthParams& params);

}  // namespace eegtrack::dsp
