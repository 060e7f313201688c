#pragma once
// The figures of the cohort report (cohort_report.hpp): every analysed recording's
// encephalopathy index by its slowing grade, and, when the batch's manifest gave each recording
// a patient and a day, each patient's index over the days.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::report {

/// One analysed recording of the cohort table.
struct CohortPoint {
  std::string key;
  std::string patient;        ///< "" when the table has none
  std::optional<double> day;  ///< from a manifest's `day` column, when numeric
  double index = 0.0;         ///< encephalopathy index, [0, 1]
  std::string grade;          ///< "none", "mild", "moderate", "severe"
  std::string distribution;   ///< "none", "diffuse", "focal"
};

/// Each recording's index on the lane of its grade (mildest at the bottom), red beyond the
/// adult limit; a dot's title names its key. Says so when there is no point.
[[nodiscard]] std::string cohort_index_figure(const std::vector<CohortPoint>& points,
                                              std::string_view id);

/// Each patient's index over the days of its recordings, one line per patient with two or
/// more days, the adult limit dashed; "" when no patient has two recordings with a day.
[[nodiscard]] std::string cohort_course_figure(const std::vector<CohortPoint>& points,
                                               std::string_view id);

}  // namespace eegtrack::report
