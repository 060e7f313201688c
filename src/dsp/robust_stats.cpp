#include "eegtrack/dsp/robust_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "radix_select.hpp"

namespace eegtrack::dsp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Selection reorders its input; one buffer per thread (the detectors run on their own
// threads) saves an allocation per call on the hot path of artifact screening and detection.
std::vector<double>& scratch() {
  thread_local std::vector<double> buffer;
  return buffer;
}

void require_values(const char* fn, std::size_t n) {
  if (n == 0)
    throw std::invalid_argument(std::string(fn) + ": no values (0)");
}

bool any_nan(std::span<const double> v) {
  bool nan = false;
  for (const double e : v)
    nan |= std::isnan(e);  // no early exit: the loop vectorises
  return nan;
}

// Median of v (not empty, no NaN).
double median_of(std::span<const double> v, EvenMedian rule) {
  const std::size_t mid = v.size() / 2;
  if (v.size() % 2 == 1 || rule == EvenMedian::Upper)
    return detail::radix_select(v, mid);
  const auto central = detail::radix_select_adjacent(v, mid);
  return 0.5 * (central.below + central.at);
}

// Median of an ascending, NaN-free vector.
double median_of_sorted(const std::vector<double>& v, EvenMedian rule) {
  const std::size_t mid = v.size() / 2;
  if (v.size() % 2 == 1 || rule == EvenMedian::Upper)
    return v[mid];
  return 0.5 * (v[mid - 1] + v[mid]);
}

}  // namespace

bool median_is_below(std::span<const double> x, double threshold) {
  require_values("median_is_below", x.size());
  std::size_t below = 0;
  double lower = -std::numeric_limits<double>::infinity();  // largest value below threshold
  double upper = std::numeric_limits<double>::infinity();   // smallest value at or above it
  for (const double v : x) {
    if (std::isnan(v))
      return false;
    if (v < threshold) {
      ++below;
      lower = std::max(lower, v);
    } else {
      upper = std::min(upper, v);
    }
  }
  const std::size_t n = x.size();
  if (n % 2 == 1)
    return below >= (n + 1) / 2;  // the central value is below
  if (below != n / 2)
    return below > n / 2;  // both central values below, or neither
  // The lower central value is the largest below, the upper the smallest above: their mean,
  // as median_of forms it.
  return 0.5 * (lower + upper) < threshold;
}

double order_statistic(std::span<const double> x, std::size_t k) {
  require_values("order_statistic", x.size());
  if (k >= x.size())
    throw std::invalid_argument("order_statistic: k must be below the count (" + std::to_string(k) +
                                " >= " + std::to_string(x.size()) + ")");
  return any_nan(x) ? kNaN : detail::radix_select(x, k);
}

double median(std::span<const double> x, EvenMedian rule) {
  require_values("median", x.size());
  return any_nan(x) ? kNaN : median_of(x, rule);
}

double mad(std::span<const double> x, double centre, EvenMedian rule) {
  require_values("mad", x.size());
  auto& v = scratch();
  v.resize(x.size());
  std::transform(x.begin(), x.end(), v.begin(),
                 [centre](double e) { return std::abs(e - centre); });
  return any_nan(v) ? kNaN : median_of(v, rule);
}

double robust_sd(std::span<const double> x, EvenMedian rule) {
  return kMadToSd * mad(x, median(x, rule), rule);
}

double quantile(std::span<const double> x, double q) {
  require_values("quantile", x.size());
  if (!(q >= 0.0 && q <= 1.0))
    throw std::invalid_argument("quantile: q must be in [0, 1] (" + std::to_string(q) + ")");
  if (any_nan(x))
    return kNaN;
  const double pos = q * static_cast<double>(x.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  double a = 0.0;
  double b = 0.0;
  if (lo + 1 < x.size()) {  // the order statistics at lo and lo + 1
    const auto pair = detail::radix_select_adjacent(x, lo + 1);
    a = pair.below;
    b = pair.at;
  } else {
    a = b = detail::radix_select(x, lo);
  }
  return a + (pos - static_cast<double>(lo)) * (b - a);
}

SlidingMedian::SlidingMedian(std::span<const double> x, EvenMedian rule) : x_(x), rule_(rule) {}

void SlidingMedian::insert(double v) {
  if (std::isnan(v)) {
    ++nan_count_;
    return;
  }
  sorted_.insert(std::upper_bound(sorted_.begin(), sorted_.end(), v), v);
}

void SlidingMedian::erase(double v) {
  if (std::isnan(v)) {
    --nan_count_;
    return;
  }
  sorted_.erase(std::lower_bound(sorted_.begin(), sorted_.end(), v));
}

double SlidingMedian::median(std::size_t begin, std::size_t end) {
  if (!(begin < end && end <= x_.size()))
    throw std::invalid_argument("SlidingMedian: window [" + std::to_string(begin) + ", " +
                                std::to_string(end) + ") is empty or beyond the signal (" +
                                std::to_string(x_.size()) + " samples)");
  const bool overlaps = begin < end_ && begin_ < end;
  // Samples leaving plus samples entering; past the window's own size a rebuild is cheaper.
  const std::size_t moves =
      (begin > begin_ ? begin - begin_ : begin_ - begin) + (end > end_ ? end - end_ : end_ - end);
  if (!overlaps || moves >= end - begin) {
    sorted_.clear();
    nan_count_ = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (std::isnan(x_[i]))
        ++nan_count_;
      else
        sorted_.push_back(x_[i]);
    }
    std::sort(sorted_.begin(), sorted_.end());
  } else {
    for (std::size_t i = begin_; i < begin; ++i)  // left edge moved right
      erase(x_[i]);
    for (std::size_t i = end; i < end_; ++i)  // right edge moved left
      erase(x_[i]);
    for (std::size_t i = begin; i < begin_; ++i)  // left edge moved left
      insert(x_[i]);
    for (std::size_t i = end_; i < end; ++i)  // right edge moved right
      insert(x_[i]);
  }
  begin_ = begin;
  end_ = end;
  return nan_count_ > 0 ? kNaN : median_of_sorted(sorted_, rule_);
}

}  // namespace eegtrack::dsp
