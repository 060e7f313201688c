#pragma once
// Episodes of a graded series (ICANS or CRS): onset at the first grade >= 1, the peak and its
// day, resolution at the first grade 0 after it. A new onset after a resolution is a relapse,
// so a biphasic course (ICANS on day 14, again on day 40) is two episodes, the second a relapse.

#include <optional>
#include <vector>

namespace eegtrack::clinical {

/// A grade on the day axis.
struct DayGrade {
  double day = 0.0;
  int grade = 0;
};

struct Episode {
  double onset_day = 0.0;
  int peak_grade = 0;
  double peak_day = 0.0;                 ///< first day at the peak grade
  std::optional<double> resolution_day;  ///< absent: still open at the last assessment
  bool relapse = false;                  ///< an earlier episode had resolved
};

/// Episodes of a series sorted by day.
/// @throws std::invalid_argument when the series is not sorted by day.
[[nodiscard]] std::vector<Episode> find_episodes(const std::vector<DayGrade>& series);

}  // namespace eegtrack::clinical
