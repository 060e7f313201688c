#include "eegtrack/features/continuity.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "eegtrack/features/continuity_analyzer.hpp"

namespace eegtrack::features {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what, double value) {
  std::ostringstream os;
  os << where << ": " << what << " (" << value << ")";
  throw std::invalid_argument(os.str());
}

void require_positive(double v, const char* name) {
  if (!(v > 0.0) || !std::isfinite(v))
    fail("continuity", std::string(name) + " must be finite and > 0", v);
}

}  // namespace

ContinuityParams acns_continuity_params() {
  ContinuityParams p;
  p.definition = SuppressionDefinition::Acns;
  p.threshold_ptp_uv = 10.0;
  p.min_suppression_s = 0.5;
  return p;
}

ContinuityParams bsr_continuity_params() {
  ContinuityParams p;
  p.definition = SuppressionDefinition::Bsr;
  p.threshold_ptp_uv = 10.0;  // ±5 µV
  p.min_suppression_s = 0.5;
  return p;
}

std::string to_string(ContinuityClass c) {
  switch (c) {
    case ContinuityClass::Continuous:
      return "continuous";
    case ContinuityClass::NearlyContinuous:
      return "nearly_continuous";
    case ContinuityClass::Discontinuous:
      return "discontinuous";
    case ContinuityClass::BurstSuppression:
      return "burst_suppression";
    case ContinuityClass::Suppression:
      return "suppression";
  }
  return "unknown";
}

void validate_continuity_params(const ContinuityParams& p) {
  require_positive(p.threshold_ptp_uv, "threshold_ptp_uv");
  require_positive(p.min_suppression_s, "min_suppression_s");
  require_positive(p.window_s, "window_s");
  if (p.window_s > p.min_suppression_s)
    fail("continuity", "window_s must not exceed min_suppression_s", p.window_s);
  require_positive(p.min_burst_s, "min_burst_s");
  if (!(p.max_burst_s > p.min_burst_s) || !std::isfinite(p.max_burst_s))
    fail("continuity", "max_burst_s must exceed min_burst_s", p.max_burst_s);
  require_positive(p.bsr_window_s, "bsr_window_s");
  require_positive(p.bsr_step_s, "bsr_step_s");
  if (!(p.continuous_max_fraction >= 0.0 &&
        p.continuous_max_fraction < p.nearly_continuous_max_fraction &&
        p.nearly_continuous_max_fraction < p.burst_suppression_min_fraction &&
        p.burst_suppression_min_fraction < p.suppression_min_fraction &&
        p.suppression_min_fraction <= 1.0))
    fail("continuity",
         "fractions must satisfy 0 <= continuous < nearly_continuous < burst_suppression < "
         "suppression <= 1",
         p.continuous_max_fraction);
}

ContinuityClass classify_continuity(double suppressed_fraction, std::size_t n_bursts,
                                    const ContinuityParams& params) {
  validate_continuity_params(params);
  if (!(suppressed_fraction >= 0.0 && suppressed_fraction <= 1.0))
    fail("classify_continuity", "suppressed_fraction must lie in [0, 1]", suppressed_fraction);
  const double f = suppressed_fraction;
  if (f >= params.suppression_min_fraction)
    return ContinuityClass::Suppression;
  if (f >= params.burst_suppression_min_fraction && n_bursts > 0)
    return ContinuityClass::BurstSuppression;
  if (f >= params.nearly_continuous_max_fraction)
    return ContinuityClass::Discontinuous;
  if (f > params.continuous_max_fraction)
    return ContinuityClass::NearlyContinuous;
  return ContinuityClass::Continuous;
}

ContinuityResult analyze_continuity(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                                    const ContinuityParams& params) {
  ContinuityAnalyzer analyzer(static_cast<std::size_t>(x.rows()), sample_rate_hz, params);
  analyzer.push(x);
  return analyzer.result();
}

}  // namespace eegtrack::features
