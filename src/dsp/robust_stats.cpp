#include "eegtrack/dsp/robust_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace eegtrack::dsp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Selection reorders its input; buffers per thread (the detectors run on their own threads)
// save an allocation per call on the hot path of artifact screening and detection.
std::vector<double>& scratch() {
  thread_local std::vector<double> buffer;
  return buffer;
}

std::vector<double>& sample_scratch() {
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

// Below this count a plain std::nth_element on a copy is as fast as sampling.
constexpr std::size_t kSampledSelectionFrom = 512;

// The k-th smallest of the values f(x[i]) and, when with_lower, the (k-1)-th (else NaN). The
// values must be NaN-free. Exact; only the speed depends on the data.
//
// Large inputs are selected Floyd-Rivest style: a fixed pseudo-random sample of about 2 sqrt(n)
// values, sorted, gives two pivots that bracket rank k with high probability; one pass counts
// the values below the bracket and gathers those inside it, and the selection runs on those
// alone, so the input is read once rather than copied and partitioned repeatedly. When the
// bracket misses k (16 of the calls in an analyze of the eegmat sample), a full selection
// follows.
template <class F>
std::pair<double, double> select(std::span<const double> x, std::size_t k, bool with_lower, F f) {
  const std::size_t n = x.size();
  auto& v = scratch();
  const auto full = [&] {
    v.resize(n);
    std::transform(x.begin(), x.end(), v.begin(), f);
    const auto kth = v.begin() + static_cast<std::ptrdiff_t>(k);
    std::nth_element(v.begin(), kth, v.end());
    const double lower = with_lower ? *std::max_element(v.begin(), kth) : kNaN;
    return std::pair{*kth, lower};
  };
  if (n < kSampledSelectionFrom || (with_lower && k == 0))
    return full();
  auto& sample = sample_scratch();
  const auto s = static_cast<std::size_t>(2.0 * std::sqrt(static_cast<double>(n)));
  sample.resize(s);
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;  // fixed seed: the sample, not the result
  for (double& e : sample) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    e = f(x[state % n]);
  }
  std::sort(sample.begin(), sample.end());
  const double at = static_cast<double>(k) / static_cast<double>(n) * static_cast<double>(s);
  const double spread = 1.5 * std::sqrt(static_cast<double>(s)) + 1.0;
  const double lo_rank = std::floor(at - spread);
  const double hi_rank = std::ceil(at + spread);
  const double lo = lo_rank < 0.0 ? -std::numeric_limits<double>::infinity()
                                  : sample[static_cast<std::size_t>(lo_rank)];
  const double hi = hi_rank >= static_cast<double>(s) ? std::numeric_limits<double>::infinity()
                                                      : sample[static_cast<std::size_t>(hi_rank)];
  v.resize(n);
  std::size_t below = 0;
  std::size_t inside = 0;
  for (const double e : x) {
    const double value = f(e);
    below += value < lo ? 1 : 0;
    v[inside] = value;  // kept only when inside the bracket: branch-free gathering
    inside += (value >= lo && value <= hi) ? 1 : 0;
  }
  const std::size_t first = with_lower ? k - 1 : k;
  if (first < below || k >= below + inside)
    return full();
  const auto kth = v.begin() + static_cast<std::ptrdiff_t>(k - below);
  std::nth_element(v.begin(), kth, v.begin() + static_cast<std::ptrdiff_t>(inside));
  const double lower = with_lower ? *std::max_element(v.begin(), kth) : kNaN;
  return {*kth, lower};
}

// Median of the values f(x[i]) (x not empty, NaN-free).
template <class F>
double median_of(std::span<const double> x, EvenMedian rule, F f) {
  const std::size_t mid = x.size() / 2;
  const bool mean = x.size() % 2 == 0 && rule == EvenMedian::Mean;
  const auto [upper, lower] = select(x, mid, mean, f);
  return mean ? 0.5 * (lower + upper) : upper;
}

constexpr auto kIdentity = [](double e) { return e; };
// Median of an ascending, NaN-free vector.
double median_of_sorted(const std::vector<double>& v, EvenMedian rule) {
  const std::size_t mid = v.size() / 2;
  if (v.size() % 2 == 1 || rule == EvenMedian::Upper)
    return v[mid];
  return 0.5 * (v[mid - 1] + v[mid]);
}

}  // namespace

double order_statistic(std::span<const double> x, std::size_t k) {
  require_values("order_statistic", x.size());
  if (k >= x.size())
    throw std::invalid_argument("order_statistic: k must be below the count (" + std::to_string(k) +
                                " >= " + std::to_string(x.size()) + ")");
  return any_nan(x) ? kNaN : select(x, k, false, kIdentity).first;
}

double median(std::span<const double> x, EvenMedian rule) {
  require_values("median", x.size());
  return any_nan(x) ? kNaN : median_of(x, rule, kIdentity);
}

double mad(std::span<const double> x, double centre, EvenMedian rule) {
  require_values("mad", x.size());
  if (std::isnan(centre) || any_nan(x))
    return kNaN;
  return median_of(x, rule, [centre](double e) { return std::abs(e - centre); });
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
  auto& v = scratch();
  v.assign(x.begin(), x.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto lo_it = v.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(v.begin(), lo_it, v.end());
  const double a = *lo_it;
  // The next order statistic is the smallest value above the selected one.
  const double b = lo + 1 < v.size() ? *std::min_element(lo_it + 1, v.end()) : a;
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
