#pragma once
// Pieces shared by the report's line charts: series drawn as lines, steps or markers inside a
// plot area, shaded spans (artifact periods, episodes), legends, and the reduction of long
// per-epoch series to what a figure can show.

#include <string>
#include <utility>
#include <vector>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/colour_map.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {

/// One drawn series; NaN values are gaps.
struct Series {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;
  Rgb colour;
  bool step = false;     ///< hold each value until the next x (grades), else straight lines
  bool markers = false;  ///< a dot at every point
  bool line = true;      ///< false: markers only
  std::string dash;      ///< stroke-dasharray
  double width = 1.6;
};

/// Draws the series inside `area` (clipped to it: `clip_id` must name a clip_rect of the area).
void draw_series(Svg& svg, const PlotArea& area, const ToCoordinate& x, const ToCoordinate& y,
                 const Series& series, std::string_view clip_id);

/// Vertical bands over [from, to] data spans across the whole height of `area`.
void shade_spans(Svg& svg, const PlotArea& area, const ToCoordinate& x,
                 const std::vector<std::pair<double, double>>& spans, const Style& style,
                 std::string_view title = {});

/// Runs of consecutive epochs for which flags[i] is true, as [onset, onset + epoch_s] spans
/// (touching epochs merge).
[[nodiscard]] std::vector<std::pair<double, double>> flagged_spans(
    const std::vector<double>& onset_s, double epoch_s, const std::vector<bool>& flags);

struct LegendItem {
  std::string name;
  Rgb colour;
  std::string dash;
  bool box = false;  ///< a filled box (shaded spans) instead of a line
  double opacity = 1.0;
};

/// A legend laid out left to right from (x, y), wrapping at x + max_width; returns its height.
double draw_legend(Svg& svg, double x, double y, double max_width,
                   const std::vector<LegendItem>& items);

/// At most `max_points` points of (x, y): the series itself when it is short enough, else the
/// median of x and of the finite y in consecutive groups of equal size (NaN for a group
/// without a finite value), so that a day of 4-s epochs draws as a readable line.
[[nodiscard]] std::pair<std::vector<double>, std::vector<double>> reduce_series(
    const std::vector<double>& x, const std::vector<double>& y, std::size_t max_points);

}  // namespace eegtrack::report
