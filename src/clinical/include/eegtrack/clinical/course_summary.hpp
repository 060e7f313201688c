#pragma once
// The clinical course evaluated: every assessment graded, ICANS and CRS episodes with relapses,
// treatment exposures, EASIX indices per lab panel and their peaks per episode, all on the axis
// of days after infusion.

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/clinical/course.hpp"
#include "eegtrack/clinical/episodes.hpp"
#include "eegtrack/clinical/grading.hpp"
#include "eegtrack/clinical/labs.hpp"
#include "eegtrack/clinical/treatments.hpp"

namespace eegtrack::clinical {

/// One assessment's grades (parallel to Course::assessments).
struct GradedAssessment {
  double day = 0.0;
  Grade icans;
  Grade crs;
};

/// EASIX indices of one lab panel (parallel to Course::labs).
struct DatedIndices {
  double day = 0.0;
  EasixIndices indices;
};

/// The highest value of one index (or the CAR-T count) within an episode's window.
struct Peak {
  std::string measure;  ///< "easix", "m_easix", "s_easix", "car_t"
  double value = 0.0;
  double day = 0.0;
};

/// Lab and CAR-T peaks of one episode; the window runs from `lead_days` before its onset to its
/// resolution (to the end of the course when unresolved).
struct EpisodePeaks {
  double from_day = 0.0;
  double to_day = 0.0;
  std::vector<Peak> peaks;  ///< measures without a value in the window are left out
};

struct CourseSummary {
  std::vector<GradedAssessment> assessments;
  std::vector<Episode> icans_episodes;
  std::vector<Episode> crs_episodes;
  std::vector<Exposure> exposures;
  std::vector<DatedIndices> labs;
  std::vector<EpisodePeaks> icans_peaks;  ///< parallel to icans_episodes
  std::vector<EpisodePeaks> crs_peaks;    ///< parallel to crs_episodes
};

/// Lab peaks can precede the clinical onset: m-EASIX rises before ICANS (days).
inline constexpr double kPeakLeadDays = 3.0;

/// Grades, episodes, exposures, indices and peaks of a course (assessments and labs sorted).
/// Assessments that are not assessable (Grade::assessable) do not enter the episodes.
/// @throws std::invalid_argument for a lab value in a unit that is not accepted.
[[nodiscard]] CourseSummary summarize_course(const Course& course);

}  // namespace eegtrack::clinical
