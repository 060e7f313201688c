#pragma once
// The course of a patient on one axis of days after infusion, like the timeline figures of
// case reports: ICANS and CRS grades as steps, treatments as bars with their names and doses,
// CAR-T counts, log2 EASIX and m-EASIX, and the EEG recordings as markers of their
// encephalopathy index, PDR and relative delta (green normal, orange abnormal, ringed red when
// a seizure was detected). ICANS episodes are shaded across every panel and the fusion's flags
// are numbered lines (the numbers of the flag table).

#include <string>
#include <string_view>

#include "eegtrack/report/followup_data.hpp"

namespace eegtrack::report {

/// "1 g q24h", "8 mg/kg", "" without a dose.
[[nodiscard]] std::string dose_text(const TreatmentBar& treatment);

/// The course figure as an <svg> element.
[[nodiscard]] std::string course_figure(const FollowupData& data, std::string_view id);

}  // namespace eegtrack::report
