#include "eegtrack/report/axis.hpp"

#include <cmath>

namespace eegtrack::report {
namespace {

constexpr double kTickLength = 5.0;
constexpr double kLabelGap = 6.0;

const Style kAxisLine{"axis", "", "", -1.0, "", -1.0};
const Style kGridLine{"grid", "", "", -1.0, "", -1.0};

bool inside(double v, double a, double b) {
  const double lo = std::min(a, b), hi = std::max(a, b);
  return v >= lo - 0.5 && v <= hi + 0.5;
}

// The ticks of a vertical axis that fall inside the plot: their y positions, which tick each
// is, and which of them have room for a label.
struct VerticalTicks {
  std::vector<double> positions;
  std::vector<std::size_t> index;
  std::vector<std::size_t> labelled;
};

VerticalTicks vertical_ticks(const PlotArea& area, const ToCoordinate& y,
                             const std::vector<Tick>& ticks) {
  VerticalTicks out;
  std::vector<double> extents;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    const double py = y(ticks[i].value);
    if (!inside(py, area.top, area.bottom()))
      continue;
    out.positions.push_back(py);
    extents.push_back(kTickFontPx);
    out.index.push_back(i);
  }
  out.labelled = legible_ticks(out.positions, extents, 2.0);
  return out;
}

}  // namespace

std::string axis_title(std::string_view name, std::string_view unit) {
  return unit.empty() ? std::string(name) : std::string(name) + " (" + std::string(unit) + ")";
}

std::vector<std::size_t> legible_ticks(const std::vector<double>& positions,
                                       const std::vector<double>& extents, double gap_px) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (!kept.empty()) {
      const std::size_t k = kept.back();
      const double distance = std::abs(positions[i] - positions[k]);
      if (distance < 0.5 * (extents[i] + extents[k]) + gap_px)
        continue;
    }
    kept.push_back(i);
  }
  return kept;
}

void bottom_axis(Svg& svg, const PlotArea& area, const ToCoordinate& x,
                 const std::vector<Tick>& ticks, std::string_view title, bool grid) {
  const double y = area.bottom();
  svg.line(area.left, y, area.right(), y, kAxisLine);
  std::vector<double> positions, extents;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    const double px = x(ticks[i].value);
    if (!inside(px, area.left, area.right()))
      continue;
    positions.push_back(px);
    extents.push_back(text_width(ticks[i].label, kTickFontPx));
    index.push_back(i);
  }
  const auto kept = legible_ticks(positions, extents, 6.0);
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (grid)
      svg.line(positions[k], area.top, positions[k], area.bottom(), kGridLine);
    svg.line(positions[k], y, positions[k], y + kTickLength, kAxisLine);
  }
  for (const auto k : kept)
    svg.text(positions[k], y + kTickLength + kTickFontPx + 1.0, ticks[index[k]].label,
             {Anchor::Middle, "tick"});
  if (!title.empty())
    svg.text(area.left + area.width / 2.0, y + kTickLength + kTickFontPx + kTitleFontPx + 8.0,
             title, {Anchor::Middle, "axis-title"});
}

void left_axis(Svg& svg, const PlotArea& area, const ToCoordinate& y,
               const std::vector<Tick>& ticks, std::string_view title, bool grid) {
  const double x = area.left;
  svg.line(x, area.top, x, area.bottom(), kAxisLine);
  const auto [positions, index, kept] = vertical_ticks(area, y, ticks);
  double widest = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (grid)
      svg.line(area.left, positions[k], area.right(), positions[k], kGridLine);
    svg.line(x - kTickLength, positions[k], x, positions[k], kAxisLine);
  }
  for (const auto k : kept) {
    TextStyle style{Anchor::End, "tick"};
    style.middle_baseline = true;
    svg.text(x - kTickLength - 3.0, positions[k], ticks[index[k]].label, style);
    widest = std::max(widest, text_width(ticks[index[k]].label, kTickFontPx));
  }
  if (!title.empty()) {
    TextStyle style{Anchor::Middle, "axis-title", -90.0};
    svg.text(x - kTickLength - kLabelGap - widest - 6.0, area.top + area.height / 2.0, title,
             style);
  }
}

void right_axis(Svg& svg, const PlotArea& area, const ToCoordinate& y,
                const std::vector<Tick>& ticks, std::string_view title) {
  const double x = area.right();
  svg.line(x, area.top, x, area.bottom(), kAxisLine);
  const auto [positions, index, kept] = vertical_ticks(area, y, ticks);
  double widest = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k)
    svg.line(x, positions[k], x + kTickLength, positions[k], kAxisLine);
  for (const auto k : kept) {
    TextStyle style{Anchor::Start, "tick"};
    style.middle_baseline = true;
    svg.text(x + kTickLength + 3.0, positions[k], ticks[index[k]].label, style);
    widest = std::max(widest, text_width(ticks[index[k]].label, kTickFontPx));
  }
  if (!title.empty()) {
    TextStyle style{Anchor::Middle, "axis-title", 90.0};
    svg.text(x + kTickLength + kLabelGap + widest + 6.0, area.top + area.height / 2.0, title,
             style);
  }
}

}  // namespace eegtrack::report
