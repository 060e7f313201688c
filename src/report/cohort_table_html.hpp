#pragma once

// Private to the cohort report: its table of recordings, one row per cohort row, with short
// headings, numbers rounded for reading and values beyond the adult limits marked.

#include <string>

#include "cohort_cells.hpp"
#include "eegtrack/report/cohort_report.hpp"

namespace eegtrack::report::detail {

/// The table and the note under it (which columns were left out, in which order the rows go).
[[nodiscard]] std::string cohort_table_html(const CohortReportInput& in, const CohortCells& cells);

}  // namespace eegtrack::report::detail
