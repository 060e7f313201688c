#pragma once
// A patient's course made pseudonymous for `eegtrack followup --deidentify` (docs/followup.md,
// docs/robustness.md "Identity protection"): what the follow-up writes from the course file
// carries the patient's pseudonym instead of the course's patient id (which may be a name), the
// recordings' pseudonyms instead of their file names, and every calendar time shifted by the
// patient's days, so that days after the infusion, durations and intervals stay exact.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eegtrack/clinical/course.hpp"
#include "eegtrack/pipeline/deidentify.hpp"

namespace eegtrack::pipeline {

/// How one course is de-identified under one key.
struct CourseDeidentification {
  std::string patient;  ///< patient_pseudonym(key, course.patient)
  int shift_days = 0;   ///< deidentification(key, ..., course.patient).shift_days
  /// Per recording of the course (same order): the pseudonym `analyze --deidentify` gives the
  /// file, deidentification(key, base name, course.patient).pseudonym, which names its outputs.
  std::vector<std::string> recording_pseudonyms;
  /// Text found in free text and what replaces it, longest first: the patient id by the
  /// patient's pseudonym, each recording's base name by its pseudonym plus extension and its
  /// stem by its pseudonym.
  std::vector<std::pair<std::string, std::string>> replacements;
};

[[nodiscard]] CourseDeidentification course_deidentification(const clinical::Course& course,
                                                             const DeidentifyKey& key);

/// Free text of the course file (labels, notes, sedation, product) with every replacement of
/// `d` made where its text stands as a whole word (ASCII case ignored; no letter or digit
/// touching it) and every ISO date YYYY-MM-DD in it shifted by d.shift_days. Other date forms
/// and parts of names in free text are not recognised.
[[nodiscard]] std::string deidentified_text(std::string_view text, const CourseDeidentification& d);

/// The course as the de-identified follow-up writes it: `patient` is the pseudonym; infusion,
/// recording, assessment, treatment, lab and CAR-T times are shifted by d.shift_days; labels,
/// notes, sedation and product pass through deidentified_text, and a label that was the file's
/// name (the default) becomes the recording's pseudonym plus extension. Recording `file` paths
/// are kept: they are the inputs, never written out.
[[nodiscard]] clinical::Course deidentified_course(const clinical::Course& course,
                                                   const CourseDeidentification& d);

}  // namespace eegtrack::pipeline
