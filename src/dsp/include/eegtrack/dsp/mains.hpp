#pragma once

#include <span>

namespace eegtrack::dsp {

/// Parameters of the mains-frequency detector. Frequencies in Hz.
struct MainsDetectionParams {
  double search_half_width_hz = 1.0;  ///< the peak is the PSD maximum within f0 +- this
  double reference_inner_hz = 2.0;    ///< the reference band excludes |f - f0| < this ...
  double reference_outer_hz = 6.0;    ///< ... and includes |f - f0| <= this
  double min_prominence_db = 10.0;    ///< a peak must exceed the reference median by this
};

/// Result of detect_mains. frequency_hz is 50, 60, or 0 when neither peak is prominent enough.
struct MainsDetection {
  double frequency_hz = 0.0;      ///< detected mains frequency, 0 for none
  double prominence_db = 0.0;     ///< prominence of the detected peak (of the larger one if none)
  double prominence_50_db = 0.0;  ///< 10 log10(peak / reference median) around 50 Hz
  double prominence_60_db = 0.0;  ///< same around 60 Hz
};

/// Decides whether a power spectrum shows 50 Hz or 60 Hz mains interference. For each
/// candidate f0 the prominence is 10 log10(max PSD in [f0 - w, f0 + w] / median PSD over
/// reference_inner_hz <= |f - f0| <= reference_outer_hz). The candidate with the larger
/// prominence wins if it reaches min_prominence_db. A candidate whose bands are not covered by
/// the spectrum (Nyquist too low) gets prominence 0.
/// @param frequencies_hz increasing bin frequencies; @param psd PSD values (any unit), same size.
/// @throws std::invalid_argument if the sizes differ, the spectrum is empty, the frequencies are
/// not increasing, a PSD value is negative, or the parameters are inconsistent
/// (0 < search_half_width_hz < reference_inner_hz < reference_outer_hz < 10).
[[nodiscard]] MainsDetection detect_mains(std::span<const double> frequencies_hz,
                                          std::span<const double> psd,
                                          const MainsDetectionParams& params = {});

}  // namespace eegtrack::dsp
