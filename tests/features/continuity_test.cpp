// Continuity and burst suppression: bursts cut from a real recording (eegmat Subject03, 19 EEG
// channels, 500 Hz) separated by low-voltage noise of known durations, the untouched recording,
// and a low-voltage version of it.

#include "eegtrack/features/continuity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <vector>

#include "eeg_recording.hpp"
#include "eegtrack/features/continuity_analyzer.hpp"
#include "support/paths.hpp"

namespace eegtrack::features {
namespace {

constexpr double kFs = 500.0;

std::filesystem::path subject03() {
  return test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf");
}

// Rows = EEG channels, samples [first, first + n) of the recording.
Eigen::MatrixXd real_eeg(std::size_t first, std::size_t n) {
  static const test::EegRecording rec = test::read_eeg_channels(subject03());
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rec.channels.size()), static_cast<Eigen::Index>(n));
  for (std::size_t c = 0; c < rec.channels.size(); ++c)
    for (std::size_t k = 0; k < n; ++k)
      x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) =
          rec.channels[c].samples.at(first + k);
  return x;
}

struct Synthetic {
  Eigen::MatrixXd x;
  std::vector<double> suppression_starts_s;
  std::vector<double> suppression_lengths_s;
  std::size_t n_bursts = 0;
  double suppressed_s = 0.0;
};

// Alternating suppressions (Gaussian noise, SD 1 µV: within about ±3 µV) and bursts of real EEG
// scaled by burst_gain, with durations drawn on a 10 ms grid; starts and ends with a burst.
Synthetic burst_suppression(unsigned seed, double burst_gain) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> supp_cs(100, 800);   // 1-8 s
  std::uniform_int_distribution<int> burst_cs(100, 400);  // 1-4 s
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<std::pair<bool, std::size_t>> parts;  // (suppressed, samples)
  std::size_t total = 0;
  for (int i = 0; i < 24; ++i) {
    const bool supp = i % 2 == 1;
    const auto n = static_cast<std::size_t>((supp ? supp_cs(rng) : burst_cs(rng)) * 5);
    parts.emplace_back(supp, n);
    total += n;
  }
  parts.emplace_back(false, 1000);
  total += 1000;
  const Eigen::MatrixXd eeg = real_eeg(0, total);
  Synthetic s;
  s.x.resize(eeg.rows(), static_cast<Eigen::Index>(total));
  std::size_t at = 0;
  for (const auto& [supp, n] : parts) {
    const auto a = static_cast<Eigen::Index>(at);
    const auto len = static_cast<Eigen::Index>(n);
    if (supp) {
      for (Eigen::Index c = 0; c < s.x.rows(); ++c)
        for (Eigen::Index k = 0; k < len; ++k)
          s.x(c, a + k) = noise(rng);
      s.suppression_starts_s.push_back(static_cast<double>(at) / kFs);
      s.suppression_lengths_s.push_back(static_cast<double>(n) / kFs);
      s.suppressed_s += static_cast<double>(n) / kFs;
    } else {
      s.x.middleCols(a, len) = burst_gain * eeg.middleCols(a, len);
      ++s.n_bursts;
    }
    at += n;
  }
  return s;
}

