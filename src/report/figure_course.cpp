#include "eegtrack/report/figure_course.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/chart.hpp"
#include "eegtrack/report/colour_map.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 1100.0;
constexpr double kLeft = 170.0;
constexpr double kRight = 30.0;
constexpr double kHeading = 20.0;
constexpr double kGap = 12.0;
constexpr double kTreatmentRow = 34.0;  // a label line above the bar, the bar, a line below
constexpr double kFlagStrip = 26.0;     // numbered flags above the panels
constexpr Rgb kIcans{0xD5, 0x5E, 0x00};
constexpr Rgb kCrs{0x00, 0x72, 0xB2};
constexpr Rgb kNormal{0x1B, 0x9E, 0x77};
constexpr Rgb kAbnormal{0xE6, 0x9F, 0x00};  // apart from the ICANS vermillion
constexpr Rgb kUndetermined{0x99, 0x99, 0x99};

struct DayRange {
  double low = 0.0;
  double high = 1.0;
};

DayRange day_range(const FollowupData& d) {
  double lo = 0.0, hi = 0.0;
  const auto take = [&](double v) {
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  };
  for (const auto& a : d.assessments)
    take(a.day);
  for (const auto& t : d.treatments) {
    take(t.start_day);
    take(t.stop_day);
  }
  for (const auto& l : d.labs)
    take(l.day);
  for (const auto& c : d.car_t)
    take(c.day);
  for (const auto& r : d.recordings)
    take(r.day);
  const auto nice = nice_domain(lo - 1.0, hi + 1.0, 10);
  return {nice.low, nice.high};
}

std::string drug_colour(std::size_t i) {
  return hex(series_colour(i + 2));
}

struct Layout {
  LinearScale x;
  double top = 0.0;
};

void heading(Svg& svg, double top, const std::string& text) {
  svg.text(kLeft, top + 14.0, text, {Anchor::Start, "panel-title"});
}

PlotArea panel_area(double top, double height) {
  return {kLeft, top, kWidth - kLeft - kRight, height};
}

void episodes_and_frame(Svg& svg, const FollowupData& d, const PlotArea& area,
                        const LinearScale& x) {
  for (const auto& e : d.episodes) {
    if (e.kind != "ICANS")
      continue;
    const double end = e.resolution_day.value_or(x.domain_high());
    shade_spans(
        svg, area, [&](double v) { return x(v); }, {{e.onset_day, end}},
        {"episode", "", "", -1, "", -1},
        "ICANS episode, peak grade " + std::to_string(e.peak_grade));
  }
}

double grades_panel(Svg& svg, const FollowupData& d, const LinearScale& x, double top) {
  heading(svg, top, "ICANS and CRS grade (ASTCT)");
  top += kHeading;
  const PlotArea area = panel_area(top, 100.0);
  svg.clip_rect("course-clip-grades", area.left, area.top - 6, area.width, area.height + 12);
  episodes_and_frame(svg, d, area, x);
  const LinearScale y(0.0, 4.0, area.bottom(), area.top);
  left_axis(
      svg, area, [&](double v) { return y(v); }, linear_ticks(0.0, 4.0, 4), "Grade", true);
  Series icans{"ICANS", {}, {}, kIcans, true, true, true, "", 2.2};
  Series crs{"CRS", {}, {}, kCrs, true, true, true, "4 3", 1.8};
  std::vector<double> not_assessable;
  for (const auto& a : d.assessments) {
    if (a.icans) {
      icans.x.push_back(a.day);
      icans.y.push_back(*a.icans);
    } else {
      not_assessable.push_back(a.day);
    }
    if (a.crs) {
      crs.x.push_back(a.day);
      crs.y.push_back(*a.crs);
    }
  }
  const auto x_of = [&](double v) { return x(v); };
  const auto y_of = [&](double v) { return y(v); };
  draw_series(svg, area, x_of, y_of, crs, "course-clip-grades");
  draw_series(svg, area, x_of, y_of, icans, "course-clip-grades");
  for (const double day : not_assessable)
    svg.path("M " + coordinate(x(day) - 4) + ' ' + coordinate(area.top + 2) + " L " +
                 coordinate(x(day) + 4) + ' ' + coordinate(area.top + 2) + " L " +
                 coordinate(x(day)) + ' ' + coordinate(area.top + 9) + " Z",
             {"", "#777777", "#bbbbbb", 1.0, "", -1});
  svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
  return area.bottom() + kGap;
}

