#include "eegtrack/evaluation/detection_table.hpp"

#include <stdexcept>

#include "eegtrack/evaluation/delimited_text.hpp"
#include "parse_number.hpp"

namespace eegtrack::evaluation {

bool is_seizure_event_type(const std::string& event_type) {
  return event_type == "seizure" || event_type.rfind("sz", 0) == 0;
}

DetectionTable parse_events_tsv(const std::string& text, const std::string& source) {
  const auto table = parse_delimited(text, '\t', source);
  const int onset = table.column("onset");
  const int duration = table.column("duration");
  // SzCORE names the event type `eventType`; eegtrack's BIDS events table names it `type`.
  const int type =
      table.column("eventType") >= 0 ? table.column("eventType") : table.column("type");
  const int recording_duration = table.column("recordingDuration");
  for (const auto& [index, name] : {std::pair{onset, "onset"}, std::pair{duration, "duration"},
                                    std::pair{type, "eventType' or 'type"}}) {
    if (index < 0)
      throw std::runtime_error(source + ": no column '" + name + "' in the header");
  }
  DetectionTable out;
  for (const auto& row : table.rows) {
    const auto at = [&](const char* field) {
      return source + " line " + std::to_string(row.line) + ", field '" + field + "'";
    };
    if (recording_duration >= 0 && row.cells[recording_duration] != "n/a" &&
        !row.cells[recording_duration].empty())
      out.recording_duration_s =
          parse_seconds(row.cells[recording_duration], at("recordingDuration"));
    if (!is_seizure_event_type(row.cells[type]))
      continue;
    const double start = parse_seconds(row.cells[onset], at("onset"));
    out.seizures.push_back({start, start + parse_seconds(row.cells[duration], at("duration"))});
  }
  return out;
}

}  // namespace eegtrack::evaluation
