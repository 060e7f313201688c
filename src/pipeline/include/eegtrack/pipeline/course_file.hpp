#pragma once
// The course file of `eegtrack followup` (YAML, one per patient, edited by hand; schema in
// docs/course-file.md) read into a clinical::Course. Every problem is an error that names the
// file, the line and the field; nothing is guessed.

#include <cstddef>
#include <filesystem>
#include <string>

#include "eegtrack/clinical/course.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::pipeline {

/// A course file that cannot be used: "course.yaml: line 14: assessments[1].ice: 11 is out of
/// range 0-10". A file problem like a bad EDF (exit status 1 in the CLI).
class CourseFileError : public io::EdfError {
 public:
  CourseFileError(const std::filesystem::path& path, std::size_t line, const std::string& field,
                  const std::string& problem);
  [[nodiscard]] std::size_t line() const noexcept { return line_; }  ///< 1-based; 0 = whole file
  [[nodiscard]] const std::string& field() const noexcept { return field_; }

 private:
  std::size_t line_;
  std::string field_;
};

/// Reads and checks a course file: unknown keys, values out of range, ICE items that disagree
/// with the total, missing or unknown units, CAR-T counts before the infusion, treatments that
/// stop before they start, malformed times, and EEG files that do not exist or whose header
/// cannot be read. EEG paths are resolved relative to the course file's folder; assessments and
/// labs are sorted by time.
/// @throws CourseFileError naming the file, the line and the field.
[[nodiscard]] clinical::Course read_course_file(const std::filesystem::path& path);

}  // namespace eegtrack::pipeline
