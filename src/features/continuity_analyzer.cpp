#include "eegtrack/features/continuity_analyzer.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/vector_clones.hpp"
#include "quiet_window.hpp"

namespace eegtrack::features {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what, double value) {
  std::ostringstream os;
  os << where << ": " << what << " (" << value << ")";
  throw std::invalid_argument(os.str());
}

// Running sums are rebuilt from the ring at fixed sample counts, so rounding cannot drift over
// a day-long segment; the count is per segment, which keeps the result chunk-independent.
constexpr std::int64_t kResumEvery = 1 << 16;

}  // namespace

ContinuityAnalyzer::ContinuityAnalyzer(std::size_t n_channels, double sample_rate_hz,
                                       const ContinuityParams& params, double start_s)
    : n_channels_(n_channels), fs_(sample_rate_hz), params_(params), segment_start_s_(start_s) {
  if (n_channels == 0)
    fail("ContinuityAnalyzer", "n_channels must be >= 1", 0.0);
  if (!(sample_rate_hz > 0.0) || !std::isfinite(sample_rate_hz))
    fail("ContinuityAnalyzer", "sample_rate_hz must be finite and > 0", sample_rate_hz);
  if (!std::isfinite(start_s))
    fail("ContinuityAnalyzer", "start_s must be finite", start_s);
  validate_continuity_params(params);
  window_ = std::max<std::int64_t>(2, std::llround(params.window_s * fs_));
  min_suppression_ = std::max<std::int64_t>(1, std::llround(params.min_suppression_s * fs_));
  const auto w = static_cast<std::size_t>(window_);
  ring_.assign(n_channels * w, 0.0);
  shift_.assign(n_channels, 0.0);
  sum_.assign(n_channels, 0.0);
  sum_sq_.assign(n_channels, 0.0);
  amplitude_.resize(n_channels);
  column_.resize(n_channels);
}

void ContinuityAnalyzer::push(Eigen::Ref<const Eigen::MatrixXd> chunk) {
  if (static_cast<std::size_t>(chunk.rows()) != n_channels_)
    fail("ContinuityAnalyzer::push",
         "chunk must have n_channels = " + std::to_string(n_channels_) + " rows",
         static_cast<double>(chunk.rows()));
  if (!chunk.allFinite())
    fail("ContinuityAnalyzer::push", "chunk holds non-finite samples", 0.0);
  for (Eigen::Index j = 0; j < chunk.cols(); ++j) {
    for (std::size_t c = 0; c < n_channels_; ++c)
      column_[c] = chunk(static_cast<Eigen::Index>(c), j);
    add_sample(column_.data());
  }
}

void ContinuityAnalyzer::push(std::span<const std::span<const double>> channels) {
  if (channels.size() != n_channels_)
    fail("ContinuityAnalyzer::push",
         "chunk must have n_channels = " + std::to_string(n_channels_) + " rows",
         static_cast<double>(channels.size()));
  const std::size_t n = channels.front().size();
  for (const auto& x : channels) {
    if (x.size() != n)
      fail("ContinuityAnalyzer::push", "channels of unequal length", static_cast<double>(x.size()));
    if (!std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); }))
      fail("ContinuityAnalyzer::push", "chunk holds non-finite samples", 0.0);
  }
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t c = 0; c < n_channels_; ++c)
      column_[c] = channels[c][j];
    add_sample(column_.data());
  }
}

// Defined before add_sample, its caller: Clang makes a function multiversioned
// (EEGTRACK_VECTOR_CLONES) only at a declaration that precedes its first use.
// The ring is all zeros at a segment's start, so while the window fills the "sample leaving"
// is 0 and takes nothing out: (s - 0) + v and s + v are the same bits, as are q - 0 * 0 + v * v
// and q + v * v. One loop then serves the filling and the full window.
EEGTRACK_VECTOR_CLONES void ContinuityAnalyzer::replace_sample(const double* __restrict column,
                                                               double* __restrict ring) {
  const double* __restrict shift = shift_.data();
  double* __restrict sum = sum_.data();
  double* __restrict sum_sq = sum_sq_.data();
  for (std::size_t c = 0; c < n_channels_; ++c) {
    const double old = ring[c];
    const double v = column[c] - shift[c];
    ring[c] = v;
    sum[c] = (sum[c] - old) + v;
    sum_sq[c] = (sum_sq[c] - old * old) + v * v;
  }
}

