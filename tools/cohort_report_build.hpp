#pragma once
// The cohort report of a batch's OUTDIR (docs/report.md), from its cohort.tsv and cohort.json,
// and on request each analysed recording's own report beside its outputs, linked from the table.

#include <filesystem>
#include <map>
#include <string>

namespace eegtrack::cli {

/// True when `dir` holds a batch's cohort table.
[[nodiscard]] bool holds_cohort_table(const std::filesystem::path& dir);

/// Writes the cohort report of the batch folder `outdir` to `html`. With `recording_reports`,
/// each analysed recording also gets its report, OUTDIR/<key>.report.html, with its EEG pages
/// when `recordings` gives its file by key (the batch's outputs do not say where the recordings
/// are; the batch itself knows); a report present from before is linked too. Returns the number
/// of recording reports written; one that cannot be written is named in a warning on stderr and
/// left out, not linked. @throws io::EdfError naming cohort.tsv or cohort.json when either
/// cannot be read.
std::size_t write_cohort_report(
    const std::filesystem::path& outdir, const std::filesystem::path& html, bool recording_reports,
    const std::map<std::string, std::filesystem::path>& recordings = {});

}  // namespace eegtrack::cli
