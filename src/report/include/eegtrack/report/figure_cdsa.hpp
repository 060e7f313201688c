#pragma once
// The colour density spectral array (CDSA): time on x, frequency on y, colour = power on a
// log scale (viridis, dark = low, yellow = high), one panel per scalp region, with the epochs
// that did not count as clean shaded and marked in a strip below. Every panel shares one colour
// scale, so regions can be compared by colour.

#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/findings/recording_trends.hpp"
#include "eegtrack/report/png_image.hpp"

namespace eegtrack::report {

/// Colour limits in log10(µV²/Hz).
struct ColourLimits {
  double low = 0.0;
  double high = 1.0;
};

/// The 2nd and 98th percentiles of log10 power over every map's finite values up to max_hz
/// (so a few extreme cells do not wash the rest out); {0, 1} when there is none.
[[nodiscard]] ColourLimits cdsa_colour_limits(const findings::RecordingTrends& trends,
                                              double max_hz);

/// A map as an image: one column per spectrogram window (groups of windows averaged when there
/// are more than max_columns), one row per frequency bin from the first bin above 0 Hz up to
/// max_hz, the highest frequency at the top; missing cells in kMissingColour.
[[nodiscard]] RgbImage cdsa_image(const findings::RecordingTrends& trends,
                                  const findings::SpectrogramMap& map, double max_hz,
                                  ColourLimits limits, std::size_t max_columns = 1200);

/// The CDSA figure of a recording lasting duration_s: a panel per region (all channels when no
/// region was recorded), a strip of the artifact epochs, the time axis and the colour bar.
/// Empty when the trends hold no spectrogram.
[[nodiscard]] std::string cdsa_figure(const findings::RecordingTrends& trends, double duration_s,
                                      std::string_view id, double max_hz = 30.0);

/// The colour limits that cover several recordings' maps (the lowest low and the highest high
/// of their cdsa_colour_limits), so their thumbnails share one scale; {0, 1} for none.
[[nodiscard]] ColourLimits shared_colour_limits(
    const std::vector<const findings::RecordingTrends*>& trends, double max_hz = 30.0);

/// A small CDSA of all channels without axes (a thumbnail for the follow-up's table) on the
/// given colour scale; empty when there is no spectrogram.
[[nodiscard]] std::string cdsa_thumbnail(const findings::RecordingTrends& trends, double duration_s,
                                         double width, double height, std::string_view label,
                                         ColourLimits limits, double max_hz = 30.0);

}  // namespace eegtrack::report
