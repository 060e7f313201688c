#include "eegtrack/report/chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The median of one group of points (NaN for none), as dsp defines it everywhere.
double median_of(const std::vector<double>& v) {
  return v.empty() ? kNaN : dsp::median(v);
}

}  // namespace

void draw_series(Svg& svg, const PlotArea& area, const ToCoordinate& x, const ToCoordinate& y,
                 const Series& s, std::string_view clip_id) {
  const std::string colour = hex(s.colour);
  svg.open_group("series", clip_id);
  if (s.line) {
    std::vector<Point> points;
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      const bool ok = std::isfinite(s.x[i]) && std::isfinite(s.y[i]);
      const Point p{ok ? x(s.x[i]) : kNaN, ok ? y(s.y[i]) : kNaN};
      if (s.step && ok && !points.empty() && std::isfinite(points.back().y))
        points.push_back({p.x, points.back().y});
      points.push_back(p);
    }
    if (s.step && !points.empty() && std::isfinite(points.back().y))
      points.push_back({area.right(), points.back().y});  // the last value holds to the end
    Style style{"", colour, "", s.width, s.dash, -1.0};
    svg.polyline(points, style);
  }
  if (s.markers || !s.line) {
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
      if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
        svg.circle(x(s.x[i]), y(s.y[i]), 3.2, {"", "#ffffff", colour, 1.0, "", -1.0});
  }
  svg.close_group();
  (void)area;
}

void shade_spans(Svg& svg, const PlotArea& area, const ToCoordinate& x,
                 const std::vector<std::pair<double, double>>& spans, const Style& style,
                 std::string_view title) {
  for (const auto& [from, to] : spans) {
    const double x0 = std::clamp(x(from), area.left, area.right());
    const double x1 = std::clamp(x(to), area.left, area.right());
    if (x1 - x0 <= 0.0)
      continue;
    svg.rect(x0, area.top, std::max(1.0, x1 - x0), area.height, style, title);
  }
}

std::vector<std::pair<double, double>> flagged_spans(const std::vector<double>& onset_s,
                                                     double epoch_s,
                                                     const std::vector<bool>& flags) {
  std::vector<std::pair<double, double>> out;
  for (std::size_t i = 0; i < onset_s.size() && i < flags.size(); ++i) {
    if (!flags[i])
      continue;
    const double from = onset_s[i], to = onset_s[i] + epoch_s;
    if (!out.empty() && from <= out.back().second + 1e-6)
      out.back().second = to;
    else
      out.emplace_back(from, to);
  }
  return out;
}

double draw_legend(Svg& svg, double x, double y, double max_width,
                   const std::vector<LegendItem>& items) {
  constexpr double kRow = 16.0, kSwatch = 18.0, kFont = 11.0, kGap = 16.0;
  double cx = x, cy = y;
  for (const auto& item : items) {
    const double w = kSwatch + 5.0 + text_width(item.name, kFont) + kGap;
    if (cx > x && cx + w > x + max_width) {
      cx = x;
      cy += kRow;
    }
    const std::string colour = hex(item.colour);
    if (item.box)
      svg.rect(cx, cy - 5.0, kSwatch, 10.0, {"", "", colour, -1.0, "", item.opacity});
    else
      svg.line(cx, cy, cx + kSwatch, cy, {"", colour, "", 2.0, item.dash, -1.0});
    TextStyle style{Anchor::Start, "legend"};
    style.middle_baseline = true;
    svg.text(cx + kSwatch + 5.0, cy, item.name, style);
    cx += w;
  }
  return cy - y + kRow;
}

std::pair<std::vector<double>, std::vector<double>> reduce_series(const std::vector<double>& x,
                                                                  const std::vector<double>& y,
                                                                  std::size_t max_points) {
  const std::size_t n = std::min(x.size(), y.size());
  if (n <= max_points || max_points == 0)
    return {std::vector<double>(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n)),
            std::vector<double>(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n))};
  const std::size_t group = (n + max_points - 1) / max_points;
  std::vector<double> rx, ry, gx, gy;
  for (std::size_t i = 0; i < n; i += group) {
    gx.clear();
    gy.clear();
    for (std::size_t k = i; k < std::min(n, i + group); ++k) {
      gx.push_back(x[k]);
      if (std::isfinite(y[k]))
        gy.push_back(y[k]);
    }
    rx.push_back(median_of(gx));
    ry.push_back(median_of(gy));
  }
  return {rx, ry};
}

}  // namespace eegtrack::report
