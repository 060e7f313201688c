#pragma once
// The detected events as an annotation-only EDF+ file (docs/events-and-tables.md §4), the
// form in which EDFbrowser exports and imports annotations: open the recording, then Tools >
// Import annotations > EDF+ and choose <stem>.events.edf. EDFbrowser places the annotations by
// the start date and time of the two files, so the file carries the recording's start; it
// carries nothing else of the recording's header (patient and recording fields are "X").

#include <filesystem>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::exports {

/// Prefix of every annotation text: a reader who imports the file next to the recording's own
/// annotations sees which ones are eegtrack's detections.
inline constexpr const char* kAnnotationPrefix = "eegtrack ";

/// The annotation text of an event: the prefix, the type, the repetition frequency when there
/// is one (" 2.5 Hz", one decimal), and the focus electrode, or else the side when it is left,
/// right or bilateral: "eegtrack seizure 2.7 Hz T7", "eegtrack GRDA 2.0 Hz",
/// "eegtrack spike F8", "eegtrack LPD 1.5 Hz left". Bytes other than printable ASCII become '?',
/// and the text is cut to io::kMaxWriteAnnotationBytes (the most EDFlib writes).
[[nodiscard]] std::string annotation_text(const detect::Event& event);

/// Text of the one annotation of a recording without events, spanning the recording: an
/// EDF+ file needs a data record, which EDFlib writes only for an annotation, and the reader
/// of the recording sees that it was analysed and nothing was found (or that the detectors
/// were switched off).
inline constexpr const char* kNoEventsText = "eegtrack no events";
inline constexpr const char* kDetectionOffText = "eegtrack detection off";

/// Writes `events` to `path` as an annotation-only EDF+ file starting at `start` (the
/// recording's start, sub-second part included): one annotation per event, onset and
/// duration in seconds from the recording's first sample (EDF+ resolution 100 µs). Without
/// events, one annotation from 0 to `recording_duration_s`: kNoEventsText, or
/// kDetectionOffText when `detection_ran` is false. Written beside `path` and renamed, so a
/// reader never sees half a file. A start outside the years EDF holds (1985-2084), such as a
/// de-identified start shifted back before 1985, is written as EDF+'s clipping date 01.01.85
/// with its time of day; the onsets are unchanged.
/// @throws io::EdfError naming the file when it cannot be written.
void write_events_edf(const std::filesystem::path& path, const std::vector<detect::Event>& events,
                      const io::StartTime& start, double recording_duration_s,
                      bool detection_ran = true);

}  // namespace eegtrack::exports
