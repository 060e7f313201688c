#pragma once
// A few seconds of EEG as a reader looks at them, for the EEG pages of the recording report
// (docs/report.md): read through the montaged reader, filtered for display, handed on as plain
// arrays (src/report draws them and never reads a file).

#include <string>
#include <vector>

#include "eegtrack/io/annotations.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/montage.hpp"

namespace eegtrack::pipeline {

/// How an EEG page is montaged and filtered, as on a review station.
struct EegDisplayParams {
  /// Longitudinal bipolar ("double banana"); a recording whose electrodes do not allow it is
  /// shown as recorded, with a note.
  io::MontageKind montage = io::MontageKind::LongitudinalBipolar;
  double high_pass_hz = 0.5;  ///< low-frequency filter (Butterworth, zero phase); 0: none
  double low_pass_hz = 70.0;  ///< high-frequency filter; lowered to 0.45 x the rate; 0: none
  int order = 2;              ///< of each Butterworth filter (applied forwards and backwards)
  /// Mains notches (IIR, Q = 30) at these frequencies when they lie below the Nyquist
  /// frequency; empty: none.
  std::vector<double> notch_hz = {50.0, 60.0};
  /// Read this much beyond each end of the window so the filters have settled inside it.
  double pad_s = 2.0;
};

/// The samples of one EEG page.
struct EegWindow {
  double start_s = 0.0;  ///< true time of the first sample, seconds from the recording start
  double duration_s = 0.0;
  double sample_rate_hz = 0.0;
  std::string montage;              ///< words for the page: "longitudinal bipolar", "as recorded"
  std::vector<std::string> labels;  ///< one per trace, top to bottom
  std::vector<std::vector<double>> samples_uv;  ///< one per trace, filtered, µV
  /// EDF+ annotations that overlap the window (onsets from the recording start).
  std::vector<io::Annotation> annotations;
  std::vector<std::string> notes;  ///< montage fallback, a recording gap cutting the window
  EegDisplayParams params;         ///< the filters actually applied
};

/// The montaged, filtered samples of [start_s, start_s + duration_s), moved inside the
/// recording when the window runs over one of its ends and cut at an EDF+D gap.
/// @throws io::UsageError for duration_s <= 0 or a recording shorter than one second;
///         io::EdfError from reading.
[[nodiscard]] EegWindow read_eeg_window(const io::EdfReader& reader, double start_s,
                                        double duration_s, const EegDisplayParams& params = {});

}  // namespace eegtrack::pipeline