// rel_tol bounds the whole-record BSR relative to the truth, edge_s each suppression edge.
void expect_matches_truth(const Synthetic& s, const ContinuityParams& p, double rel_tol,
                          double edge_s) {
  const ContinuityResult r = analyze_continuity(s.x, kFs, p);
  const double truth = s.suppressed_s / (static_cast<double>(s.x.cols()) / kFs);
  std::cout << "threshold " << p.threshold_ptp_uv << " uV pp: BSR " << r.suppressed_fraction
            << ", truth " << truth << ", bursts " << r.n_bursts << "/" << s.n_bursts << "\n";
  EXPECT_NEAR(r.suppressed_fraction, truth, rel_tol * truth);
  EXPECT_EQ(r.classification, ContinuityClass::BurstSuppression);
  EXPECT_EQ(r.params.definition, p.definition);
  std::vector<ContinuityPeriod> supp;
  for (const auto& q : r.periods)
    if (q.kind == PeriodKind::Suppression)
      supp.push_back(q);
  ASSERT_EQ(supp.size(), s.suppression_starts_s.size());
  for (std::size_t i = 0; i < supp.size(); ++i) {
    EXPECT_NEAR(supp[i].start_s, s.suppression_starts_s[i], edge_s) << i;
    EXPECT_NEAR(supp[i].duration_s, s.suppression_lengths_s[i], 2.0 * edge_s) << i;
  }
  // The last burst is 2 s of real EEG at the end of the record: it has a suppression on one
  // side only, which suffices.
  EXPECT_EQ(r.n_bursts, s.n_bursts);
  // Running 63-s BSR against the known layout.
  for (const BsrPoint& b : r.bsr_series) {
    const double lo = b.time_s - b.covered_s;
    double supp_s = 0.0;
    for (std::size_t i = 0; i < s.suppression_starts_s.size(); ++i) {
      const double a = std::max(lo, s.suppression_starts_s[i]);
      const double e = std::min(b.time_s, s.suppression_starts_s[i] + s.suppression_lengths_s[i]);
      supp_s += std::max(0.0, e - a);
    }
    EXPECT_NEAR(b.bsr, supp_s / b.covered_s, rel_tol) << b.time_s;
  }
}

TEST(Continuity, BsrOfSyntheticBurstSuppressionMatchesTruth) {
  // Bursts of burst suppression are high-voltage: twice and four times the recorded EEG.
  const Synthetic s = burst_suppression(7, 2.0);
  expect_matches_truth(s, bsr_continuity_params(), 0.02, 0.05);
  expect_matches_truth(s, acns_continuity_params(), 0.02, 0.05);
  const Synthetic high = burst_suppression(5, 4.0);
  expect_matches_truth(high, acns_continuity_params(), 0.02, 0.05);
  // Bursts at the recorded voltage of a normal adult: where a burst starts or ends quietly,
  // windows reaching a little into it are still quiet, so suppressions grow by up to about
  // 0.1 s per edge (documented bias).
  const Synthetic raw = burst_suppression(11, 1.0);
  expect_matches_truth(raw, bsr_continuity_params(), 0.04, 0.15);
}

void expect_same_periods(const ContinuityResult& a, const ContinuityResult& b) {
  ASSERT_EQ(a.periods.size(), b.periods.size());
  for (std::size_t i = 0; i < a.periods.size(); ++i) {
    EXPECT_EQ(a.periods[i].kind, b.periods[i].kind);
    EXPECT_EQ(a.periods[i].start_s, b.periods[i].start_s);
    EXPECT_EQ(a.periods[i].duration_s, b.periods[i].duration_s);
    EXPECT_EQ(a.periods[i].segment, b.periods[i].segment);
  }
}

TEST(Continuity, ChunkSizeDoesNotChangeTheResult) {
  const Synthetic s = burst_suppression(3, 1.5);
  const Eigen::Index cut = s.x.cols() / 2;  // a segment gap in the middle
  ContinuityAnalyzer whole(static_cast<std::size_t>(s.x.rows()), kFs, bsr_continuity_params());
  whole.push(s.x.leftCols(cut));
  whole.reset(200.0);
  whole.push(s.x.rightCols(s.x.cols() - cut));
  const ContinuityResult a = whole.result();

  std::mt19937 rng(42);
  std::uniform_int_distribution<Eigen::Index> size(1, 3000);
  ContinuityAnalyzer chunked(static_cast<std::size_t>(s.x.rows()), kFs, bsr_continuity_params());
  for (Eigen::Index at = 0; at < s.x.cols();) {
    const Eigen::Index end = std::min({at + size(rng), s.x.cols(), at < cut ? cut : s.x.cols()});
    chunked.push(s.x.middleCols(at, end - at));
    if (end == cut)
      chunked.reset(200.0);
    at = end;
  }
  const ContinuityResult b = chunked.result();
  expect_same_periods(a, b);
  ASSERT_EQ(a.bsr_series.size(), b.bsr_series.size());
  for (std::size_t i = 0; i < a.bsr_series.size(); ++i)
    EXPECT_EQ(a.bsr_series[i].bsr, b.bsr_series[i].bsr);
  EXPECT_EQ(a.suppressed_s, b.suppressed_s);
  EXPECT_EQ(a.periods.back().segment, 1U);
  EXPECT_GE(a.periods.back().start_s, 200.0);
  // result() leaves the analyzer usable: asking twice gives the same answer.
  EXPECT_EQ(chunked.result().suppressed_s, b.suppressed_s);
}

