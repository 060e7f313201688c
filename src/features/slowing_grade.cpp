#include "eegtrack/features/slowing_grade.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "spectrum_checks.hpp"

namespace eegtrack::features {
namespace {

std::string fmt(double x) {
  std::ostringstream out;
  out.precision(3);
  out << x;
  return out.str();
}

void validate(const SlowingInputs& s, const SlowingParams& p) {
  for (const double v : {s.relative_delta, s.relative_theta, s.relative_alpha, s.relative_beta,
                         s.suppression_fraction}) {
    if (!(v >= 0.0 && v <= 1.0))
      throw std::invalid_argument("grade_slowing: fractions must be in [0, 1] " + detail::value(v));
  }
  if (s.pdr_present && !(s.pdr_frequency_hz > 0.0))
    throw std::invalid_argument("grade_slowing: PDR frequency must be > 0 " +
                                detail::value(s.pdr_frequency_hz));
  for (const double w : {p.weight_pdr, p.weight_slow, p.weight_frequency, p.weight_suppression}) {
    if (!(w >= 0.0))
      throw std::invalid_argument("grade_slowing: weights must be >= 0 " + detail::value(w));
  }
  if (!(p.weight_pdr + p.weight_slow + p.weight_suppression > 0.0))
    throw std::invalid_argument("grade_slowing: weights sum to 0 (0)");
  if (!(p.floor_median_frequency_hz < p.reference_median_frequency_hz))
    throw std::invalid_argument(
        "grade_slowing: floor_median_frequency_hz must be < reference_median_frequency_hz " +
        detail::value(p.floor_median_frequency_hz));
  if (!(p.pdr_floor_hz < p.pdr_reference_hz))
    throw std::invalid_argument("grade_slowing: pdr_floor_hz must be < pdr_reference_hz " +
                                detail::value(p.pdr_floor_hz));
  if (!(p.pdr_borderline_below_hz >= p.pdr_slow_below_hz))
    throw std::invalid_argument(
        "grade_slowing: pdr_borderline_below_hz must be >= pdr_slow_below_hz " +
        detail::value(p.pdr_borderline_below_hz));
  if (p.focal_min_pairs < 1)
    throw std::invalid_argument("grade_slowing: focal_min_pairs must be >= 1 " +
                                detail::value(p.focal_min_pairs));
  if (!(p.reference_relative_slow < 1.0))
    throw std::invalid_argument("grade_slowing: reference_relative_slow must be < 1 " +
                                detail::value(p.reference_relative_slow));
}

SlowingGrade grade(const SlowingInputs& s, const SlowingParams& p, std::vector<std::string>& why) {
  const double largest =
      std::max({s.relative_delta, s.relative_theta, s.relative_alpha, s.relative_beta});
  const bool delta_largest = s.relative_delta == largest;
  const bool theta_largest = s.relative_theta == largest && !delta_largest;
  const bool excess_delta = s.relative_delta >= p.excess_relative_delta;
  const bool excess_theta = s.relative_theta >= p.excess_relative_theta;
  const std::string delta = "relative delta " + fmt(s.relative_delta);
  const std::string theta = "relative theta " + fmt(s.relative_theta);
  SlowingGrade g = SlowingGrade::None;
  const auto fire = [&](SlowingGrade level, bool when, const std::string& text) {
    if (!when)
      return;
    why.push_back(std::string(to_string(level)) + ": " + text);
    g = std::max(g, level);
  };
  fire(SlowingGrade::Severe, s.suppression_fraction >= p.severe_suppression_fraction,
       "suppressed fraction " + fmt(s.suppression_fraction));
  // A PDR of normal frequency argues against a moderately slow background (Yale scale: the
  // PDR is lost from moderate slowing on); slow bands that still dominate then grade mild.
  const bool normal_pdr = s.pdr_present && s.pdr_frequency_hz >= p.pdr_slow_below_hz;
  // Delta beside a clearly normal PDR is not graded: in an awake EEG it is where eye movements,
  // sweat and electrode drift land, and opening the eyes blocks alpha and so raises every other
  // band's share. It is noted as borderline with its reason instead.
  const bool clear_pdr = s.pdr_present && s.pdr_frequency_hz >= p.pdr_borderline_below_hz;
  const std::string clear_text =
      clear_pdr ? " beside a normal " + fmt(s.pdr_frequency_hz) +
                      " Hz PDR, not graded (eyes open, eye movements, drift or a focal process "
                      "raise delta; read the EEG)"
                : "";
  bool noted = false;  // the strongest delta rule is noted once, not each rule it implies
  const auto fire_delta = [&](SlowingGrade level, bool when, const std::string& text) {
    if (!clear_pdr)
      fire(level, when, text);
    else if (when && !noted) {
      why.push_back("borderline: " + text + clear_text);
      noted = true;
    }
  };
  fire_delta(SlowingGrade::Severe, delta_largest && s.relative_delta >= p.severe_relative_delta,
             "delta-dominant, " + delta);
  fire(SlowingGrade::Moderate, s.suppression_fraction >= p.moderate_suppression_fraction,
       "suppressed fraction " + fmt(s.suppression_fraction));
  const SlowingGrade dominant = normal_pdr ? SlowingGrade::Mild : SlowingGrade::Moderate;
  const std::string with_pdr = normal_pdr ? " with a normal PDR" : "";
  fire(dominant, theta_largest, "theta-dominant" + with_pdr + ", " + theta);
  fire_delta(dominant, delta_largest, "delta is the largest band" + with_pdr + ", " + delta);
  fire(SlowingGrade::Moderate, !s.pdr_present && (excess_delta || excess_theta),
       "no PDR with excess slow activity, " + delta + ", " + theta);
  fire(SlowingGrade::Mild, !s.pdr_present, "no PDR");
  fire(SlowingGrade::Mild, s.pdr_present && s.pdr_frequency_hz < p.pdr_slow_below_hz,
       "PDR " + fmt(s.pdr_frequency_hz) + " Hz < " + fmt(p.pdr_slow_below_hz) + " Hz");
  fire_delta(SlowingGrade::Mild, excess_delta, "excess delta, " + delta);
  fire(SlowingGrade::Mild, excess_theta, "excess theta, " + theta);
  if (s.pdr_present && s.pdr_frequency_hz >= p.pdr_slow_below_hz &&
      s.pdr_frequency_hz < p.pdr_borderline_below_hz)
    why.push_back("borderline: PDR " + fmt(s.pdr_frequency_hz) + " Hz in [" +
                  fmt(p.pdr_slow_below_hz) + ", " + fmt(p.pdr_borderline_below_hz) + ") Hz");
  return g;
}

bool eligible(const PairAsymmetry& pair, const SlowingParams& p) {
  if (std::isnan(pair.slow_signed_index))
    return false;
  return !(p.focal_ignores_frontopolar && pair.left.rfind("Fp", 0) == 0);
}

// Region of the focus: among regions holding a marked pair toward `sign`, the one whose
// regional index leans furthest that way (a region's mean dilutes one-electrode noise).
sites::Region focal_region(const SlowingInputs& s, const std::vector<const PairAsymmetry*>& marked,
                           double sign) {
  sites::Region best = marked.front()->region;
  double best_lean = -std::numeric_limits<double>::infinity();
  for (const auto* pair : marked) {
    for (const auto& r : s.regions) {
      if (r.region == pair->region && !std::isnan(r.slow_signed_index) &&
          sign * r.slow_signed_index > best_lean) {
        best_lean = sign * r.slow_signed_index;
        best = r.region;
      }
    }
  }
  return best;
}

void distribution(const SlowingInputs& s, const SlowingParams& p, SlowingAssessment& out) {
  out.focal_slow_index = std::numeric_limits<double>::quiet_NaN();
  std::vector<const PairAsymmetry*> right, left;
  for (const auto& pair : s.pairs) {
    if (!eligible(pair, p))
      continue;
    if (std::isnan(out.focal_slow_index) ||
        std::abs(pair.slow_signed_index) > std::abs(out.focal_slow_index))
      out.focal_slow_index = pair.slow_signed_index;
    if (std::abs(pair.slow_signed_index) >= p.focal_slow_index)
      (pair.slow_signed_index > 0.0 ? right : left).push_back(&pair);
  }
  const bool right_wins = right.size() > left.size();
  const auto& marked = right_wins ? right : left;
  if (marked.size() >= static_cast<std::size_t>(p.focal_min_pairs)) {
    const double sign = right_wins ? 1.0 : -1.0;
    out.distribution = SlowingDistribution::Focal;
    out.focal_side = right_wins ? sites::Side::Right : sites::Side::Left;
    out.focal_region = focal_region(s, marked, sign);
    out.focal_pairs = static_cast<int>(marked.size());
    std::string names;
    for (const auto* pair : marked)
      names += (names.empty() ? "" : ", ") + pair->right + "/" + pair->left + " " +
               fmt(pair->slow_signed_index);
    out.criteria.push_back(std::string("focal: ") + to_string(out.focal_region) + " " +
                           to_string(out.focal_side) + ", marked slow asymmetry in " + names);
  } else if (out.grade != SlowingGrade::None) {
    out.distribution = SlowingDistribution::Diffuse;
  }
}

}  // namespace

const char* to_string(SlowingGrade grade) noexcept {
  switch (grade) {
    case SlowingGrade::Mild:
      return "mild";
    case SlowingGrade::Moderate:
      return "moderate";
    case SlowingGrade::Severe:
      return "severe";
    default:
      return "none";
  }
}

const char* to_string(SlowingDistribution distribution) noexcept {
  switch (distribution) {
    case SlowingDistribution::Diffuse:
      return "diffuse";
    case SlowingDistribution::Focal:
      return "focal";
    default:
      return "none";
  }
}

SlowingAssessment grade_slowing(const SlowingInputs& summary, const SlowingParams& p) {
  validate(summary, p);
  SlowingAssessment out;
  out.grade = grade(summary, p, out.criteria);
  distribution(summary, p, out);
  out.pdr_component = summary.pdr_present
                          ? std::clamp((p.pdr_reference_hz - summary.pdr_frequency_hz) /
                                           (p.pdr_reference_hz - p.pdr_floor_hz),
                                       0.0, 1.0)
                          : 1.0;
  const double slow = summary.relative_delta + summary.relative_theta;
  out.slow_component =
      std::clamp((slow - p.reference_relative_slow) / (1.0 - p.reference_relative_slow), 0.0, 1.0);
  out.suppression_component = summary.suppression_fraction;
  const bool has_frequency = std::isfinite(summary.median_frequency_hz);
  if (has_frequency)
    out.frequency_component =
        std::clamp((p.reference_median_frequency_hz - summary.median_frequency_hz) /
                       (p.reference_median_frequency_hz - p.floor_median_frequency_hz),
                   0.0, 1.0);
  const double weight_frequency = has_frequency ? p.weight_frequency : 0.0;
  out.encephalopathy_index =
      (p.weight_pdr * out.pdr_component + p.weight_slow * out.slow_component +
       weight_frequency * out.frequency_component +
       p.weight_suppression * out.suppression_component) /
      (p.weight_pdr + p.weight_slow + weight_frequency + p.weight_suppression);
  return out;
}

}  // namespace eegtrack::features
