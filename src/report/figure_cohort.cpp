#include "eegtrack/report/figure_cohort.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/chart.hpp"
#include "eegtrack/report/colour_map.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/scale.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 760.0;
constexpr const char* kRed = "#b00020";

// The slowing grades from the mildest, as the cohort table writes them: the lanes.
constexpr std::array<const char*, 4> kGrades = {"none", "mild", "moderate", "severe"};

bool beyond_limit(double index) {
  return index > findings::kAdultMaxEncephalopathyIndex;
}

std::string point_title(const CohortPoint& p) {
  return p.key + (p.patient.empty() ? "" : ", patient " + p.patient) +
         (p.day ? ", day " + fixed(*p.day, 1) : "") + ": index " + fixed(p.index, 2) +
         ", slowing " + p.grade + ", " + p.distribution;
}

void limit_line(Svg& svg, double x0, double y0, double x1, double y1) {
  svg.line(x0, y0, x1, y1, Style{"", kRed, "", 1.0, "4 3", -1.0});
}

}  // namespace

// The index should rise from lane to lane; a dot far from its lane's others is a recording to
// look at.
std::string cohort_index_figure(const std::vector<CohortPoint>& points, std::string_view id) {
  constexpr double kLane = 34.0;
  const PlotArea area{110.0, 12.0, kWidth - 130.0, kLane * static_cast<double>(kGrades.size())};
  Svg svg(kWidth, area.bottom() + 46.0, id,
          "Encephalopathy index of each recording by its slowing grade");
  const LinearScale x(0.0, 1.0, area.left, area.right());
  svg.rect(area.left, area.top, area.width, area.height, Style{"frame", "", "", -1.0, "", -1.0});
  const double limit = x(findings::kAdultMaxEncephalopathyIndex);
  limit_line(svg, limit, area.top, limit, area.bottom());
  svg.text(limit + 4.0, area.top + 11.0, "adult limit", TextStyle(Anchor::Start, "small"));
  std::size_t drawn = 0;
  for (std::size_t g = 0; g < kGrades.size(); ++g) {
    const double lane_top = area.bottom() - kLane * static_cast<double>(g + 1);
    TextStyle label(Anchor::End, "tick");
    label.middle_baseline = true;
    svg.text(area.left - 8.0, lane_top + kLane / 2.0, kGrades[g], label);
    std::size_t in_lane = 0;
    for (const auto& p : points) {
      if (p.grade != kGrades[g])
        continue;
      // Spread about the lane's middle in table order, the first on it (no random jitter: the
      // same table, the same page).
      const double y = lane_top + kLane / 2.0 + static_cast<double>((in_lane * 7 + 11) % 23) - 11.0;
      svg.circle(x(std::clamp(p.index, 0.0, 1.0)), y, 3.2,
                 Style{"", "#ffffff", beyond_limit(p.index) ? kRed : "#1f5f99", 0.6, "", 0.85},
                 point_title(p));
      ++in_lane;
      ++drawn;
    }
  }
  bottom_axis(svg, area, x, linear_ticks(0.0, 1.0, 5), "Encephalopathy index (0 normal, 1 severe)");
  if (drawn == 0)
    svg.text(area.left + area.width / 2.0, area.top + area.height / 2.0,
             "no graded recording in this table", TextStyle(Anchor::Middle, "small"));
  return svg.str();
}

std::string cohort_course_figure(const std::vector<CohortPoint>& points, std::string_view id) {
  std::map<std::string, std::vector<const CohortPoint*>> by_patient;
  for (const auto& p : points)
    if (!p.patient.empty() && p.day && std::isfinite(*p.day))
      by_patient[p.patient].push_back(&p);
  std::erase_if(by_patient, [](const auto& entry) { return entry.second.size() < 2; });
  if (by_patient.empty())
    return "";
  double first = 0.0, last = 0.0;
  bool any = false;
  for (const auto& [patient, series] : by_patient)
    for (const auto* p : series) {
      first = any ? std::min(first, *p->day) : *p->day;
      last = any ? std::max(last, *p->day) : *p->day;
      any = true;
    }
  // Patients named in the legend; beyond a dozen the colours repeat and the dots' titles name
  // them instead.
  constexpr std::size_t kLegendMax = 12;
  std::vector<LegendItem> legend;
  std::size_t n = 0;
  for (const auto& [patient, series] : by_patient)
    if (n++ < kLegendMax)
      legend.push_back({patient, series_colour(n - 1), "", false, 1.0});
  Svg measure(kWidth, 10.0, "", "");
  const double legend_height = draw_legend(measure, 70.0, 12.0, kWidth - 90.0, legend);
  const PlotArea area{70.0, 20.0 + legend_height, kWidth - 90.0, 220.0};
  Svg svg(kWidth, area.bottom() + 46.0, id, "Encephalopathy index of each patient over the days");
  draw_legend(svg, area.left, 12.0, area.width, legend);
  const Domain days = nice_domain(first, last == first ? first + 1.0 : last, 8);
  const LinearScale x(days.low, days.high, area.left, area.right());
  const LinearScale y(0.0, 1.0, area.bottom(), area.top);
  left_axis(svg, area, y, linear_ticks(0.0, 1.0, 5), "Encephalopathy index");
  bottom_axis(svg, area, x, linear_ticks(days.low, days.high, 8), "Day (manifest column day)");
  const double limit = y(findings::kAdultMaxEncephalopathyIndex);
  limit_line(svg, area.left, limit, area.right(), limit);
  svg.text(area.right() - 4.0, limit - 4.0, "adult limit", TextStyle(Anchor::End, "small"));
  const std::string clip = std::string(id) + "-clip";
  svg.clip_rect(clip, area.left, area.top, area.width, area.height);
  n = 0;
  for (auto& [patient, series] : by_patient) {
    std::stable_sort(series.begin(), series.end(),
                     [](const CohortPoint* a, const CohortPoint* b) { return *a->day < *b->day; });
    Series s;
    s.name = patient;
    s.colour = series_colour(n++);
    for (const auto* p : series) {
      s.x.push_back(*p->day);
      s.y.push_back(p->index);
    }
    draw_series(svg, area, x, y, s, clip);
    for (const auto* p : series)
      svg.circle(x(*p->day), y(std::clamp(p->index, 0.0, 1.0)), 3.4,
                 Style{"", "#ffffff", hex(s.colour), 0.8, "", -1.0}, point_title(*p));
  }
  return svg.str();
}

}  // namespace eegtrack::report
