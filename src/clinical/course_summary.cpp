#include "eegtrack/clinical/course_summary.hpp"

#include <limits>

namespace eegtrack::clinical {
namespace {

void keep_peak(std::vector<Peak>& peaks, const std::string& measure, double value, double day) {
  for (auto& p : peaks)
    if (p.measure == measure) {
      if (value > p.value)
        p = {measure, value, day};
      return;
    }
  peaks.push_back({measure, value, day});
}

std::vector<EpisodePeaks> peaks_of(const std::vector<Episode>& episodes, const Course& course,
                                   const std::vector<DatedIndices>& labs) {
  std::vector<EpisodePeaks> out;
  for (const auto& e : episodes) {
    EpisodePeaks p;
    p.from_day = e.onset_day - kPeakLeadDays;
    p.to_day = e.resolution_day.value_or(std::numeric_limits<double>::infinity());
    for (const auto& l : labs) {
      if (l.day < p.from_day || l.day > p.to_day)
        continue;
      if (l.indices.easix)
        keep_peak(p.peaks, "easix", l.indices.easix->value, l.day);
      if (l.indices.m_easix)
        keep_peak(p.peaks, "m_easix", l.indices.m_easix->value, l.day);
      if (l.indices.s_easix)
        keep_peak(p.peaks, "s_easix", l.indices.s_easix->value, l.day);
    }
    for (const auto& c : course.car_t) {
      const double day = days_after(course.infusion, c.at);
      if (day >= p.from_day && day <= p.to_day)
        keep_peak(p.peaks, "car_t", c.value, day);
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

CourseSummary summarize_course(const Course& course) {
  CourseSummary s;
  std::vector<DayGrade> icans, crs;
  for (const auto& a : course.assessments) {
    GradedAssessment g{days_after(course.infusion, a.at), icans_grade(a),
                       crs_grade(a, course.treatments)};
    if (g.icans.assessable)
      icans.push_back({g.day, g.icans.grade});
    if (g.crs.assessable)
      crs.push_back({g.day, g.crs.grade});
    s.assessments.push_back(std::move(g));
  }
  s.icans_episodes = find_episodes(icans);
  s.crs_episodes = find_episodes(crs);
  s.exposures = exposures(course.treatments, course.infusion);
  for (const auto& panel : course.labs)
    s.labs.push_back({days_after(course.infusion, panel.at), easix_indices(panel)});
  s.icans_peaks = peaks_of(s.icans_episodes, course, s.labs);
  s.crs_peaks = peaks_of(s.crs_episodes, course, s.labs);
  return s;
}

}  // namespace eegtrack::clinical
