#include "eegtrack/clinical/normalization.hpp"

#include <cmath>

#include "fixed_text.hpp"

namespace eegtrack::clinical {
namespace {

// The value must not exceed `limit`; a missing value is an unknown of its own. Against a
// baseline, the reason also gives the baseline's value: the limit is the top of its interval
// (plus a resolution), which a reader could not otherwise tell from the baseline itself.
void at_most(const Estimate& e, std::optional<double> limit, const std::string& name,
             NormalityCheck& c, const Estimate* baseline = nullptr) {
  if (!e.value) {
    c.unknown.push_back(name + " not computed");
  } else if (limit && *e.value > *limit) {
    std::string reason =
        name + " " + detail::fixed_text(*e.value, 2) + " > " + detail::fixed_text(*limit, 2);
    if (baseline != nullptr && baseline->value)
      reason += " (baseline " + detail::fixed_text(*baseline->value, 2) + ")";
    c.abnormal.push_back(std::move(reason));
  }
}

// Without detection a count of 0 means "not looked at", not "none": like a measure that
// could not be computed, it is an unknown, so that `followup --no-detect` never calls a
// recording normal on its background alone.
void no_patterns(const EegMeasures& m, const EegMeasures* baseline, NormalityCheck& c) {
  if (!detectors_ran(m)) {
    c.unknown.push_back(m.detection_requested
                            ? "epileptiform: not analysed (nothing the detectors could read)"
                            : "epileptiform detection not run");
    return;
  }
  if (m.seizure_count > 0 && (baseline == nullptr || baseline->seizure_count == 0))
    c.abnormal.push_back(std::to_string(m.seizure_count) + " seizure(s)");
  for (std::size_t i = 0; i < m.patterns.size(); ++i) {
    const auto& p = m.patterns[i];
    const bool in_baseline =
        baseline != nullptr && i < baseline->patterns.size() && baseline->patterns[i].episodes > 0;
    if (p.episodes > 0 && !in_baseline)
      c.abnormal.push_back(std::string(detect::to_string(p.type)) + " (" +
                           std::to_string(p.episodes) + " episode(s))");
  }
}

// A focus of slowing is no normal finding, even beside a normal background (the diffuse grade
// may be "none"); against a baseline, only a focus it did not have on the same side counts.
void no_new_focus(const EegMeasures& m, const EegMeasures* baseline,
                  std::vector<std::string>& abnormal) {
  if (m.slowing_distribution != features::SlowingDistribution::Focal)
    return;
  const bool in_baseline = baseline != nullptr &&
                           baseline->slowing_distribution == features::SlowingDistribution::Focal &&
                           baseline->slowing_side == m.slowing_side;
  if (in_baseline)
    return;
  std::string where = m.slowing_side ? sites::to_string(*m.slowing_side) : "";
  if (m.slowing_region)
    where += (where.empty() ? "" : " ") + std::string(sites::to_string(*m.slowing_region));
  abnormal.push_back(where.empty() ? "focal slowing" : "focal slowing (" + where + ")");
}

std::optional<double> top(const Estimate& e, double resolution) {
  const auto t = e.high ? e.high : e.value;
  return t ? std::optional<double>(*t + resolution) : std::nullopt;
}
std::optional<double> bottom(const Estimate& e) {
  return e.low ? e.low : e.value;
}

}  // namespace

const char* to_string(NormalReference reference) noexcept {
  return reference == NormalReference::Baseline ? "baseline" : "adult limits";
}

const char* verdict_word(const NormalityCheck& check) noexcept {
  if (check.normal)
    return "normal";
  return check.abnormal.empty() && !check.unknown.empty() ? "undetermined" : "abnormal";
}

NormalityCheck check_against_limits(const EegMeasures& m, const NormalLimits& limits) {
  NormalityCheck c;
  c.reference = NormalReference::AdultLimits;
  if (!m.pdr_hz.value)
    c.abnormal.push_back("PDR absent");
  else if (*m.pdr_hz.value < limits.min_pdr_hz)
    c.abnormal.push_back("PDR " + detail::fixed_text(*m.pdr_hz.value, 1) + " Hz < " +
                         detail::fixed_text(limits.min_pdr_hz, 1) + " Hz");
  at_most(m.relative_delta, limits.max_relative_delta, "relative delta", c);
  at_most(m.encephalopathy_index, limits.max_encephalopathy_index, "encephalopathy index", c);
  no_new_focus(m, nullptr, c.abnormal);
  no_patterns(m, nullptr, c);
  c.normal = c.abnormal.empty() && c.unknown.empty();
  return c;
}

NormalityCheck check_against_baseline(const EegMeasures& m, const EegMeasures& baseline) {
  NormalityCheck c;
  c.reference = NormalReference::Baseline;
  if (baseline.pdr_hz.value) {
    const double floor = *bottom(baseline.pdr_hz) - kPdrResolutionHz;
    if (!m.pdr_hz.value)
      c.abnormal.push_back("PDR absent (baseline " + detail::fixed_text(*baseline.pdr_hz.value, 1) +
                           " Hz)");
    else if (*m.pdr_hz.value < floor)
      c.abnormal.push_back("PDR " + detail::fixed_text(*m.pdr_hz.value, 1) + " Hz < " +
                           detail::fixed_text(floor, 1) + " Hz (baseline " +
                           detail::fixed_text(*baseline.pdr_hz.value, 1) + " Hz)");
  }
  at_most(m.relative_delta, top(baseline.relative_delta, kRelativePowerResolution),
          "relative delta", c, &baseline.relative_delta);
  at_most(m.encephalopathy_index, top(baseline.encephalopathy_index, kIndexResolution),
          "encephalopathy index", c, &baseline.encephalopathy_index);
  no_new_focus(m, &baseline, c.abnormal);
  no_patterns(m, &baseline, c);
  c.normal = c.abnormal.empty() && c.unknown.empty();
  return c;
}

Change compare(const Estimate& before, const Estimate& after) {
  Change c;
  if (!before.value || !after.value)
    return c;
  c.difference = *after.value - *before.value;
  if (before.low && before.high && after.low && after.high) {
    const double hb = 0.5 * (*before.high - *before.low);
    const double ha = 0.5 * (*after.high - *after.low);
    c.beyond_variability = std::abs(*c.difference) > std::sqrt(hb * hb + ha * ha);
  }
  return c;
}

}  // namespace eegtrack::clinical
