#pragma once

// A de-identified copy of a recording, for sharing it: the identity fields of the header are
// blanked or replaced by a pseudonym, the start date is shifted by a whole number of days and
// names, dates and ids in EDF+ annotation texts are overwritten with 'X'. Nothing else changes:
// samples are copied byte for byte and TAL onsets (relative to the start) are untouched, so the
// copy reads the same samples and annotation times as the original, at the shifted date.

#include <filesystem>
#include <string>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {

struct AnonymizeOptions {
  int shift_days = 0;     ///< added to the start date (negative: earlier)
  std::string pseudonym;  ///< stands for the patient; empty: "X" (unknown, EDF+ spec)
  /// false (default): EDF+/BDF+ annotation texts are masked in place (masked_annotation: every
  /// byte of a name, date or id becomes 'X', the byte length and so every other byte stays).
  bool keep_annotation_texts = false;
};

/// Writes the de-identified copy of `input` (EDF, EDF+, BDF, BDF+) to `output`:
///  - patient field: EDF+/BDF+ "<pseudonym or X> X X X" (code, sex, birth date, name: the
///    spec's 'X' for unknown); EDF/BDF "<pseudonym or X>";
///  - recording field: EDF+/BDF+ "Startdate <shifted dd-MMM-yyyy> X X X" (admin code,
///    technician, equipment unknown); EDF/BDF "X";
///  - startdate: shifted by options.shift_days; start time of day unchanged;
///  - annotation texts masked in place unless options.keep_annotation_texts;
///  - every other byte, header and data records, unchanged.
/// The input is read and validated first (an unreadable input is refused, not copied). The copy
/// is written beside `output` under a temporary name and renamed, so `output` is never half
/// written. Returns the start of the copy.
/// @throws UsageError for a pseudonym that is not 1-40 printable ASCII characters without
/// blanks, a shifted date outside 1985-2084 (the years EDF can store) or an output that is the
/// input; EdfError naming the file when the input is unreadable or the output cannot be written.
StartTime anonymize_recording(const std::filesystem::path& input,
                              const std::filesystem::path& output, const AnonymizeOptions& options);

}  // namespace eegtrack::io
