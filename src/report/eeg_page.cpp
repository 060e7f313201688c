#include "eegtrack/report/eeg_page.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/scale.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 1100.0;
constexpr double kLeft = 82.0;
constexpr double kRight = 20.0;
constexpr double kLane = 22.0;   // the event lane above the traces
constexpr double kRow = 32.0;    // trace spacing
constexpr double kNotes = 30.0;  // two lines of annotations under the traces

double median(std::vector<double> v) {
  if (v.empty())
    return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

double percentile_abs_deviation(const std::vector<double>& x, double q) {
  std::vector<double> finite;
  for (const double v : x)
    if (std::isfinite(v))
      finite.push_back(v);
  if (finite.empty())
    return 0.0;
  const double m = median(finite);
  for (auto& v : finite)
    v = std::abs(v - m);
  const auto k = static_cast<std::size_t>(q * static_cast<double>(finite.size() - 1));
  std::nth_element(finite.begin(), finite.begin() + static_cast<std::ptrdiff_t>(k), finite.end());
  return finite[k];
}

std::string event_words(const detect::Event& e) {
  std::string out = detect::to_string(e.type);
  if (e.side != sites::Laterality::Unknown)
    out += std::string(" ") + sites::to_string(e.side);
  if (e.region)
    out += std::string(" ") + sites::to_string(*e.region);
  if (std::isfinite(e.frequency_hz))
    out += ", " + fixed(e.frequency_hz, 1) + " Hz";
  return out;
}

}  // namespace

double trace_spacing_uv(const std::vector<std::vector<double>>& samples) {
  std::vector<double> amplitudes;
  for (const auto& x : samples)
    amplitudes.push_back(percentile_abs_deviation(x, 0.98));
  const double typical = median(amplitudes);
  for (const double s : {10.0, 20.0, 30.0, 50.0, 70.0, 100.0, 150.0, 200.0, 300.0, 500.0, 700.0,
                         1000.0, 1500.0, 2000.0, 3000.0})
    if (s >= 2.5 * typical)
      return s;
  return 5000.0;
}

std::vector<std::pair<double, double>> trace_points(const std::vector<double>& x, double width) {
  std::vector<std::pair<double, double>> out;
  const std::size_t n = x.size();
  if (n == 0 || !(width > 0.0))
    return out;
  const double per_px = static_cast<double>(n) / width;
  const auto at = [&](std::size_t i) {
    return static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(1, n - 1)) * width;
  };
  if (per_px <= 2.0) {
    for (std::size_t i = 0; i < n; ++i)
      out.emplace_back(at(i), x[i]);
    return out;
  }
  const auto columns = static_cast<std::size_t>(std::ceil(width));
  for (std::size_t c = 0; c < columns; ++c) {
    const auto begin = static_cast<std::size_t>(std::floor(static_cast<double>(c) * per_px));
    const auto end =
        std::min(n, static_cast<std::size_t>(std::floor(static_cast<double>(c + 1) * per_px)));
    if (begin >= end)
      continue;
    std::size_t lo = begin, hi = begin;
    for (std::size_t i = begin; i < end; ++i) {
      if (x[i] < x[lo])
        lo = i;
      if (x[i] > x[hi])
        hi = i;
    }
    const std::size_t first = std::min(lo, hi), second = std::max(lo, hi);
    out.emplace_back(at(first), x[first]);
    if (second != first)
      out.emplace_back(at(second), x[second]);
  }
  return out;
}

