#pragma once
// Private: the flag rules of fuse(), over recordings already checked and paired.

#include <vector>

#include "eegtrack/clinical/fusion.hpp"

namespace eegtrack::clinical::detail {

/// Every flag of the course, sorted by day (docs/followup.md, flags).
[[nodiscard]] std::vector<Flag> course_flags(const std::vector<TimedRecording>& recordings,
                                             const std::vector<TimedGrade>& grades,
                                             const Fusion& fusion);

}  // namespace eegtrack::clinical::detail
