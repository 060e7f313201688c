#pragma once
// An EEG page: ten seconds of traces as a reader sees them on a review station, with the
// detected event shaded, the recording's annotations marked, a µV scale bar and a time axis, so
// the reader can check a detection by eye. The samples come in as plain arrays (the pipeline
// reads and filters them); nothing here reads a file.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::report {

/// A note placed in time (an EDF+ annotation).
struct TimedNote {
  double onset_s = 0.0;
  double duration_s = 0.0;
  std::string text;
};

/// The traces of one page.
struct EegTraces {
  double start_s = 0.0;  ///< seconds from the recording start of the first sample
  double duration_s = 0.0;
  double sample_rate_hz = 0.0;
  std::string montage;  ///< "longitudinal bipolar (double banana)"
  std::string filters;  ///< "LFF 0.5 Hz, HFF 70 Hz, notch 50 and 60 Hz"
  std::vector<std::string> labels;
  std::vector<std::vector<double>> samples_uv;
  std::vector<TimedNote> annotations;
  std::vector<std::string> notes;  ///< montage fallback, gap
};

/// The µV between neighbouring trace baselines: the smallest of 10, 20, 30, 50, 70, 100, 150,
/// 200, 300, 500, 700, 1000, 1500, 2000, 3000 and 5000 µV that is at least 2.5 times the
/// typical amplitude (the median over channels of the 98th percentile of |x - median(x)|), so
/// ordinary activity stays in its lane and high-voltage activity is seen to be high.
[[nodiscard]] double trace_spacing_uv(const std::vector<std::vector<double>>& samples_uv);

/// Points of one trace for a plot `width_px` wide: every sample when there are at most two per
/// pixel column, else the minimum and the maximum of each column in the order they occur
/// (peaks survive the reduction). x in [0, width_px], y the sample value.
[[nodiscard]] std::vector<std::pair<double, double>> trace_points(const std::vector<double>& x,
                                                                  double width_px);

/// The page as an <svg> element: `events` are the recording's events (those overlapping the
/// page are drawn in a lane above the traces), `highlighted` the one the page is for.
[[nodiscard]] std::string eeg_page_figure(const EegTraces& traces,
                                          const std::vector<detect::Event>& events,
                                          std::size_t highlighted, std::string_view id);

}  // namespace eegtrack::report
