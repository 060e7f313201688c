#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace eegtrack::cli {

/// The follow-up as a compact day-by-day table (day, ICANS, CRS, treatments started, m-EASIX,
/// index, PDR, relative delta, EEG events, flags), then episodes, normalization, concordance and
/// the flags in words. Everything comes from the follow-up JSON, so the terminal and the file
/// cannot disagree.
void print_followup(const nlohmann::json& followup, std::ostream& os);

}  // namespace eegtrack::cli
