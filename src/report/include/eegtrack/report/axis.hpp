#pragma once
// Axes of a plot: a line along one edge of the plot area, outward ticks with their labels, an
// optional grid across the area, and a title that names the quantity with its unit. Tick labels
// that would overlap the one drawn before them are left out, so a dense axis stays legible.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/report/scale.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {

/// The rectangle of a figure that the data are drawn in.
struct PlotArea {
  double left = 0.0;
  double top = 0.0;
  double width = 0.0;
  double height = 0.0;
  [[nodiscard]] double right() const noexcept { return left + width; }
  [[nodiscard]] double bottom() const noexcept { return top + height; }
};

/// Maps a data value to a drawing coordinate (a LinearScale or LogScale).
using ToCoordinate = std::function<double(double)>;

/// "name (unit)", or the name alone when the unit is empty.
[[nodiscard]] std::string axis_title(std::string_view name, std::string_view unit);

/// Font size of tick labels and of axis titles, px.
inline constexpr double kTickFontPx = 11.0;
inline constexpr double kTitleFontPx = 12.0;

/// Axis along the bottom edge; its title is centred below the tick labels.
void bottom_axis(Svg& svg, const PlotArea& area, const ToCoordinate& x,
                 const std::vector<Tick>& ticks, std::string_view title, bool grid = false);

/// Axis along the left edge; its title reads upwards left of the tick labels.
void left_axis(Svg& svg, const PlotArea& area, const ToCoordinate& y,
               const std::vector<Tick>& ticks, std::string_view title, bool grid = true);

/// Axis along the right edge; its title reads downwards right of the tick labels.
void right_axis(Svg& svg, const PlotArea& area, const ToCoordinate& y,
                const std::vector<Tick>& ticks, std::string_view title);

/// Indices of the ticks whose labels can be drawn at `positions` (label centres, increasing or
/// decreasing) without two coming closer than `gap_px`: the first is always kept, each further
/// one only when it clears the last kept one. `extent` gives a label's extent along the axis.
[[nodiscard]] std::vector<std::size_t> legible_ticks(const std::vector<double>& positions,
                                                     const std::vector<double>& extents,
                                                     double gap_px);

}  // namespace eegtrack::report
