#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::io {

/// One Time-stamped Annotation List: "+onset[\x15duration]\x14text\x14...\x14\x00".
struct Tal {
  double onset_s = 0.0;  ///< as written, relative to the header start time
  double duration_s = 0.0;
  bool has_duration = false;
  std::vector<std::string> texts;  ///< UTF-8; the time-keeping TAL has an empty first text
};

/// TALs of one annotation signal in one data record, plus a note for every spec violation met
/// (the caller adds the record/signal location).
struct TalParse {
  std::vector<Tal> tals;
  std::vector<std::string> problems;
  bool missing_nul = false;  ///< a TAL started right after the previous one's 0x14 (repaired)
  bool dropped_onset_text = false;  ///< a text that was only an onset time was dropped
};

/// Parses the bytes of an annotation signal of one data record. Tolerant: a TAL that follows
/// the previous one's final 0x14 without the 0x00 separator (Nihon Kohden exports) is split off
/// as a new TAL; malformed TALs are skipped up to the next 0x00; texts that are not valid UTF-8
/// are read as Latin-1; a text that is only an onset time ("+2.000000", written by Nihon Kohden
/// exports) is dropped. Unused bytes (0x00 padding) are ignored.
[[nodiscard]] TalParse parse_tals(std::string_view bytes);

}  // namespace eegtrack::io