void ContinuityAnalyzer::add_sample(const double* column) {
  const auto slot = static_cast<std::size_t>(n_ % window_);
  if (n_ == 0)
    std::copy(column, column + n_channels_, shift_.begin());
  // The ring holds one instant of every channel side by side, so that the channel loops below
  // read and write contiguous memory and vectorise. The sample leaving the window (0 while it
  // fills) is taken out first; each channel's sums see the same operations in the same order as
  // one channel alone would.
  replace_sample(column, ring_.data() + slot * n_channels_);
  ++n_;
  if (n_ % kResumEvery == 0) {
    const auto filled = static_cast<std::size_t>(std::min(n_, window_));
    for (std::size_t c = 0; c < n_channels_; ++c) {
      double s = 0.0;
      double ss = 0.0;
      for (std::size_t k = 0; k < filled; ++k) {
        const double v = ring_[k * n_channels_ + c];
        s += v;
        ss += v * v;
      }
      sum_[c] = s;
      sum_sq_[c] = ss;
    }
  }
  if (n_ >= window_) {
    evaluate_window();
    const std::int64_t t = n_ - window_;  // every window covering t has now been seen
    decide(t, last_quiet_start_ >= 0 && last_quiet_start_ >= t - window_ + 1);
  }
}

void ContinuityAnalyzer::evaluate_window() {
  const detail::WindowSums sums{sum_, sum_sq_, static_cast<double>(std::min(n_, window_))};
  const detail::QuietBound bound(params_.threshold_ptp_uv);
  int quiet = detail::screen_quiet(sums, bound);
  if (quiet < 0)
    quiet = detail::quiet_exactly(sums, bound, amplitude_) ? 1 : 0;
  if (quiet == 1)
    last_quiet_start_ = n_ - std::min(n_, window_);
}

void ContinuityAnalyzer::decide(std::int64_t t, bool suppressed) {
  if (decided_ == 0) {
    run_suppressed_ = suppressed;
    run_start_ = 0;
  } else if (suppressed != run_suppressed_) {
    decided_ = t;
    end_raw_run();
    run_suppressed_ = suppressed;
    run_start_ = t;
  }
  decided_ = t + 1;
}

void ContinuityAnalyzer::end_raw_run() {
  const std::int64_t length = decided_ - run_start_;
  if (run_suppressed_ && length >= min_suppression_) {
    close_activity(true);
    periods_.push_back({PeriodKind::Suppression, run_start_, length, segment_});
    return;
  }
  if (activity_length_ == 0)
    activity_start_ = run_start_;
  activity_length_ += length;
}

void ContinuityAnalyzer::close_activity(bool bounded) {
  if (activity_length_ == 0)
    return;
  const double d = static_cast<double>(activity_length_) / fs_;
  PeriodKind kind = PeriodKind::Activity;
  if (d <= params_.min_burst_s) {
    kind = PeriodKind::Brief;
  } else if (d <= params_.max_burst_s && bounded) {
    kind = PeriodKind::Burst;  // a burst needs a suppression beside it
  }
  periods_.push_back({kind, activity_start_, activity_length_, segment_});
  activity_length_ = 0;
}

void ContinuityAnalyzer::end_segment() {
  if (n_ == 0)
    return;
  if (n_ < window_) {
    evaluate_window();  // one window over the whole short segment
    for (std::int64_t t = 0; t < n_; ++t)
      decide(t, last_quiet_start_ == 0);
  } else {
    for (std::int64_t t = decided_; t < n_; ++t)
      decide(t, last_quiet_start_ >= 0 && last_quiet_start_ >= t - window_ + 1);
  }
  end_raw_run();
  close_activity(activity_start_ > 0);
  segment_starts_s_.push_back(segment_start_s_);
  segment_lengths_.push_back(n_);
  segment_start_s_ += static_cast<double>(n_) / fs_;
  ++segment_;
  n_ = 0;
  decided_ = 0;
  last_quiet_start_ = -1;
  activity_length_ = 0;
  std::fill(sum_.begin(), sum_.end(), 0.0);
  std::fill(sum_sq_.begin(), sum_sq_.end(), 0.0);
  std::fill(ring_.begin(), ring_.end(), 0.0);  // replace_sample takes 0 out while filling
}

void ContinuityAnalyzer::reset(double next_start_s) {
  const double end_s = segment_start_s_ + static_cast<double>(n_) / fs_;
  if (!std::isfinite(next_start_s) || next_start_s < end_s - 0.5 / fs_)
    fail("ContinuityAnalyzer::reset",
         "next_start_s must not precede the segment end " + std::to_string(end_s), next_start_s);
  end_segment();
  segment_start_s_ = next_start_s;
}

ContinuityResult ContinuityAnalyzer::result() const {
  ContinuityAnalyzer finished = *this;
  finished.end_segment();
  if (finished.segment_lengths_.empty())
    fail("ContinuityAnalyzer::result", "no samples pushed", 0.0);
  return finished.build();
}

}  // namespace eegtrack::features
