#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "eegtrack/dsp/welch.hpp"
#include "eegtrack/pipeline/montaged_reader.hpp"

namespace eegtrack::pipeline {

/// Spectral estimator for the average spectrum.
enum class PsdMethod { Welch, Multitaper };

/// Parses "welch" or "multitaper". @throws std::invalid_argument naming the value.
[[nodiscard]] PsdMethod parse_psd_method(const std::string& text);
[[nodiscard]] const char* to_string(PsdMethod method) noexcept;

/// Parameters of the average spectrum. Segments of welch.segment_s seconds start every
/// segment_s * (1 - overlap) seconds inside each contiguous stretch of data and never cross an
/// EDF+D gap or the window edges. Welch: each segment is detrended, windowed and its
/// periodogram taken (welch.window, welch.detrend). Multitaper: each segment's DPSS multitaper
/// PSD with time-half-bandwidth nw (MNE's psd_array_multitaper per segment).
struct AveragePsdParams {
  PsdMethod method = PsdMethod::Welch;
  dsp::WelchParams welch;  ///< average is always Mean (a streaming median would hold every segment)
  double nw = 4.0;
  bool adaptive = false;  ///< multitaper: adaptive weights (else eigenvalue weights)
};

/// Checks each parameter on its own, before any reading.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const AveragePsdParams& params);

/// The mean spectrum of every derived channel over all segments of the window.
struct AveragePsd {
  std::vector<double> frequencies_hz;
  std::vector<std::vector<double>> psd_uv2_per_hz;  ///< one per channel
  std::size_t n_segments = 0;                       ///< segments averaged (same for all channels)
  double data_s = 0.0;                              ///< seconds of data read (gaps excluded)
};

/// Streams the reader's chunks and averages the segment spectra. On one contiguous stretch the
/// Welch result equals scipy.signal.welch(x, fs, nperseg, noverlap, average='mean') exactly:
/// the segments are the same, chunk boundaries are bridged by carrying the unused tail.
/// @throws std::invalid_argument if no stretch is long enough for one segment.
[[nodiscard]] AveragePsd average_psd(MontagedReader& chunks, const AveragePsdParams& params);

}  // namespace eegtrack::pipeline
