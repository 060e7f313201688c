#pragma once
// ASTCT consensus grades of one bedside assessment (Lee et al. 2019; docs/clinical-background.md
// §1): ICANS for adults, the worst of five domains, and CRS, the worse of hypotension and
// oxygen given fever. Each grade names the domain(s) that set it, so a reader can check it.

#include <string>
#include <vector>

#include "eegtrack/clinical/course.hpp"

namespace eegtrack::clinical {

/// A grade 0-4 with the domains at that grade ("ICE 2", "consciousness: unarousable", ...)
/// and notes on what could not be scored.
struct Grade {
  int grade = 0;
  /// False when no domain could be scored (e.g. sedated, ICE not tested, nothing else found):
  /// the grade is then unknown, not 0, and episodes and comparisons skip the assessment.
  bool assessable = true;
  std::vector<std::string> deciding;  ///< empty at grade 0
  std::vector<std::string> notes;     ///< "consciousness not scored: sedated", ...
};

/// ICANS grade of an adult assessment:
/// - ICE 7-9 grade 1, 3-6 grade 2, 0-2 grade 3; ICE 0 is grade 4 only when the patient is
///   unarousable (consciousness domain), so an awake patient with ICE 0 is grade 3;
/// - consciousness: awake 0 (alert), voice 2, tactile 3, unarousable 4; not scored when
///   `sedated` (the depression has another cause);
/// - seizure: a clinical or nonconvulsive seizure that resolved 3, prolonged (> 5 min) or
///   repetitive without return to baseline 4;
/// - deep focal motor weakness 4; edema focal 3, diffuse 4.
/// Tremor, myoclonus and intracranial haemorrhage are not ICANS domains and have no input.
/// Not assessable when there is no ICE, consciousness is absent or not scored, and the
/// seizure, motor and edema domains are all negative.
[[nodiscard]] Grade icans_grade(const Assessment& a);

/// True for drugs after which CRS is graded without fever (ASTCT: antipyretic or anticytokine
/// therapy such as tocilizumab or steroids): tocilizumab, siltuximab, anakinra,
/// dexamethasone, methylprednisolone, prednisone, prednisolone, hydrocortisone.
[[nodiscard]] bool waives_fever(const std::string& drug);

/// CRS grade: fever (>= 38.0 °C) is required unless a drug that waives it was started at or
/// before the assessment (`fever_waived`); then fever alone is grade 1 and the grade is the
/// worse of hypotension (no vasopressor 2, one 3, several 4) and oxygen (low flow 2, high flow
/// 3, positive pressure 4). Without fever and without a waiving drug, hypotension and hypoxia
/// are not CRS (grade 0, with a note). Not assessable without a temperature, hypotension or
/// oxygen entry.
[[nodiscard]] Grade crs_grade(const Assessment& a, bool fever_waived);

/// crs_grade with fever_waived from the course's treatments started at or before `a.at`.
[[nodiscard]] Grade crs_grade(const Assessment& a, const std::vector<Treatment>& treatments);

}  // namespace eegtrack::clinical
