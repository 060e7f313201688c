#pragma once
// What the follow-up report draws of a patient's course, read from the follow-up's output
// (<patient>.followup.json, docs/followup.md, layout 1.x): the graded assessments, treatments,
// EASIX indices, CAR-T counts, episodes, each recording's measures and verdict, the flags and
// every parameter. Texts stay as written in the course file (the report escapes them).

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace eegtrack::report {

/// A follow-up document that cannot be read: the message names the source and the field.
class FollowupInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GradedAssessment {
  double day = 0.0;
  std::string at;
  std::optional<int> icans;  ///< absent: not assessable (e.g. consciousness under sedation)
  std::optional<int> crs;
  bool sedated = false;
  std::string note;
};

struct TreatmentBar {
  std::string drug;
  std::optional<double> dose;
  std::string unit;
  std::string route;
  std::optional<double> every_h;
  double start_day = 0.0;
  double stop_day = 0.0;
};

struct LabIndices {
  double day = 0.0;
  std::optional<double> easix_log2;
  std::optional<double> m_easix_log2;
  std::optional<double> m_easix;
};

struct CarTPoint {
  double day = 0.0;
  double value = 0.0;
  std::string unit;
};

struct CourseEpisode {
  std::string kind;  ///< "ICANS" or "CRS"
  double onset_day = 0.0;
  int peak_grade = 0;
  double peak_day = 0.0;
  std::optional<double> resolution_day;
  bool relapse = false;
  std::optional<double> first_normal_eeg_day;  ///< ICANS: the first normal recording's day
  std::string first_normal_eeg;                ///< and its label
};

/// A value with its 95 % interval (absent parts are absent).
struct Measure {
  std::optional<double> value;
  std::optional<double> low;
  std::optional<double> high;
};

struct RecordingRow {
  std::string label;
  std::string file;  ///< base name
  std::string sha256;
  std::string at;
  double day = 0.0;
  std::string sedation;
  double duration_s = 0.0;
  double clean_fraction = 0.0;
  Measure index;
  Measure pdr_hz;
  std::string pdr_absent_reason;
  Measure relative_delta;
  std::string slowing_grade;  ///< "" when not graded
  std::string slowing_distribution;
  std::string slowing_side;    ///< of focal slowing, "" otherwise
  std::string slowing_region;  ///< of focal slowing ("temporal"), "" otherwise or in older files
  /// The detectors saw some of the recording (measures.analysed_s > 0; true in files without
  /// the field): without them the counts below are unknown, not zero.
  bool detected = true;
  int seizure_count = 0;
  int spike_count = 0;
  std::optional<double> spike_rate_per_h;
  std::vector<std::pair<std::string, int>> patterns;  ///< types with episodes
  /// "normal", "abnormal" or "undetermined" (nothing abnormal, but not all judged)
  std::string verdict = "abnormal";
  [[nodiscard]] bool normal() const { return verdict == "normal"; }
  std::string reference;
  std::vector<std::string> abnormal;  ///< findings beyond the reference
  std::vector<std::string> unknown;   ///< what could not be judged (layout 1.1)
  std::string eeg_grade_support;
  std::vector<std::string> active_treatments;
};

struct CourseFlag {
  double day = 0.0;
  std::string kind;
  std::string message;
  std::vector<std::string> evidence;
};

struct FollowupData {
  std::string layout_version;
  std::string eegtrack_version;
  std::string patient;  ///< pseudonymous id from the course file
  std::string infusion;
  std::string product;
  std::vector<GradedAssessment> assessments;
  std::vector<TreatmentBar> treatments;
  std::vector<LabIndices> labs;
  std::vector<CarTPoint> car_t;
  std::vector<CourseEpisode> episodes;   ///< ICANS then CRS
  std::vector<RecordingRow> recordings;  ///< by day
  std::vector<CourseFlag> flags;
  std::optional<double> spearman_rho;
  int rank_pairs = 0;
  std::string concordance_note;
  std::string reference;  ///< "baseline" or "adult limits"
  nlohmann::json parameters = nlohmann::json::object();
};

/// The follow-up in a parsed <patient>.followup.json; `source` is only named in errors.
/// @throws FollowupInputError naming the source and the field for a missing or malformed field
///         or a layout other than 1.x.
[[nodiscard]] FollowupData followup_from_json(const nlohmann::json& followup,
                                              const std::string& source);

}  // namespace eegtrack::report
