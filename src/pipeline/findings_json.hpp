#pragma once
// Private: the parts of summary.json written from the findings, and their inverse.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/findings/recording_findings.hpp"
#include "json_field.hpp"

namespace eegtrack::pipeline::detail {

/// An absent value is written as null.
[[nodiscard]] inline nlohmann::json number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

/// Writes a result of the epileptiform detectors: null when they did not run (analysed_s 0),
/// where a 0 would read as "none found".
struct DetectorResultJson {
  bool detectors_ran;
  [[nodiscard]] nlohmann::json operator()(nlohmann::json value) const {
    return detectors_ran ? std::move(value) : nlohmann::json(nullptr);
  }
};

/// summary.json "background": PDR, band powers, ratios, SEF, BSI, suppression, index, medians.
[[nodiscard]] nlohmann::json background_json(const findings::RecordingFindings& f);
/// summary.json "regions": band powers and asymmetry per region, keyed by region name.
[[nodiscard]] nlohmann::json regions_json(const findings::RecordingFindings& f);
/// summary.json "slowing": grade, distribution, focus, pairs, criteria, index components.
[[nodiscard]] nlohmann::json slowing_json(const findings::RecordingFindings& f);

/// Inverses of the above; `bands` are the analysis band names in order (parameters.bands).
[[nodiscard]] findings::Background background_from_json(const JsonField& background,
                                                        const std::vector<std::string>& bands);
[[nodiscard]] std::vector<findings::RegionFindings> regions_from_json(
    const JsonField& regions, const std::vector<std::string>& bands);
[[nodiscard]] std::optional<findings::Slowing> slowing_from_json(const JsonField& slowing);
[[nodiscard]] findings::Epileptiform epileptiform_from_json(const JsonField& epileptiform);
[[nodiscard]] std::vector<detect::Event> events_from_json(const JsonField& events);

}  // namespace eegtrack::pipeline::detail
