#pragma once

#include <string>

#include "eegtrack/evaluation/reference_table.hpp"

namespace eegtrack::evaluation {

/// One recording of a BIDS dataset annotated as SzCORE asks, from its events table
/// `sub-<label>[_ses-<label>]..._events.tsv` (columns `onset`, `duration`, `eventType`): the
/// seizures are its `sz...` events (`bckg` and others are background); the patient is
/// `sub-<label>`; the recording is the EEG file beside it, `<same entities>_eeg.edf`; the kind
/// is ictal when it holds a seizure and interictal otherwise.
/// @throws std::runtime_error naming `source` when the name is not `sub-..._events.tsv` or the
/// table is malformed.
[[nodiscard]] ReferenceRecording reference_from_bids_events(const std::string& text,
                                                            const std::string& file_name,
                                                            const std::string& source);

}  // namespace eegtrack::evaluation
