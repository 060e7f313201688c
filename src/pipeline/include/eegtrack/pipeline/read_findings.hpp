#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::pipeline {

/// An output that cannot be read back as findings: not JSON or HDF5, not written by eegtrack,
/// a layout version this eegtrack does not know, or a field missing or of the wrong kind. The
/// message names the file and the field ("x.summary.json: background.pdr_hz: expected a
/// number or null"); a file problem like EdfError (exit status 1 in the CLI).
class FindingsFileError : public io::EdfError {
 public:
  FindingsFileError(const std::filesystem::path& path, const std::string& field,
                    const std::string& problem)
      : io::EdfError(path, (field.empty() ? "" : field + ": ") + problem), field_(field) {}
  /// Dotted path of the offending field ("" for the file as a whole).
  [[nodiscard]] const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
};

/// Layouts of summary.json this eegtrack reads, by the "MAJOR.MINOR" of the eegtrack_version
/// that wrote them (summary.json carries no separate layout version).
inline constexpr const char* kSummaryJsonLayouts[] = {"0.1"};

/// The findings of an existing `<stem>.summary.json` written by `eegtrack analyze`.
/// @throws FindingsFileError naming the file and the field.
[[nodiscard]] findings::RecordingFindings read_findings(const std::filesystem::path& summary_json);

/// The findings stored in an existing `<stem>.h5` (its /summary "json" attribute, the same
/// content as summary.json); the root attribute eegtrack_layout_version must be 1.x.
/// @throws FindingsFileError naming the file and the field.
[[nodiscard]] findings::RecordingFindings read_findings_h5(const std::filesystem::path& store);

/// The findings in a parsed summary.json; `path` is only named in errors.
/// @throws FindingsFileError naming path and the field.
[[nodiscard]] findings::RecordingFindings findings_from_summary_json(
    const nlohmann::json& summary, const std::filesystem::path& path);

}  // namespace eegtrack::pipeline