double treatments_panel(Svg& svg, const FollowupData& d, const LinearScale& x, double top) {
  if (d.treatments.empty())
    return top;
  heading(svg, top, "Treatments (bars: start to stop; dose per administration)");
  top += kHeading;
  std::vector<std::string> drugs;
  for (const auto& t : d.treatments)
    if (std::find(drugs.begin(), drugs.end(), t.drug) == drugs.end())
      drugs.push_back(t.drug);
  const PlotArea area = panel_area(top, kTreatmentRow * static_cast<double>(drugs.size()));
  episodes_and_frame(svg, d, area, x);
  constexpr double kLabelFont = 10.5;
  for (std::size_t r = 0; r < drugs.size(); ++r) {
    const double row_top = area.top + kTreatmentRow * static_cast<double>(r);
    const double bar_top = row_top + 12.0;
    if (r % 2 == 1)
      svg.rect(area.left, row_top, area.width, kTreatmentRow, {"", "", "#000000", -1, "", 0.03});
    TextStyle name{Anchor::End, "tick"};
    name.middle_baseline = true;
    svg.text(kLeft - 8.0, bar_top + 5.0, drugs[r], name);
    // Dose labels: inside the bar when they fit, else on the line above or below it, from the
    // bar's start, where they clear the previous label of that line; else only in the bar's
    // title and the treatment table.
    double line_end[2] = {-1e9, -1e9};
    for (const auto& t : d.treatments) {
      if (t.drug != drugs[r])
        continue;
      const double x0 = std::clamp(x(t.start_day), area.left, area.right());
      const double x1 = std::clamp(x(t.stop_day), area.left, area.right());
      const double w = std::max(4.0, x1 - x0);
      const std::string dose = dose_text(t);
      svg.rect(x0, bar_top, w, 10.0, {"bar", "", drug_colour(r), -1, "", -1},
               t.drug + (dose.empty() ? "" : " " + dose) + ", day " + fixed(t.start_day, 1) +
                   " to " + fixed(t.stop_day, 1));
      if (dose.empty())
        continue;
      const double tw = text_width(dose, kLabelFont);
      if (tw + 6.0 <= w) {
        TextStyle inside{Anchor::Start, "bar-text"};
        inside.middle_baseline = true;
        svg.text(x0 + 3.0, bar_top + 5.0, dose, inside);
        continue;
      }
      for (int line = 0; line < 2; ++line) {
        if (x0 < line_end[line] + 5.0 || x0 + tw > area.right())
          continue;
        svg.text(x0, line == 0 ? bar_top - 2.5 : bar_top + 20.0, dose, {Anchor::Start, "bar-text"});
        line_end[line] = x0 + tw;
        break;
      }
    }
  }
  svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
  return area.bottom() + kGap;
}

double line_panel(Svg& svg, const FollowupData& d, const LinearScale& x, double top,
                  const std::string& title, const std::string& y_title,
                  const std::vector<Series>& series, double height, const char* clip) {
  heading(svg, top, title);
  top += kHeading;
  const PlotArea area = panel_area(top, height);
  svg.clip_rect(clip, area.left, area.top - 4, area.width, area.height + 8);
  episodes_and_frame(svg, d, area, x);
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& s : series)
    for (const double v : s.y)
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  if (!std::isfinite(lo)) {
    lo = 0.0;
    hi = 1.0;
  }
  const auto dom = nice_domain(std::min(lo, 0.0), hi, 3);
  const LinearScale y(dom.low, dom.high, area.bottom(), area.top);
  left_axis(
      svg, area, [&](double v) { return y(v); }, linear_ticks(dom.low, dom.high, 3), y_title, true);
  for (const auto& s : series)
    draw_series(
        svg, area, [&](double v) { return x(v); }, [&](double v) { return y(v); }, s, clip);
  svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
  return area.bottom() + kGap;
}

