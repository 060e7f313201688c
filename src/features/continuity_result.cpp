#include <algorithm>
#include <cmath>
#include <vector>

#include "eegtrack/features/continuity_analyzer.hpp"

namespace eegtrack::features {
namespace {

// Suppressed samples in [0, x) of one segment, from its sorted suppression intervals and the
// running total of their lengths before each one.
struct SuppressedPrefix {
  std::vector<double> starts;
  std::vector<double> ends;
  std::vector<double> before;  // suppressed samples before interval i

  [[nodiscard]] double at(double x) const {
    const auto it = std::upper_bound(starts.begin(), starts.end(), x);
    if (it == starts.begin())
      return 0.0;
    const auto i = static_cast<std::size_t>(it - starts.begin()) - 1;
    return before[i] + std::min(x, ends[i]) - starts[i];
  }
};

}  // namespace

ContinuityResult ContinuityAnalyzer::build() const {
  ContinuityResult r;
  r.params = params_;
  std::int64_t total = 0;
  for (const std::int64_t n : segment_lengths_)
    total += n;
  std::int64_t suppressed = 0;
  std::int64_t burst_samples = 0;
  std::vector<SuppressedPrefix> prefix(segment_lengths_.size());
  r.periods.reserve(periods_.size());
  for (const Period& p : periods_) {
    r.periods.push_back({p.kind, segment_starts_s_[p.segment] + static_cast<double>(p.start) / fs_,
                         static_cast<double>(p.length) / fs_, p.segment});
    if (p.kind == PeriodKind::Burst) {
      ++r.n_bursts;
      burst_samples += p.length;
    }
    if (p.kind != PeriodKind::Suppression)
      continue;
    auto& pre = prefix[p.segment];
    pre.before.push_back(
        pre.before.empty() ? 0.0 : pre.before.back() + pre.ends.back() - pre.starts.back());
    pre.starts.push_back(static_cast<double>(p.start));
    pre.ends.push_back(static_cast<double>(p.start + p.length));
    suppressed += p.length;
  }
  r.analyzed_s = static_cast<double>(total) / fs_;
  r.suppressed_s = static_cast<double>(suppressed) / fs_;
  r.suppressed_fraction = static_cast<double>(suppressed) / static_cast<double>(total);
  if (r.n_bursts > 0)
    r.mean_burst_s = static_cast<double>(burst_samples) / fs_ / static_cast<double>(r.n_bursts);
  r.classification = classify_continuity(r.suppressed_fraction, r.n_bursts, params_);

  for (std::size_t g = 0; g < segment_lengths_.size(); ++g) {
    const double length = static_cast<double>(segment_lengths_[g]);
    for (std::int64_t k = 1;; ++k) {
      const double end = static_cast<double>(k) * params_.bsr_step_s * fs_;
      if (end > length + 1e-9)
        break;
      const double begin = std::max(0.0, end - params_.bsr_window_s * fs_);
      const double s = prefix[g].at(end) - prefix[g].at(begin);
      r.bsr_series.push_back(
          {segment_starts_s_[g] + end / fs_, s / (end - begin), (end - begin) / fs_});
    }
  }
  return r;
}

}  // namespace eegtrack::features
