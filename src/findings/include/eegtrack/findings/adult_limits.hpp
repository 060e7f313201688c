#pragma once
// Adult limits of the background measures (docs/normal-limits.md): the largest value of the
// healthy rest recordings bundled with eegtrack, rounded up, and the PDR floor of the published
// adult norms. The follow-up judges a recording that has no baseline against them
// (clinical::NormalLimits) and the recording report marks the values beyond them, so both say
// "abnormal" of the same values.

namespace eegtrack::findings {

inline constexpr double kAdultMinPdrHz = 8.0;
inline constexpr double kAdultMaxRelativeDelta = 0.35;
inline constexpr double kAdultMaxEncephalopathyIndex = 0.15;

}  // namespace eegtrack::findings