// One EEG measure per recording: a marker per recording coloured by the verdict; absent values
// (no PDR) drawn as a cross at the bottom with the word.
double eeg_panel(Svg& svg, const FollowupData& d, const LinearScale& x, double top,
                 const std::string& title, const std::string& y_title, double y_low, double y_high,
                 Measure RecordingRow::*measure, double height) {
  heading(svg, top, title);
  top += kHeading;
  const PlotArea area = panel_area(top, height);
  episodes_and_frame(svg, d, area, x);
  const LinearScale y(y_low, y_high, area.bottom(), area.top);
  left_axis(
      svg, area, [&](double v) { return y(v); }, linear_ticks(y_low, y_high, 2), y_title, true);
  std::vector<Point> line;
  for (const auto& r : d.recordings) {
    const auto& m = r.*measure;
    const double cx = x(r.day);
    if (!m.value) {
      const double cy = area.bottom() - 6.0;
      svg.path("M " + coordinate(cx - 4) + ' ' + coordinate(cy - 4) + " L " + coordinate(cx + 4) +
                   ' ' + coordinate(cy + 4) + " M " + coordinate(cx - 4) + ' ' +
                   coordinate(cy + 4) + " L " + coordinate(cx + 4) + ' ' + coordinate(cy - 4),
               {"", hex(kAbnormal), "", 2.0, "", -1});
      svg.text(cx + 6.0, cy + 4.0, "absent", {Anchor::Start, "small"});
      line.push_back({NAN, NAN});
      continue;
    }
    const double v = std::clamp(*m.value, y_low, y_high);
    line.push_back({cx, y(v)});
  }
  svg.polyline(line, {"", "#999999", "", 1.0, "2 2", -1});
  for (std::size_t i = 0; i < d.recordings.size(); ++i) {
    const auto& r = d.recordings[i];
    const auto& m = r.*measure;
    if (!m.value)
      continue;
    const double cx = x(r.day), cy = y(std::clamp(*m.value, y_low, y_high));
    if (m.low && m.high)
      svg.line(cx, y(std::clamp(*m.low, y_low, y_high)), cx, y(std::clamp(*m.high, y_low, y_high)),
               {"", "#555555", "", 1.2, "", -1});
    std::string tip = r.label + " (day " + fixed(r.day, 1) + "): " + fixed(*m.value, 2);
    if (r.seizure_count > 0)
      svg.circle(cx, cy, 7.5, {"", "#b00020", "none", 2.0, "", -1});
    svg.circle(cx, cy, 4.5, {"eeg-" + r.verdict, "#ffffff", "", 1.0, "", -1},
               tip + ", " + r.verdict);
  }
  svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
  return area.bottom() + kGap;
}

}  // namespace

std::string dose_text(const TreatmentBar& t) {
  if (!t.dose)
    return "";
  std::string out = fixed(*t.dose, std::abs(*t.dose - std::round(*t.dose)) < 1e-9 ? 0 : 1);
  if (!t.unit.empty())
    out += " " + t.unit;
  if (t.every_h)
    out += " q" + fixed(*t.every_h, 0) + "h";
  return out;
}

