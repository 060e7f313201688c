#pragma once
// The summary box of the recording report and its tables: the numbers a reader wants first,
// each with how it was obtained, and the events and channels in full.

#include <string>

#include "eegtrack/findings/recording_findings.hpp"

namespace eegtrack::report {

/// The summary box: duration and quality, PDR (or "absent" with the reason), slowing grade and
/// distribution with the rules that fired, encephalopathy index with its interval, relative
/// band powers, spike rate (or why there is none), seizures, patterns, continuity, symmetry.
[[nodiscard]] std::string summary_box_html(const findings::RecordingFindings& findings);

/// The table of events with onset (s from the start and clock time), duration, type, side,
/// region, focus, frequency, confidence, channels and modifiers; `page_of_event[i]` is the id of
/// the EEG page showing event i, or "" (a link is made when it is not empty).
[[nodiscard]] std::string event_table_html(const findings::RecordingFindings& findings,
                                           const std::vector<std::string>& page_of_event);

/// The analysed channels with their site and share of rejected epochs; bad channels marked.
[[nodiscard]] std::string channel_table_html(const findings::RecordingFindings& findings);

}  // namespace eegtrack::report
