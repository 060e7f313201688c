#include "eegtrack/detect/rhythm/rhythm_criteria_params.hpp"

#include <cmath>
#include <string>

#include "eegtrack/dsp/require.hpp"

namespace eegtrack::detect {

void validate(const RhythmCriteriaParams& p, std::string_view where, std::string_view member) {
  const auto check = [&](bool ok, const char* field, double v, const char* rule) {
    dsp::require(ok, where, std::string(member) + field, v, rule);
  };
  const auto positive = [&](const char* field, double v) {
    check(v > 0.0 && std::isfinite(v), field, v, "must be finite and > 0");
  };
  positive("step_s", p.step_s);
  check(p.window_s >= p.step_s && std::isfinite(p.window_s), "window_s", p.window_s,
        "must be finite and >= step_s");
  check(p.min_rhythmicity >= 0.0 && p.min_rhythmicity <= 1.0, "min_rhythmicity", p.min_rhythmicity,
        "must be in [0, 1]");
  positive("min_frequency_hz", p.min_frequency_hz);
  check(p.max_frequency_hz > p.min_frequency_hz && std::isfinite(p.max_frequency_hz),
        "max_frequency_hz", p.max_frequency_hz, "must be finite and > min_frequency_hz");
  positive("absolute_rms_uv", p.absolute_rms_uv);
  positive("relative_amplitude", p.relative_amplitude);
  check(p.background_s >= p.step_s && std::isfinite(p.background_s), "background_s", p.background_s,
        "must be finite and >= step_s");
  check(p.background_warmup_s >= 0.0 && std::isfinite(p.background_warmup_s), "background_warmup_s",
        p.background_warmup_s, "must be finite and >= 0");
}

}  // namespace eegtrack::detect
