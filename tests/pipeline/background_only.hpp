#pragma once

// Parameters for tests that assert background measures only (grade, PDR, masks, limits,
// intervals): the detectors are switched off. None of those measures reads their findings,
// and the detectors are most of an analysis' time under the sanitizers, where such tests ran a
// sixth of CI's suite; the detectors have their own tests (tests/detect, the CLI tests).

#include "eegtrack/pipeline/analyze_params.hpp"

namespace eegtrack::test {

inline pipeline::AnalyzeParams background_only(pipeline::AnalyzeParams p = {}) {
  p.detection.enabled = false;
  return p;
}

}  // namespace eegtrack::test
