#pragma once

#include <string>

#include "diagnostics.hpp"
#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io::detail {

/// Parses the header startdate "dd.mm.yy" and starttime "hh.mm.ss" (two-digit years pivot at
/// 1985). Other separators are accepted with a deviation.
/// @throws EdfError when the digits do not parse or are out of range.
[[nodiscard]] StartTime parse_start_time(Diagnostics& diag, const std::string& date,
                                         const std::string& time);

/// EDF+/BDF+ only: checks the subfields of the patient and recording identification and, when
/// the recording field carries "Startdate dd-MMM-yyyy" consistent with the header date, takes
/// its four-digit year (the header's two digits cannot express years after 2084).
void check_plus_identification(Diagnostics& diag, const std::string& patient,
                               const std::string& recording, StartTime& start);

/// start moved forward by seconds (>= 0), whole seconds carried into the calendar fields and the
/// remainder stored in subsecond_s.
[[nodiscard]] StartTime shifted_start(const StartTime& start, double seconds);

}  // namespace eegtrack::io::detail
