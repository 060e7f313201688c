#include "eegtrack/report/figure_trends.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/chart.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/svg.hpp"
#include "eegtrack/report/time_axis.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 1100.0;
constexpr double kLeft = 78.0;
constexpr double kRight = 120.0;  // as the CDSA (its colour bar): time axes line up
constexpr std::size_t kMaxPoints = 1200;
constexpr Rgb kArtifactColour{0xF4, 0xA5, 0x82};  // the .artifact-light fill of the style sheet

std::vector<double> epoch_centres(const findings::RecordingTrends& t, double per_unit) {
  std::vector<double> out;
  for (const double onset : t.onset_s)
    out.push_back((onset + t.epoch_s / 2.0) / per_unit);
  return out;
}

std::vector<bool> artifact_flags(const findings::RecordingTrends& t) {
  std::vector<bool> out(t.size(), false);
  for (std::size_t i = 0; i < t.size(); ++i)
    out[i] = t.clean.empty() ? t.rejected_fraction[i] >= 0.5 : t.clean[i] == 0;
  return out;
}

std::string capitalised(std::string s) {
  if (!s.empty())
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// One panel: a heading above it, shaded artifacts, the series and the y axis with its title;
// the time axis goes under the last panel only.
struct Panel {
  std::string heading;
  std::string y_title;
  double y_low = 0.0;
  double y_high = 1.0;
  double height = 100.0;
  std::vector<Series> series;
  double zero_line = NAN;  ///< a reference line at this value when finite
};

constexpr double kHeading = 18.0;
constexpr double kPanelGap = 10.0;

double panels_height(const std::vector<Panel>& panels) {
  double h = 0.0;
  for (const auto& p : panels)
    h += (p.heading.empty() ? 0.0 : kHeading) + p.height + kPanelGap;
  return h + 40.0;  // the time axis
}

void draw_panels(Svg& svg, const findings::RecordingTrends& t, double duration_s,
                 const std::vector<Panel>& panels, double top, std::string_view id) {
  const auto unit = time_unit_for(duration_s);
  const double plot_width = kWidth - kLeft - kRight;
  const LinearScale x(0.0, duration_s / unit.seconds, kLeft, kLeft + plot_width);
  const auto x_of = [&](double v) { return x(v); };
  std::vector<std::pair<double, double>> spans;
  for (const auto& [a, b] : flagged_spans(t.onset_s, t.epoch_s, artifact_flags(t)))
    spans.emplace_back(a / unit.seconds, b / unit.seconds);
  for (std::size_t k = 0; k < panels.size(); ++k) {
    const auto& p = panels[k];
    if (!p.heading.empty()) {
      svg.text(kLeft, top + 13.0, p.heading, {Anchor::Start, "panel-title"});
      top += kHeading;
    }
    const PlotArea area{kLeft, top, plot_width, p.height};
    const std::string clip = std::string(id) + "-clip-" + std::to_string(k);
    svg.clip_rect(clip, area.left, area.top, area.width, area.height);
    const LinearScale y(p.y_low, p.y_high, area.bottom(), area.top);
    const auto y_of = [&](double v) { return y(v); };
    shade_spans(svg, area, x_of, spans, {"artifact-light", "", "", -1, "", -1},
                "epoch not clean (artifact)");
    left_axis(svg, area, y_of, linear_ticks(p.y_low, p.y_high, p.height > 120 ? 4 : 2), p.y_title,
              true);
    if (std::isfinite(p.zero_line))
      svg.line(area.left, y(p.zero_line), area.right(), y(p.zero_line),
               {"zero", "", "", -1, "", -1});
    for (const auto& s : p.series)
      draw_series(svg, area, x_of, y_of, s, clip);
    // An empty frame could be taken for a flat zero: say that there is nothing to draw (a
    // recording without channels on both sides has no asymmetry; its warnings say so).
    const bool any_value = std::any_of(p.series.begin(), p.series.end(), [](const Series& s) {
      return std::any_of(s.y.begin(), s.y.end(), [](double v) { return std::isfinite(v); });
    });
    if (!any_value)
      svg.text(area.left + area.width / 2.0, area.top + area.height / 2.0 + 4.0,
               "no value in this recording", {Anchor::Middle, "axis-title"});
    svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
    if (k + 1 == panels.size())
      bottom_axis(svg, area, x_of, linear_ticks(0.0, duration_s / unit.seconds, 10),
                  axis_title("Time from recording start", unit.name));
    top += p.height + kPanelGap;
  }
}

Series series_of(const std::string& name, const std::vector<double>& x,
                 const std::vector<double>& y, std::size_t colour) {
  auto [rx, ry] = reduce_series(x, y, kMaxPoints);
  Series s;
  s.name = name;
  s.x = std::move(rx);
  s.y = std::move(ry);
  s.colour = series_colour(colour);
  s.markers = s.x.size() <= 120;
  return s;
}

}  // namespace

