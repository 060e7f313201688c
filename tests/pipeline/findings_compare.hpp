#pragma once
// Field-by-field comparison of two RecordingFindings as GoogleTest expectations, so a failed
// round trip names the field that changed. Doubles compare exactly (NaN equals NaN): JSON
// keeps every bit of a finite double.

#include "eegtrack/findings/recording_findings.hpp"

namespace eegtrack::test {

void expect_same_findings(const findings::RecordingFindings& expected,
                          const findings::RecordingFindings& actual);

}  // namespace eegtrack::test
