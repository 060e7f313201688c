#pragma once

#include <cstdint>
#include <string>

namespace eegtrack::io {

/// One EDF+ annotation from a TAL: onset in seconds from the recording start (the sub-second
/// start offset already applied), duration in seconds (0 if none), UTF-8 text.
struct Annotation {
  double onset_s = 0.0;
  double duration_s = 0.0;
  std::string text;
};

/// A stretch of contiguous data records. Plain EDF and EDF+C files have exactly one; EDF+D files
/// have one per gap-free run of records, with the true onset from the time-keeping TALs.
struct Segment {
  double onset_s = 0.0;  ///< true time of the first sample, seconds from the recording start
  double duration_s = 0.0;
  std::int64_t first_record = 0;
  std::int64_t n_records = 0;
};

}  // namespace eegtrack::io