std::string band_trend_figure(const findings::RecordingTrends& t, double duration_s,
                              std::string_view id) {
  if (t.bands.empty() || t.size() == 0)
    return "";
  const auto unit = time_unit_for(duration_s);
  const auto x = epoch_centres(t, unit.seconds);
  Panel panel{"", "Relative power", 0.0, 1.0, 200.0, {}, NAN};
  std::vector<LegendItem> legend;
  for (std::size_t b = 0; b < t.bands.size(); ++b) {
    panel.series.push_back(series_of(t.bands[b].band, x, t.bands[b].relative, b));
    panel.series.back().markers = false;
    legend.push_back({t.bands[b].band, series_colour(b), "", false, 1.0});
  }
  legend.push_back({"epoch not clean (artifact)", kArtifactColour, "", true, 0.5});
  const std::vector<Panel> panels{panel};
  Svg svg(kWidth, 12.0 + 20.0 + panels_height(panels), id, "Relative band power per epoch");
  const double legend_height = draw_legend(svg, kLeft, 12.0, kWidth - kLeft - kRight, legend);
  draw_panels(svg, t, duration_s, panels, 12.0 + legend_height, id);
  return svg.str();
}

std::string asymmetry_figure(const findings::RecordingTrends& t, double duration_s,
                             std::string_view id) {
  if (t.slow_asymmetry.empty() && t.bsi.empty() && t.bsr.empty())
    return "";
  const auto unit = time_unit_for(duration_s);
  const auto x = epoch_centres(t, unit.seconds);
  std::vector<Panel> panels;
  std::vector<LegendItem> legend;
  if (!t.slow_asymmetry.empty()) {
    Panel p{
        "Slow-wave asymmetry: (R − L)/(R + L) of delta + theta power; above 0 = more on the "
        "right",
        "Asymmetry index",
        -1.0,
        1.0,
        170.0,
        {},
        0.0};
    p.series.push_back(series_of("hemispheres", x, t.slow_asymmetry, 0));
    p.series.back().width = 2.4;
    legend.push_back({"hemispheres", series_colour(0), "", false, 1.0});
    for (std::size_t g = 0; g < t.region_asymmetry.size(); ++g) {
      const std::string name = capitalised(sites::to_string(t.region_asymmetry[g].region));
      p.series.push_back(series_of(name, x, t.region_asymmetry[g].slow_asymmetry, g + 1));
      p.series.back().width = 1.1;
      p.series.back().markers = false;
      legend.push_back({name, series_colour(g + 1), "", false, 1.0});
    }
    panels.push_back(std::move(p));
  }
  if (!t.bsi.empty()) {
    Panel p{"Brain symmetry index (revised BSI, 1–25 Hz): 0 = symmetric, 1 = one side silent",
            "BSI",
            0.0,
            1.0,
            80.0,
            {},
            NAN};
    p.series.push_back(series_of("BSI", x, t.bsi, 0));
    panels.push_back(std::move(p));
  }
  if (!t.bsr.empty()) {
    Panel p{"Running burst-suppression ratio: suppressed share of the last " +
                fixed(t.bsr_window_s, 0) + " s",
            "BSR",
            0.0,
            1.0,
            80.0,
            {},
            NAN};
    p.series.push_back(series_of("BSR", x, t.bsr, 1));
    panels.push_back(std::move(p));
  }
  legend.push_back({"epoch not clean (artifact)", kArtifactColour, "", true, 0.5});
  Svg svg(kWidth, 12.0 + 20.0 + panels_height(panels), id,
          "Asymmetry, symmetry index and burst suppression per epoch");
  const double legend_height = draw_legend(svg, kLeft, 12.0, kWidth - kLeft - kRight, legend);
  draw_panels(svg, t, duration_s, panels, 12.0 + legend_height, id);
  return svg.str();
}

}  // namespace eegtrack::report
