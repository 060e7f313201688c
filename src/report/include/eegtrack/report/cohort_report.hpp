#pragma once
// The cohort report (docs/report.md): every recording of a batch's OUTDIR on one page, from the
// cohort table (cohort.tsv) and its sidecar (cohort.json) alone: how many were analysed and how
// many failed, the encephalopathy index of each against its slowing grade, and the table with
// the values beyond the adult limits marked, each recording linked to its report when one exists.

#include <cstddef>
#include <string>
#include <vector>

namespace eegtrack::report {

/// One column of the cohort table, as its sidecar describes it.
struct CohortColumn {
  std::string name;  ///< "encephalopathy_index", or a manifest's own column ("day")
  std::string units;
  std::string description;
};

struct CohortReportInput {
  std::string source;                          ///< the batch folder, as named on the command line
  std::string eegtrack_version;                ///< of the run that wrote the table
  std::vector<CohortColumn> columns;           ///< in the table's order
  std::vector<std::vector<std::string>> rows;  ///< cells as written; "n/a" when none
  std::size_t parameter_sets = 0;              ///< distinct parameter sets (cohort.json)
  std::vector<std::string> recording_links;    ///< per row: its report, relative, or ""
};

/// The report as one self-contained HTML document. Columns it knows (status, duration_s,
/// pdr_hz, encephalopathy_index, slowing_grade, ...) are formatted and marked; any other column
/// is shown as written.
[[nodiscard]] std::string render_cohort_report(const CohortReportInput& input);

}  // namespace eegtrack::report
