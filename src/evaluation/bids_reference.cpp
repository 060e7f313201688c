#include "eegtrack/evaluation/bids_reference.hpp"

#include <stdexcept>

#include "eegtrack/evaluation/detection_table.hpp"

namespace eegtrack::evaluation {

ReferenceRecording reference_from_bids_events(const std::string& text, const std::string& file_name,
                                              const std::string& source) {
  const std::string suffix = "_events.tsv";
  if (file_name.rfind("sub-", 0) != 0 || file_name.size() <= suffix.size() ||
      !file_name.ends_with(suffix))
    throw std::runtime_error(source + ": not a BIDS events table (sub-<label>_..._events.tsv)");
  const std::string entities = file_name.substr(0, file_name.size() - suffix.size());
  ReferenceRecording r;
  r.file = entities + "_eeg.edf";
  r.patient = entities.substr(0, entities.find('_'));
  r.seizures = parse_events_tsv(text, source).seizures;
  r.kind = r.seizures.empty() ? RecordingKind::Interictal : RecordingKind::Ictal;
  return r;
}

}  // namespace eegtrack::evaluation