// Channels held one vector each, as an epoch holds them, give what the same samples give as
// a matrix; wrong shapes and non-finite samples are refused as there.
TEST(ContinuityAnalyzer, ChannelSpansGiveWhatTheMatrixGives) {
  const Synthetic s = burst_suppression(5, 1.5);
  const auto rows = static_cast<std::size_t>(s.x.rows());
  ContinuityAnalyzer from_matrix(rows, kFs, bsr_continuity_params());
  ContinuityAnalyzer from_spans(rows, kFs, bsr_continuity_params());
  for (Eigen::Index at = 0; at < s.x.cols(); at += 2000) {
    const Eigen::Index n = std::min<Eigen::Index>(2000, s.x.cols() - at);
    from_matrix.push(s.x.middleCols(at, n));
    std::vector<std::vector<double>> channels(rows);
    for (std::size_t c = 0; c < rows; ++c)
      for (Eigen::Index j = at; j < at + n; ++j)
        channels[c].push_back(s.x(static_cast<Eigen::Index>(c), j));
    const std::vector<std::span<const double>> spans(channels.begin(), channels.end());
    from_spans.push(spans);
  }
  const ContinuityResult a = from_matrix.result();
  const ContinuityResult b = from_spans.result();
  expect_same_periods(a, b);
  EXPECT_GT(a.n_bursts, 0U);
  EXPECT_EQ(a.n_bursts, b.n_bursts);
  EXPECT_EQ(a.suppressed_s, b.suppressed_s);

  ContinuityAnalyzer two(2, kFs);
  const std::vector<double> ok(100, 1.0), short_one(99, 1.0);
  std::vector<double> bad(100, 1.0);
  bad[50] = std::numeric_limits<double>::quiet_NaN();
  const std::vector<std::span<const double>> one_channel{ok};
  const std::vector<std::span<const double>> unequal{ok, short_one};
  const std::vector<std::span<const double>> with_nan{ok, bad};
  EXPECT_THROW(two.push(one_channel), std::invalid_argument);
  EXPECT_THROW(two.push(unequal), std::invalid_argument);
  EXPECT_THROW(two.push(with_nan), std::invalid_argument);
}

TEST(Continuity, NormalRecordingIsContinuous) {
  const Eigen::MatrixXd x = real_eeg(0, 90000);  // 180 s, without the constant end padding
  for (const auto& p : {acns_continuity_params(), bsr_continuity_params()}) {
    const ContinuityResult r = analyze_continuity(x, kFs, p);
    std::cout << "normal recording, " << p.threshold_ptp_uv << " uV pp: suppressed fraction "
              << r.suppressed_fraction << "\n";
    EXPECT_EQ(r.classification, ContinuityClass::Continuous);
    EXPECT_LT(r.suppressed_fraction, 0.005);
    EXPECT_NEAR(r.analyzed_s, 180.0, 1e-9);
  }
}

TEST(Continuity, TwentyMicrovoltThresholdWouldCallNormalEegDiscontinuous) {
  // Documents why the threshold is peak to trough: reading ACNS "< 10 µV" as ±10 µV (20 µV
  // peak to trough) labels a good part of a normal awake record as suppressed.
  ContinuityParams p;
  p.definition = SuppressionDefinition::Custom;
  p.threshold_ptp_uv = 20.0;
  const ContinuityResult r = analyze_continuity(real_eeg(0, 90000), kFs, p);
  std::cout << "normal recording, 20 uV pp: suppressed fraction " << r.suppressed_fraction << "\n";
  EXPECT_GT(r.suppressed_fraction, 0.10);
}

