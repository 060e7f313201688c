#include "eegtrack/clinical/episodes.hpp"

#include <algorithm>
#include <stdexcept>

namespace eegtrack::clinical {

std::vector<Episode> find_episodes(const std::vector<DayGrade>& series) {
  if (!std::is_sorted(series.begin(), series.end(),
                      [](const DayGrade& a, const DayGrade& b) { return a.day < b.day; }))
    throw std::invalid_argument("find_episodes: grades are not sorted by day");
  std::vector<Episode> out;
  bool open = false;
  for (const auto& g : series) {
    if (!open && g.grade >= 1) {
      Episode e;
      e.onset_day = g.day;
      e.peak_grade = g.grade;
      e.peak_day = g.day;
      e.relapse = !out.empty();
      out.push_back(e);
      open = true;
    } else if (open && g.grade >= 1 && g.grade > out.back().peak_grade) {
      out.back().peak_grade = g.grade;
      out.back().peak_day = g.day;
    } else if (open && g.grade == 0) {
      out.back().resolution_day = g.day;
      open = false;
    }
  }
  return out;
}

}  // namespace eegtrack::clinical
