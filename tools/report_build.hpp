#pragma once
// The reports from the outputs of analyze and followup (docs/report.md): reads the findings,
// the feature stores and, when the recording is at hand, the EEG of the pages and the header's
// identity, and writes the HTML (src/report draws it).

#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::cli {

/// How a report is made.
struct ReportRequest {
  bool show_identity = false;  ///< identifying header fields (needs the recording)
  /// Recordings at hand: a recording report draws its EEG pages from the one whose SHA-256
  /// matches; a follow-up report links each recording to it.
  std::vector<std::filesystem::path> recordings;
  std::string subject;        ///< pseudonymous id shown on a recording report, may be empty
  std::string label;          ///< the course's label of the recording, may be empty
  std::string day;            ///< "day 40.0 after infusion", may be empty
  std::string followup_link;  ///< relative link from a recording report to its follow-up
};

/// The recording report of an analyze output (<stem>.summary.json, with <stem>.h5 beside it)
/// written to `html`. @throws pipeline::FindingsFileError or io::EdfError naming the file;
/// io::UsageError when identity is asked for without the recording.
void write_recording_report(const std::filesystem::path& summary_json,
                            const std::filesystem::path& html, const ReportRequest& request);

/// The follow-up report of <patient>.followup.json (recordings' stores in recordings/ beside
/// it) written to `html`. With `recording_reports`, each recording found among
/// request.recordings also gets its recording report, recordings/<stem>.report.html beside the
/// follow-up, linked from the table. Returns the recording reports written.
std::vector<std::filesystem::path> write_followup_report(const std::filesystem::path& followup_json,
                                                         const std::filesystem::path& html,
                                                         const ReportRequest& request,
                                                         bool recording_reports);

/// What INPUT of `eegtrack report` names: a follow-up or a recording's summary, found in a
/// directory when INPUT is one, or a batch's OUTDIR (a directory holding cohort.tsv, or that
/// file). @throws io::UsageError naming INPUT when it holds none or more than one.
struct ReportInput {
  std::filesystem::path file;  ///< the batch's OUTDIR for a cohort
  bool followup = false;
  bool cohort = false;
};
[[nodiscard]] ReportInput resolve_report_input(const std::filesystem::path& input);

}  // namespace eegtrack::cli
