#include "eegtrack/report/scale.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report {
namespace {

void require_finite(double a, double b, const char* what) {
  if (!std::isfinite(a) || !std::isfinite(b))
    throw std::invalid_argument(std::string(what) + ": bounds must be finite");
}

int decimals_for(double step) {
  // A step of 0.25 needs two decimals, 0.5 one, 2 none: count until the step is whole.
  for (int d = 0; d < 12; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
      return d;
  }
  return 12;
}

}  // namespace

LinearScale::LinearScale(double d0, double d1, double r0, double r1)
    : d0_(d0), d1_(d1), r0_(r0), r1_(r1) {
  require_finite(d0, d1, "LinearScale domain");
  require_finite(r0, r1, "LinearScale range");
  if (d0_ == d1_) {
    d0_ -= 0.5;
    d1_ += 0.5;
  }
}

double LinearScale::operator()(double value) const noexcept {
  return r0_ + (value - d0_) / (d1_ - d0_) * (r1_ - r0_);
}

double LinearScale::invert(double coordinate) const noexcept {
  return d0_ + (coordinate - r0_) / (r1_ - r0_) * (d1_ - d0_);
}

LogScale::LogScale(double d0, double d1, double r0, double r1)
    : d0_(d0), d1_(d1), r0_(r0), r1_(r1) {
  require_finite(d0, d1, "LogScale domain");
  require_finite(r0, r1, "LogScale range");
  if (!(d0 > 0.0 && d1 > d0))
    throw std::invalid_argument("LogScale: domain must satisfy 0 < low < high");
}

double LogScale::operator()(double value) const noexcept {
  if (!(value > 0.0))
    return r0_ - (r1_ - r0_);
  const double t = (std::log10(value) - std::log10(d0_)) / (std::log10(d1_) - std::log10(d0_));
  return r0_ + t * (r1_ - r0_);
}

double nice_step(double span, int target) {
  if (!(span > 0.0) || !std::isfinite(span) || target < 1)
    throw std::invalid_argument("nice_step: need span > 0 and target >= 1");
  const double raw = span / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalized = raw / magnitude;
  const double factor = normalized < 1.5   ? 1.0
                        : normalized < 3.0 ? 2.0
                        : normalized < 7.0 ? 5.0
                                           : 10.0;
  return factor * magnitude;
}

std::string tick_label(double value, double step) {
  return fixed(value, decimals_for(std::abs(step)));
}

std::vector<Tick> linear_ticks(double lo, double hi, int target) {
  require_finite(lo, hi, "linear_ticks");
  if (hi < lo)
    std::swap(lo, hi);
  if (hi == lo)
    return {
        {lo, tick_label(lo, std::abs(lo) > 0 ? std::pow(10.0, std::floor(std::log10(std::abs(lo))))
                                             : 1.0)}};
  const double step = nice_step(hi - lo, target);
  std::vector<Tick> out;
  const double first = std::ceil(lo / step - 1e-9);
  for (double k = first;; k += 1.0) {
    const double v = k * step;
    if (v > hi + 1e-9 * step)
      break;
    out.push_back({v == 0.0 ? 0.0 : v, tick_label(v, step)});
  }
  return out;
}

Domain nice_domain(double lo, double hi, int target) {
  require_finite(lo, hi, "nice_domain");
  if (hi < lo)
    std::swap(lo, hi);
  if (hi == lo) {
    const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double step = nice_step(hi - lo, target);
  return {std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step};
}

std::vector<Tick> log_ticks(double lo, double hi) {
  if (!(lo > 0.0) || !(hi >= lo) || !std::isfinite(hi))
    throw std::invalid_argument("log_ticks: need 0 < low <= high");
  const int k0 = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  const int k1 = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  const bool few = k1 - k0 < 2;
  std::vector<Tick> out;
  for (int k = k0; k <= k1; ++k) {
    const double decade = std::pow(10.0, k);
    for (const double m : {1.0, 2.0, 5.0}) {
      if (m != 1.0 && !few)
        continue;
      const double v = m * decade;
      if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9))
        continue;
      out.push_back({v, tick_label(v, decade)});
    }
  }
  return out;
}

}  // namespace eegtrack::report
