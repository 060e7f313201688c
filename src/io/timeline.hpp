#pragma once

#include <limits>
#include <vector>

#include "diagnostics.hpp"
#include "eegtrack/io/annotations.hpp"
#include "eegtrack/io/edf_header.hpp"
#include "file_handle.hpp"

namespace eegtrack::io::detail {

/// Everything the annotation signals say, with onsets as written in the TALs (not yet relative
/// to the true start).
struct TalScan {
  /// Onset of the time-keeping TAL of every record; NaN where a record has none.
  std::vector<double> timekeeping_s;
  std::vector<Annotation> annotations;
};

/// Reads the annotation signals of every data record (a few bytes per record, or whole blocks
/// when they make up most of the record) and parses their TALs. TAL problems go to diag with
/// the record and signal index.
[[nodiscard]] TalScan scan_tals(const FileHandle& file, const Header& header, Diagnostics& diag);

/// Time axis of a recording: true record onsets, gap-free segments and annotations, all in
/// seconds from the true start (header start + sub-second offset).
struct Timeline {
  std::vector<double> record_onsets_s;
  std::vector<Segment> segments;
  std::vector<Annotation> annotations;
};

/// Builds the timeline and stores the sub-second start in header.start. Records whose onsets
/// drift from the segment's grid by more than half a sample period of the fastest data signal
/// start a new segment (see docs/edf-reader.md).
[[nodiscard]] Timeline build_timeline(const FileHandle& file, Header& header, Diagnostics& diag);

}  // namespace eegtrack::io::detail