std::string eeg_page_figure(const EegTraces& t, const std::vector<detect::Event>& events,
                            std::size_t highlighted, std::string_view id) {
  const std::size_t nch = t.labels.size();
  const double plot_width = kWidth - kLeft - kRight;
  const double traces_top = 10.0 + kLane;
  const double traces_height = kRow * static_cast<double>(std::max<std::size_t>(1, nch));
  const double height = traces_top + traces_height + kNotes + 56.0;
  Svg svg(kWidth, height, id, "EEG page");
  const LinearScale x(t.start_s, t.start_s + t.duration_s, kLeft, kLeft + plot_width);
  const PlotArea area{kLeft, traces_top, plot_width, traces_height};
  const std::string clip = std::string(id) + "-clip";
  svg.clip_rect(clip, area.left, area.top - kLane, area.width, area.height + kLane + kNotes);
  // Traces stay inside their area: a high-voltage discharge must not cover the event lane.
  const std::string trace_clip = std::string(id) + "-traces";
  svg.clip_rect(trace_clip, area.left, area.top, area.width, area.height);

  // Events overlapping the page: shaded over the traces, named in the lane above them.
  svg.open_group("", clip);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const double end = e.onset_s + std::max(e.duration_s, 0.05);
    if (end < t.start_s || e.onset_s > t.start_s + t.duration_s)
      continue;
    const bool main = i == highlighted;
    const double x0 = std::max(x(e.onset_s), area.left), x1 = std::min(x(end), area.right());
    svg.rect(x0, area.top, std::max(2.0, x1 - x0), area.height,
             {main ? "event-main" : "event-other", "", "", -1, "", -1}, event_words(e));
    svg.rect(x0, area.top - kLane + 3.0, std::max(2.0, x1 - x0), kLane - 6.0,
             {main ? "lane-main" : "lane-other", "", "", -1, "", -1}, event_words(e));
    if (main || x1 - x0 > 60.0)
      svg.text(x0 + 4.0, area.top - 7.0, event_words(e),
               {Anchor::Start, main ? "lane-text-main" : "lane-text"});
  }
  svg.close_group();

  // One-second grid.
  for (double s = std::ceil(t.start_s); s <= t.start_s + t.duration_s + 1e-9; s += 1.0)
    svg.line(x(s), area.top, x(s), area.bottom(), {"grid", "", "", -1, "", -1});

  const double spacing = trace_spacing_uv(t.samples_uv);
  const double px_per_uv = kRow / spacing;
  svg.open_group("trace", trace_clip);
  for (std::size_t c = 0; c < nch; ++c) {
    const double baseline = area.top + kRow * (static_cast<double>(c) + 0.5);
    const auto& samples = t.samples_uv[c];
    std::vector<double> centred = samples;
    const double offset = [&] {
      std::vector<double> v(samples.begin(), samples.end());
      return median(v);
    }();
    std::vector<Point> points;
    for (const auto& [px, v] : trace_points(centred, plot_width))
      points.push_back(
          {area.left + px, std::isfinite(v) ? baseline - (v - offset) * px_per_uv : NAN});
    svg.polyline(points, {});
  }
  svg.close_group();
  for (std::size_t c = 0; c < nch; ++c) {
    TextStyle label{Anchor::End, "trace-label"};
    label.middle_baseline = true;
    svg.text(kLeft - 8.0, area.top + kRow * (static_cast<double>(c) + 0.5), t.labels[c], label);
  }
  svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});

  // Annotations of the recording: a dashed line and the text under the traces, on the first of
  // two lines where it does not overlap an earlier text (else it is left to the line's title).
  double line_end[2] = {-1e9, -1e9};
  for (const auto& a : t.annotations) {
    const double ax = std::clamp(x(a.onset_s), area.left, area.right());
    const std::string text = a.text.size() > 48 ? a.text.substr(0, 45) + "..." : a.text;
    svg.line(ax, area.top, ax, area.bottom() + 4.0, {"annotation", "", "", -1, "4 3", -1});
    const double w = text_width(text, 11.0);
    for (int lane = 0; lane < 2; ++lane) {
      if (ax < line_end[lane] + 6.0)
        continue;
      svg.text(ax + 3.0, area.bottom() + 13.0 + 13.0 * lane, text,
               {Anchor::Start, "annotation-text"});
      line_end[lane] = ax + 3.0 + w;
      break;
    }
  }

  // Time axis: seconds from the recording start.
  const PlotArea axis{area.left, area.top, area.width, area.height + kNotes};
  bottom_axis(
      svg, axis, [&](double v) { return x(v); },
      linear_ticks(t.start_s, t.start_s + t.duration_s, 10), "Time from recording start (s)");
  // The µV scale bar in the label column under the traces: one trace spacing.
  const double bx = kLeft - 14.0, by = axis.bottom() + 38.0;
  svg.line(bx, by, bx, by - kRow, {"scale-bar", "", "", -1, "", -1});
  TextStyle bar_text{Anchor::End, "scale-text"};
  bar_text.middle_baseline = true;
  svg.text(bx - 5.0, by - kRow / 2.0, fixed(spacing, 0) + " µV", bar_text);
  return svg.str();
}

}  // namespace eegtrack::report
