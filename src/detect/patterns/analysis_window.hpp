#pragma once

// Private: one analysis window of the pattern detector (discharges and RDA spectral frames).

#include <string>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/patterns/pattern_params.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::detect::detail {

/// What the detector needs to know about one analysed (scalp) channel.
struct PatternChannel {
  std::string label;
  std::string plus;  ///< electrode of the + input: where a pattern on this channel is focused
  sites::Side side = sites::Side::Midline;
  sites::Region region = sites::Region::Frontal;
};

/// One discharge on one hemisphere: the strongest candidate among that side's channels.
struct Discharge {
  double time_s = 0.0;           ///< true time of the peak
  double ratio = 0.0;            ///< |peak| / robust SD of the background, strongest channel
  int channel = 0;               ///< strongest channel (index into the analysed channels)
  double duration_s = 0.0;       ///< span above 30 % of the peak, strongest channel
  std::vector<double> snapshot;  ///< every channel at the peak, sign-normalised (strongest > 0)
  std::vector<double> waveform;  ///< strongest channel, true polarity, -0.3..+0.5 s, ~100 Hz
};

/// One RDA spectral frame (4 s, stepped by 1 s) over every channel.
struct RdaFrame {
  double centre_s = 0.0;
  bool rhythmic = false;
  double frequency_hz = 0.0;      ///< median peak of the rhythmic channels
  std::vector<double> amplitude;  ///< per channel, sqrt(power within +-0.5 Hz of frequency_hz)
  std::vector<char> channel_rhythmic;
};

/// Results of one window, restricted to its core (each time belongs to one window's core).
struct WindowResult {
  std::vector<Discharge> left;  ///< by time
  std::vector<Discharge> right;
  std::vector<RdaFrame> frames;  ///< by time
};

/// Window geometry, in samples counted from the segment start.
struct WindowSpan {
  double segment_start_s = 0.0;
  double sample_rate_hz = 0.0;
  std::size_t data_begin = 0;  ///< first sample of `data`
  std::size_t core_begin = 0;  ///< core [core_begin, core_end) lies inside the data
  std::size_t core_end = 0;
};

/// Analyses one window. data[c] holds channel c from span.data_begin on (all equal lengths).
[[nodiscard]] WindowResult analyse_window(const std::vector<std::vector<double>>& data,
                                          const WindowSpan& span,
                                          const std::vector<PatternChannel>& channels,
                                          const PatternParams& params);

/// Signals of one window after the detector's zero-phase filters, per channel.
struct FilteredWindow {
  std::vector<std::vector<double>> discharge_band;  ///< pd_band_low_hz..pd_band_high_hz
  std::vector<std::vector<double>> wide_band;       ///< 0.4-30 Hz (waveforms, spectra)
  std::vector<std::vector<double>> delta_band;      ///< 0.5-5 Hz (RDA cycle periods)
};

/// RDA frames whose centres (segment time k + 0.5 s) lie in the window's core.
[[nodiscard]] std::vector<RdaFrame> rda_frames(const FilteredWindow& signals,
                                               const WindowSpan& span, const PatternParams& params);

/// Fraction of consecutive period pairs whose change is below max_change (relative to the
/// first of the pair); 0 when there is no pair.
[[nodiscard]] double regular_pair_fraction(const std::vector<double>& periods, double max_change);

}  // namespace eegtrack::detect::detail
