#include "eegtrack/features/continuity_analyzer.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/robust_stats.hpp"

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

void ContinuityAnalyzer::add_sample(const double* column) {
  const auto w = static_cast<std::size_t>(window_);
  const auto slot = static_cast<std::size_t>(n_ % window_);
  if (n_ == 0)
    std::copy(column, column + n_channels_, shift_.begin());
  // The sample leaving the window is taken out first, once the window is full; the tests stay
  // outside the channel loop, which runs at every sample.
  if (n_ >= window_) {
    for (std::size_t c = 0; c < n_channels_; ++c) {
      double& old = ring_[c * w + slot];
      sum_[c] -= old;
      sum_sq_[c] -= old * old;
    }
  }
  for (std::size_t c = 0; c < n_channels_; ++c) {
    const double v = column[c] - shift_[c];
    ring_[c * w + slot] = v;
    sum_[c] += v;
    sum_sq_[c] += v * v;
  }
  ++n_;
  if (n_ % kResumEvery == 0) {
    const auto filled = static_cast<std::size_t>(std::min(n_, window_));
    for (std::size_t c = 0; c < n_channels_; ++c) {
      double s = 0.0;
      double ss = 0.0;
      for (std::size_t k = 0; k < filled; ++k) {
        s += ring_[c * w + k];
        ss += ring_[c * w + k] * ring_[c * w + k];
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
  const auto count = static_cast<double>(std::min(n_, window_));
  // A channel's amplitude 2 sqrt(2 var) is below the threshold exactly when var is below
  // threshold^2 / 8, so the square roots are taken only where rounding could tell the two
  // apart (var within a relative 1e-9 of that bound; sqrt and the products are exact to an ulp
  // or two), or where the median of an even number of channels is the mean of two of them.
  const double bound = params_.threshold_ptp_uv * params_.threshold_ptp_uv / 8.0;
  const double surely_below = bound * (1.0 - 1e-9);
  const double surely_above = bound * (1.0 + 1e-9);
  // Two loops, each without a branch, so that both vectorise: this runs at every sample.
  for (std::size_t c = 0; c < n_channels_; ++c) {
    const double mean = sum_[c] / count;
    amplitude_[c] = std::max(0.0, sum_sq_[c] / count - mean * mean);
  }
  std::size_t below = 0;
  std::size_t unsure_count = 0;
  for (std::size_t c = 0; c < n_channels_; ++c) {
    const double var = amplitude_[c];
    below += var < surely_below ? 1 : 0;
    unsure_count += !(var < surely_below || var > surely_above) ? 1 : 0;  // NaN is unsure too
  }
  const bool unsure = unsure_count > 0;
  const std::size_t n = n_channels_;
  bool quiet = false;
  if (!unsure && (n % 2 == 1 || below != n / 2)) {
    quiet = n % 2 == 1 ? below >= (n + 1) / 2 : below > n / 2;
  } else {
    // The median channel: a window is quiet when at least half the channels are, so one
    // disconnected electrode cannot make a record look suppressed, nor one noisy one active.
    for (double& a : amplitude_)
      a = 2.0 * std::sqrt(2.0 * a);
    quiet = dsp::median_is_below(amplitude_, params_.threshold_ptp_uv);
  }
  if (quiet)
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