std::string course_figure(const FollowupData& d, std::string_view id) {
  const auto days = day_range(d);
  const double plot_width = kWidth - kLeft - kRight;
  const LinearScale x(days.low, days.high, kLeft, kLeft + plot_width);
  std::size_t n_drugs = 0;
  {
    std::vector<std::string> drugs;
    for (const auto& t : d.treatments)
      if (std::find(drugs.begin(), drugs.end(), t.drug) == drugs.end())
        drugs.push_back(t.drug);
    n_drugs = drugs.size();
  }
  const double height =
      40.0 + kFlagStrip + (kHeading + 100.0 + kGap) +
      (n_drugs > 0 ? kHeading + kTreatmentRow * static_cast<double>(n_drugs) + kGap : 0.0) +
      2 * (kHeading + 70.0 + kGap) + 3 * (kHeading + 60.0 + kGap) + 60.0;
  Svg svg(kWidth, height, id, "Course after infusion");
  // Legend line; "undetermined" only when some recording is.
  std::vector<LegendItem> legend{{"ICANS grade", kIcans, "", false, 1.0},
                                 {"CRS grade", kCrs, "4 3", false, 1.0},
                                 {"ICANS episode", {0xD6, 0x60, 0x4D}, "", true, 0.25},
                                 {"EEG normal", kNormal, "", true, 1.0},
                                 {"EEG abnormal", kAbnormal, "", true, 1.0}};
  if (std::any_of(d.recordings.begin(), d.recordings.end(),
                  [](const auto& r) { return r.verdict == "undetermined"; }))
    legend.push_back({"EEG undetermined", kUndetermined, "", true, 1.0});
  legend.push_back({"flag (numbered as in the flag table)", {0xB0, 0x00, 0x20}, "2 3", false, 1.0});
  const double legend_h = draw_legend(svg, kLeft, 12.0, plot_width, legend);
  const double flag_top = 12.0 + legend_h + 2.0;
  double top = flag_top + kFlagStrip;
  const double first_top = top;
  top = grades_panel(svg, d, x, top);
  top = treatments_panel(svg, d, x, top);

  Series car_t{"CAR-T", {}, {}, series_colour(3), false, true, true, "", 1.8};
  std::string unit;
  for (const auto& c : d.car_t) {
    car_t.x.push_back(c.day);
    car_t.y.push_back(c.value);
    if (unit.empty())
      unit = c.unit;
  }
  top = line_panel(svg, d, x, top, "Circulating CAR-T cells", unit.empty() ? "count" : unit,
                   {car_t}, 70.0, "course-clip-cart");
  Series m_easix{"log2 m-EASIX", {}, {}, series_colour(0), false, true, true, "", 1.8};
  Series easix{"log2 EASIX", {}, {}, series_colour(2), false, true, true, "4 3", 1.6};
  for (const auto& l : d.labs) {
    m_easix.x.push_back(l.day);
    m_easix.y.push_back(l.m_easix_log2.value_or(NAN));
    easix.x.push_back(l.day);
    easix.y.push_back(l.easix_log2.value_or(NAN));
  }
  const double labs_top = top;
  top = line_panel(svg, d, x, top,
                   "Endothelial activation: log2 m-EASIX (solid), log2 EASIX (dashed)", "log2",
                   {m_easix, easix}, 70.0, "course-clip-labs");
  (void)labs_top;
  top = eeg_panel(svg, d, x, top,
                  "EEG: encephalopathy index (bars: 95 % interval; red ring: seizure)", "Index",
                  0.0, 1.0, &RecordingRow::index, 60.0);
  top = eeg_panel(svg, d, x, top, "EEG: posterior dominant rhythm", "PDR (Hz)", 0.0, 14.0,
                  &RecordingRow::pdr_hz, 60.0);
  top = eeg_panel(svg, d, x, top, "EEG: relative delta", "Rel. delta", 0.0, 1.0,
                  &RecordingRow::relative_delta, 60.0);

  // Infusion and flags across every panel; the flags' numbers in the strip above them.
  const double bottom = top - kGap;
  if (x(0.0) >= kLeft && x(0.0) <= kLeft + plot_width) {
    svg.line(x(0.0), flag_top + 4.0, x(0.0), bottom, {"", "#333333", "", 1.0, "6 3", -1});
    TextStyle infusion{Anchor::End, "small"};
    svg.text(x(0.0) - 3.0, flag_top + 12.0, "infusion", infusion);
  }
  std::vector<double> placed;  // centres of the numbers drawn so far
  for (std::size_t i = 0; i < d.flags.size(); ++i) {
    const double fx = x(d.flags[i].day);
    svg.line(fx, flag_top + 20.0, fx, bottom, {"flag-line", "", "", -1, "", -1});
    // Numbers of flags on (nearly) the same day go side by side.
    double cx = fx;
    while (std::any_of(placed.begin(), placed.end(),
                       [&](double p) { return std::abs(p - cx) < 15.0; }))
      cx += 15.0;
    placed.push_back(cx);
    const double cy = flag_top + 12.0;
    svg.circle(cx, cy, 7.0, {"flag-mark", "", "", -1, "", -1},
               "flag " + std::to_string(i + 1) + ", day " + fixed(d.flags[i].day, 1) + ": " +
                   d.flags[i].message);
    TextStyle number{Anchor::Middle, "flag-text"};
    number.middle_baseline = true;
    svg.text(cx, cy, std::to_string(i + 1), number);
  }
  const PlotArea axis_area{kLeft, first_top, plot_width, bottom - first_top};
  bottom_axis(
      svg, axis_area, [&](double v) { return x(v); }, linear_ticks(days.low, days.high, 16),
      "Days after infusion (day 0 = infusion " + d.infusion + ")", false);
  return svg.str();
}

}  // namespace eegtrack::report
