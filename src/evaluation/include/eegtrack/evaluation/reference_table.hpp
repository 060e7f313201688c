#pragma once

#include <string>
#include <vector>

#include "eegtrack/evaluation/recording.hpp"

namespace eegtrack::evaluation {

/// One recording of a reference table, with its annotated seizures.
struct ReferenceRecording {
  std::string file;     ///< as listed, e.g. "chbmit_chb01_03_ictal.edf"
  std::string patient;  ///< "chb01"
  RecordingKind kind = RecordingKind::Ictal;
  std::vector<Interval> seizures{};
};

/// Reads a reference table (CSV, or TSV when the header holds a tab), one row per seizure or
/// per seizure-free recording. Columns, by name, in any order:
/// - `file`: the recording;
/// - `kind`: `ictal` (the row gives a seizure), `postictal` or `shifted60` (a post-ictal window
///   without a seizure), `interictal` (a seizure-free recording of the patient);
/// - `patient`, or else `record` / `chbmit_record` whose part before the first '_' is the
///   patient ("chb01_03.edf" -> "chb01");
/// - `seizure_onset_in_file_s`, `seizure_offset_in_file_s`: seconds from the file start; required
///   on ictal rows, empty on the others.
/// Other columns are ignored. Rows of one file are gathered into one recording, in file order.
/// @throws std::runtime_error naming `source`, the line and the field of any bad input.
[[nodiscard]] std::vector<ReferenceRecording> parse_reference_table(const std::string& text,
                                                                    const std::string& source);

}  // namespace eegtrack::evaluation
