#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "eegtrack/features/continuity.hpp"

namespace eegtrack::features {

/// Streaming continuity analysis (suppression, burst suppression, BSR) of consecutive chunks of
/// a multichannel recording. All state is kept per sample, so the result does not depend on how
/// the samples are cut into chunks; memory is bounded by the window plus the list of periods.
/// Method and thresholds: ContinuityParams. References: ACNS terminology (Hirsch et al. 2021),
/// BSR of Rampil (Anesthesiology 1998;89:980), local-variance segmentation of Westover et al.
/// (J Neurosci Methods 2013;219:131).
class ContinuityAnalyzer {
 public:
  /// @param n_channels channels of every chunk (>= 1); @param sample_rate_hz > 0;
  /// @param start_s time of the first sample, seconds from the recording start.
  /// @throws std::invalid_argument ("ContinuityAnalyzer: ... (value)") for zero channels,
  ///         sample_rate_hz <= 0, or invalid params (validate_continuity_params).
  ContinuityAnalyzer(std::size_t n_channels, double sample_rate_hz,
                     const ContinuityParams& params = {}, double start_s = 0.0);

  /// Appends the next samples (rows = channels, µV) of the current segment.
  /// @throws std::invalid_argument ("ContinuityAnalyzer::push: ...") for a wrong number of rows
  ///         or non-finite samples (the state is unchanged then).
  void push(Eigen::Ref<const Eigen::MatrixXd> chunk);

  /// The same for samples held channel by channel (one span per channel, all of one length),
  /// as an epoch holds them: no matrix needs to be built.
  /// @throws std::invalid_argument as push(chunk), and for channels of unequal length.
  void push(std::span<const std::span<const double>> channels);

  /// Ends the current segment (e.g. at an EDF+D gap) and starts a new one whose first sample is
  /// at next_start_s. Windows never span the gap.
  /// @throws std::invalid_argument if next_start_s is before the end of the current segment.
  void reset(double next_start_s);

  /// Everything analysed so far, with the current segment ended at its last sample (the
  /// analyzer itself is left unchanged, so pushing may continue).
  /// @throws std::invalid_argument ("ContinuityAnalyzer::result: ...") when no sample was pushed.
  [[nodiscard]] ContinuityResult result() const;

 private:
  struct Period {  // in samples of its segment
    PeriodKind kind;
    std::int64_t start;
    std::int64_t length;
    std::size_t segment;
  };
  void add_sample(const double* column);
  void replace_sample(const double* column, double* ring);
  void evaluate_window();
  void decide(std::int64_t t, bool suppressed);
  void end_raw_run();
  void close_activity(bool bounded);
  void end_segment();
  [[nodiscard]] ContinuityResult build() const;

  std::size_t n_channels_;
  double fs_;
  ContinuityParams params_;
  std::int64_t window_;           // samples per local-amplitude window
  std::int64_t min_suppression_;  // samples
  // Current segment.
  std::size_t segment_ = 0;
  double segment_start_s_ = 0.0;
  std::int64_t n_ = 0;         // samples pushed into the segment
  std::vector<double> ring_;   // window x n_channels, sample k at row k % window; 0 unfilled
  std::vector<double> shift_;  // per channel: first sample, removed to keep the sums small
  std::vector<double> sum_;
  std::vector<double> sum_sq_;
  std::vector<double> amplitude_;       // scratch for detail::quiet_exactly
  std::vector<double> column_;          // scratch: one sample of every channel
  std::int64_t last_quiet_start_ = -1;  // start of the latest quiet window, -1 none yet
  std::int64_t decided_ = 0;            // samples classified so far
  bool run_suppressed_ = false;         // raw run being extended
  std::int64_t run_start_ = 0;
  std::int64_t activity_start_ = 0;  // pending activity period
  std::int64_t activity_length_ = 0;
  // Finished periods and the segment table.
  std::vector<Period> periods_;
  std::vector<double> segment_starts_s_;
  std::vector<std::int64_t> segment_lengths_;
};

}  // namespace eegtrack::features