TEST(Continuity, LowVoltageRecordingIsSuppression) {
  const Eigen::MatrixXd x = 0.2 * real_eeg(0, 30000);  // about 2-3 µV SD
  const ContinuityResult r = analyze_continuity(x, kFs, acns_continuity_params());
  EXPECT_EQ(r.classification, ContinuityClass::Suppression);
  EXPECT_DOUBLE_EQ(r.suppressed_fraction, 1.0);
  EXPECT_EQ(r.n_bursts, 0U);
}

TEST(Continuity, MedianChannelDecides) {
  Eigen::MatrixXd x = real_eeg(0, 10000);
  ASSERT_EQ(x.rows(), 19);
  x.topRows(4).setZero();  // 4 of 19 channels disconnected: the median channel is still EEG
  EXPECT_LT(analyze_continuity(x, kFs).suppressed_fraction, 0.01);
  x.topRows(9).setZero();  // 9 flat: the median is the quietest of the other 10
  EXPECT_LT(analyze_continuity(x, kFs).suppressed_fraction, 0.5);
  x.topRows(10).setZero();  // most channels flat
  EXPECT_DOUBLE_EQ(analyze_continuity(x, kFs).suppressed_fraction, 1.0);
}

// Square waves of +-a alternating every sample: over any window of an even number of samples the
// local amplitude 2 sqrt(2) SD is exactly 2 sqrt(2) a. One channel per amplitude (µV), 4 s at
// 512 Hz, so that the 0.25-s window holds 128 samples.
Eigen::MatrixXd square_waves(const std::vector<double>& amplitudes_uv) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(amplitudes_uv.size()), 2048);
  for (Eigen::Index c = 0; c < x.rows(); ++c)
    for (Eigen::Index k = 0; k < x.cols(); ++k)
      x(c, k) = (k % 2 == 0 ? 1.0 : -1.0) * amplitudes_uv[static_cast<std::size_t>(c)] /
                (2.0 * std::sqrt(2.0));
  return x;
}

// The median channel's amplitude against the 10-µV threshold, close to it on either side; with
// an even number of channels the median is the mean of the two central amplitudes.
TEST(Continuity, MedianAmplitudeAtTheThresholdDecides) {
  const auto suppressed = [](const std::vector<double>& amplitudes) {
    return analyze_continuity(square_waves(amplitudes), 512.0, acns_continuity_params())
        .suppressed_fraction;
  };
  EXPECT_DOUBLE_EQ(suppressed({9.99, 9.995, 12.0}), 1.0);
  EXPECT_DOUBLE_EQ(suppressed({9.99, 10.01, 12.0}), 0.0);
  EXPECT_DOUBLE_EQ(suppressed({8.0, 9.6, 10.3, 12.0}), 1.0);  // median 9.95
  EXPECT_DOUBLE_EQ(suppressed({8.0, 9.9, 10.3, 12.0}), 0.0);  // median 10.1
  EXPECT_DOUBLE_EQ(suppressed({8.0, 9.0, 9.9999, 12.0}), 1.0);
  EXPECT_DOUBLE_EQ(suppressed({8.0, 10.0001, 11.0, 12.0}), 0.0);
}

TEST(Continuity, QuietStretchShorterThanMinimumIsNotSuppression) {
  Eigen::MatrixXd x = real_eeg(0, 10000);
  x.middleCols(5000, 150).setZero();  // 0.3 s
  const ContinuityResult r = analyze_continuity(x, kFs, bsr_continuity_params());
  EXPECT_EQ(r.suppressed_s, 0.0);
  x.middleCols(5000, 400).setZero();  // 0.8 s
  const ContinuityResult r2 = analyze_continuity(x, kFs, bsr_continuity_params());
  EXPECT_GE(r2.suppressed_s, 0.8);
  EXPECT_LE(r2.suppressed_s, 1.0);  // edge bias: up to 0.1 s per edge into quiet-edged EEG
  EXPECT_EQ(r2.n_bursts, 2U);       // 10 s of EEG on each side, each beside a suppression
}

