#pragma once
// The follow-up report (docs/report.md): a patient's course after CAR-T therapy on one axis of
// days after infusion with the serial EEG set against it, the fusion's flags with their days, a
// table of every recording with a small CDSA of each, the episodes and the parameters.

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/findings/recording_trends.hpp"
#include "eegtrack/report/followup_data.hpp"
#include "eegtrack/report/identity.hpp"

namespace eegtrack::report {

struct FollowupReportInput {
  FollowupData data;
  /// Per recording (parallel to data.recordings): its per-epoch trends for the CDSA thumbnail,
  /// absent when its feature store could not be read.
  std::vector<std::optional<findings::RecordingTrends>> trends;
  /// Per recording: a relative link to its recording report, or "".
  std::vector<std::string> recording_links;
  bool simulated = false;  ///< the demo patient: said on the page
  std::optional<Identity> identity;
  std::string identity_source;  ///< the file the identity was read from
};

/// The report as one self-contained HTML document.
[[nodiscard]] std::string render_followup_report(const FollowupReportInput& input);

}  // namespace eegtrack::report
