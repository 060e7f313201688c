#pragma once
// The recording report (docs/report.md): what one recording showed, for a neurophysiologist to
// read at a glance and check by eye. A summary box, the CDSA per region, band-power trends, the
// left/right asymmetry with the symmetry index and burst suppression, head maps of relative
// delta and spike rate, the event table, an EEG page per seizure, pattern and top spike, the
// channels' quality, and every parameter that produced the numbers with the input's SHA-256.

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/findings/recording_trends.hpp"
#include "eegtrack/report/eeg_page.hpp"
#include "eegtrack/report/eeg_page_selection.hpp"
#include "eegtrack/report/identity.hpp"

namespace eegtrack::report {

/// One EEG page: which event and window, and the traces read for it.
struct EegPage {
  PageRequest request;
  EegTraces traces;
};

/// Everything the recording report draws; texts are as they came from the files (the report
/// escapes them).
struct RecordingReportInput {
  findings::RecordingFindings findings;
  std::string file_name;   ///< base name of the recording
  std::string subject;     ///< pseudonymous id (a follow-up's patient), may be empty
  std::string label;       ///< the course's label of the recording ("day 40 relapse"), may be empty
  std::string day;         ///< "day 40.0 after infusion", may be empty
  bool simulated = false;  ///< a simulated recording (the demo patient): said on the page
  std::optional<findings::RecordingTrends> trends;
  std::string trends_note;  ///< why there are no trends (no feature store), shown in their place
  std::vector<EegPage> pages;
  std::string pages_note;            ///< why there are no EEG pages (no recording given), or ""
  std::optional<Identity> identity;  ///< only when asked for
  std::string followup_link;         ///< relative link to the follow-up report, may be empty
};

/// The report as one self-contained HTML document.
[[nodiscard]] std::string render_recording_report(const RecordingReportInput& input);

}  // namespace eegtrack::report