TEST(ContinuityAnalyzer, HandlesSegmentsShorterThanTheWindow) {
  std::mt19937 rng(1);
  std::normal_distribution<double> noise(0.0, 1.0);
  Eigen::MatrixXd quiet(3, 1000);  // 2 s within about ±3 µV
  for (Eigen::Index k = 0; k < quiet.size(); ++k)
    quiet.data()[k] = noise(rng);
  ContinuityAnalyzer a(3, kFs, bsr_continuity_params(), 5.0);
  a.push(quiet);
  a.reset(10.0);
  a.push(quiet.leftCols(50));  // 0.1 s: shorter than the 0.25 s window
  const ContinuityResult r = a.result();
  EXPECT_DOUBLE_EQ(r.analyzed_s, 2.1);
  EXPECT_DOUBLE_EQ(r.suppressed_s, 2.0);
  ASSERT_EQ(r.periods.size(), 2U);
  EXPECT_EQ(r.periods[0].kind, PeriodKind::Suppression);
  EXPECT_DOUBLE_EQ(r.periods[0].start_s, 5.0);
  EXPECT_EQ(r.periods[1].kind, PeriodKind::Brief);  // quiet, but shorter than 0.5 s
  EXPECT_DOUBLE_EQ(r.periods[1].start_s, 10.0);
  EXPECT_EQ(r.periods[1].segment, 1U);
  ASSERT_EQ(r.bsr_series.size(), 2U);  // at 6 s and 7 s; none in the 0.1-s segment
  EXPECT_DOUBLE_EQ(r.bsr_series[0].time_s, 6.0);
  EXPECT_DOUBLE_EQ(r.bsr_series[0].covered_s, 1.0);
  EXPECT_DOUBLE_EQ(r.bsr_series[1].bsr, 1.0);
}

TEST(ClassifyContinuity, FollowsAcnsCategories) {
  EXPECT_EQ(classify_continuity(0.0, 0), ContinuityClass::Continuous);
  EXPECT_EQ(classify_continuity(0.05, 3), ContinuityClass::NearlyContinuous);
  EXPECT_EQ(classify_continuity(0.10, 3), ContinuityClass::Discontinuous);
  EXPECT_EQ(classify_continuity(0.49, 3), ContinuityClass::Discontinuous);
  EXPECT_EQ(classify_continuity(0.70, 3), ContinuityClass::BurstSuppression);
  EXPECT_EQ(classify_continuity(0.70, 0), ContinuityClass::Discontinuous);
  EXPECT_EQ(classify_continuity(1.0, 0), ContinuityClass::Suppression);
  EXPECT_EQ(to_string(ContinuityClass::BurstSuppression), "burst_suppression");
  EXPECT_THROW((void)classify_continuity(1.5, 0), std::invalid_argument);
}

TEST(ContinuityAnalyzer, RejectsBadArguments) {
  EXPECT_THROW(ContinuityAnalyzer(0, kFs), std::invalid_argument);
  EXPECT_THROW(ContinuityAnalyzer(2, 0.0), std::invalid_argument);
  ContinuityParams p;
  p.window_s = 1.0;  // longer than min_suppression_s
  EXPECT_THROW(ContinuityAnalyzer(2, kFs, p), std::invalid_argument);
  ContinuityAnalyzer a(2, kFs);
  EXPECT_THROW((void)a.result(), std::invalid_argument);
  EXPECT_THROW(a.push(Eigen::MatrixXd::Zero(3, 10)), std::invalid_argument);
  Eigen::MatrixXd bad = Eigen::MatrixXd::Zero(2, 10);
  bad(1, 4) = std::nan("");
  EXPECT_THROW(a.push(bad), std::invalid_argument);
  a.push(Eigen::MatrixXd::Zero(2, 1000));
  EXPECT_THROW(a.reset(1.0), std::invalid_argument);  // the segment runs to 2 s
  try {
    (void)ContinuityAnalyzer(2, -1.0);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("ContinuityAnalyzer: ", 0), 0U) << e.what();
  }
}

}  // namespace
}  // namespace eegtrack::features
