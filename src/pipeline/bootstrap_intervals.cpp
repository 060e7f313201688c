// Block bootstrap of a recording's own variability (docs/findings.md, intervals): contiguous
// blocks of epochs are drawn with replacement and the recording-level measures recomputed with
// the same functions as the point estimates (medians of per-epoch features over clean epochs,
// the PDR of the mean posterior spectrum, the slowing index). Suppression is held at its
// recording value: it is measured on samples, not per epoch.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <span>
#include <stdexcept>

#include "analysis_state.hpp"
#include "bootstrap_draws.hpp"
#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/pipeline/available_cpus.hpp"
#include "worker_pool.hpp"

namespace eegtrack::pipeline::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Resamples drawn together, and measured in groups of kResampleGroup spread over the cores: a
// group reads each block's spectrum once (kResampleGroup x 9 channels x the PDR's bins of sums
// stay in the second-level cache).
constexpr std::size_t kResampleChunk = 64;
constexpr std::size_t kResampleGroup = 8;

// What one resample gives: the PDR when present, and the slowing measures when the medians of
// the four bands exist.
struct Resample {
  bool pdr_present = false;
  double pdr_hz = kNaN;
  bool graded = false;
  double index = kNaN, delta = kNaN, theta = kNaN, dar = kNaN;
};

// Per-epoch global values the index needs: relative delta, theta, alpha, beta, DAR, SEF50.
enum Measure { kDelta, kTheta, kAlpha, kBeta, kDar, kSef50, kMeasures };

std::size_t feature_named(const RecordingAnalysis& out, const std::string& name) {
  for (std::size_t i = 0; i < out.features.size(); ++i)
    if (out.features[i].name == name)
      return i;
  return out.features.size();
}

std::size_t band_relative(const AnalyzeParams& p, const char* name) {
  for (std::size_t b = 0; b < p.bands.size(); ++b)
    if (p.bands[b].name == name)
      return 2 * b + 1;
  return static_cast<std::size_t>(-1);
}

std::optional<findings::Interval> percentile_interval(std::vector<double> v, double level) {
  std::erase_if(v, [](double x) { return !std::isfinite(x); });
  if (v.size() < 2)
    return std::nullopt;
  const double tail = 0.5 * (1.0 - level);
  return findings::Interval{dsp::quantile(v, tail), dsp::quantile(v, 1.0 - tail)};
}

// The posterior rows (occipital, else parietal) and the frontal rows among the good block
// channels, as posterior_rhythm chooses them; positions into st.block_channels.
struct PdrRows {
  std::vector<std::size_t> posterior, frontal;
  std::vector<sites::Side> sides;
};

PdrRows pdr_rows(const AnalysisState& st, const std::vector<std::size_t>& good,
                 const RecordingAnalysis& out) {
  PdrRows rows;
  std::vector<std::size_t> occipital, parietal;
  for (std::size_t i = 0; i < st.block_channels.size(); ++i) {
    const std::size_t c = st.block_channels[i];
    if (std::find(good.begin(), good.end(), c) == good.end() || st.psd_count[c] == 0)
      continue;
    const auto r = out.channels[c].site.region;
    (r == sites::Region::Occipital  ? occipital
     : r == sites::Region::Parietal ? parietal
                                    : rows.frontal)
        .push_back(i);
  }
  rows.posterior = occipital.empty() ? parietal : occipital;
  for (std::size_t i : rows.posterior)
    rows.sides.push_back(out.channels[st.block_channels[i]].site.side);
  return rows;
}

// The block spectra of the PDR rows (positions into st.block_channels), read from the
// analysis' table of block sums a group of blocks at a time.
std::vector<BlockSpectra> row_spectra(const AnalysisState& st,
                                      const std::vector<std::size_t>& rows) {
  const std::size_t nb = st.block_channels.size();
  const std::size_t n_blocks = nb == 0 ? 0 : st.block_psd_count.size() / nb;
  if (n_blocks > 0 && (!st.block_psd_sum || st.block_psd_sum->rows() != n_blocks))
    throw std::logic_error("bootstrap_intervals: the open block of spectra was not closed");
  std::vector<BlockSpectra> out;
  for (std::size_t i : rows)
    out.push_back(
        {.read =
             [&st, i](std::size_t first, std::size_t count, float* into) {
               st.block_psd_sum->read_column(i, first, count, {into, count * st.block_bins});
             },
         .counts = st.block_psd_count.data() + i,
         .count_stride = nb,
         .bins = st.block_bins,
         .blocks = n_blocks});
  return out;
}

// The mean spectra of `rows` in resamples [first, first + n) of a chunk: one matrix per row,
// a resample per matrix row, and the epochs each holds.
struct DrawnSpectra {
  std::vector<Eigen::MatrixXd> mean;
  std::vector<std::vector<std::uint64_t>> epochs;
};

DrawnSpectra drawn_spectra(const std::vector<BlockSpectra>& rows,
                           std::span<const std::vector<std::uint32_t>> multiplicity) {
  DrawnSpectra out;
  for (const auto& row : rows) {
    out.mean.emplace_back(static_cast<Eigen::Index>(multiplicity.size()),
                          static_cast<Eigen::Index>(row.bins));
    out.epochs.emplace_back(multiplicity.size());
    mean_drawn_spectra(row, multiplicity, out.mean.back(), out.epochs.back());
  }
  return out;
}

// One resample's spectra of the rows that have data in it, one row each (as posterior_rhythm
// takes them), with their sides when asked.
Eigen::MatrixXd resample_rows(const DrawnSpectra& d, std::size_t r, std::size_t bins,
                              std::vector<sites::Side>* sides,
                              const std::vector<sites::Side>& all_sides) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(d.mean.size()), static_cast<Eigen::Index>(bins));
  Eigen::Index kept = 0;
  if (sides)
    sides->clear();
  for (std::size_t i = 0; i < d.mean.size(); ++i) {
    if (d.epochs[i][r] == 0)
      continue;  // no clean epoch of this channel in the drawn blocks
    m.row(kept) = d.mean[i].row(static_cast<Eigen::Index>(r));
    if (sides)
      sides->push_back(all_sides[i]);
    ++kept;
  }
  return m.topRows(kept);
}

}  // namespace

findings::Intervals bootstrap_intervals(const AnalysisState& st, const AnalyzeParams& p,
                                        const std::vector<std::size_t>& good,
                                        const RecordingAnalysis& out) {
  const auto& bp = p.bootstrap;
  findings::Intervals iv;
  iv.level = bp.level;
  iv.block_s = static_cast<double>(st.block_epochs) * out.epochs.epoch_s;
  iv.resamples = bp.resamples;
  iv.seed = bp.seed;
  const std::size_t feature[kMeasures] = {band_relative(p, "delta"),
                                          band_relative(p, "theta"),
                                          band_relative(p, "alpha"),
                                          band_relative(p, "beta"),
                                          feature_named(out, "delta_alpha_ratio"),
                                          feature_named(out, "sef50_hz")};

  // Clean epochs by block, with their per-epoch global values (read one feature at a time).
  std::map<std::size_t, std::vector<std::size_t>> by_block;
  std::vector<std::array<double, kMeasures>> values(out.epochs.size());
  for (std::size_t e = 0; e < out.epochs.size(); ++e) {
    if (out.epochs.clean[e])
      by_block[e / st.block_epochs].push_back(e);
  }
  for (int k = 0; k < kMeasures; ++k) {
    std::vector<float> column;
    if (feature[k] < st.n_features)
      column = st.cells->column(feature[k]);
    for (std::size_t e = 0; e < out.epochs.size(); ++e) {
      if (out.epochs.clean[e])
        values[e][k] = column.empty() ? kNaN : epoch_mean(column, st.n_channels, e, good);
    }
  }
  std::vector<std::size_t> blocks;
  for (const auto& [b, epochs] : by_block)
    blocks.push_back(b);
  iv.n_blocks = blocks.size();
  if (blocks.size() < static_cast<std::size_t>(bp.min_blocks) || !out.graded) {
    iv.unavailable = out.graded ? "too few clean blocks (" + std::to_string(blocks.size()) + " < " +
                                      std::to_string(bp.min_blocks) + " of " +
                                      std::to_string(iv.block_s).substr(0, 4) + " s)"
                                : "not graded (no clean epoch)";
    return iv;
  }

  const PdrRows rows = pdr_rows(st, good, out);
  const std::span<const double> freqs(st.frequencies_hz.data(), st.block_bins);
  auto pp = p.pdr;
  pp.aperiodic.high_hz = std::min(pp.aperiodic.high_hz, st.frequencies_hz.back());
  // Each measure's per-epoch values, sorted once, with their blocks.
  const std::size_t nb = st.block_channels.size();
  const std::size_t n_blocks =
      std::max(nb == 0 ? std::size_t{0} : st.block_psd_count.size() / nb, blocks.back() + 1);
  std::vector<BlockValues> sorted;
  for (int k = 0; k < kMeasures; ++k) {
    std::vector<double> v;
    std::vector<std::size_t> of_block;
    for (const auto& [b, epochs] : by_block)
      for (std::size_t e : epochs) {
        v.push_back(values[e][k]);
        of_block.push_back(b);
      }
    sorted.emplace_back(v, of_block);
  }
  const auto posterior = row_spectra(st, rows.posterior);
  const auto frontal = row_spectra(st, rows.frontal);
  // The recording-level measures of resamples [first, first + count) of a chunk, recomputed
  // from how many times each block was drawn.
  const auto measure = [&](std::span<const std::vector<std::uint32_t>> drawn,
                           std::span<Resample> results) {
    const DrawnSpectra back = drawn_spectra(posterior, drawn);
    const DrawnSpectra front = drawn_spectra(frontal, drawn);
    for (std::size_t r = 0; r < drawn.size(); ++r) {
      Resample& result = results[r];
      result = {};
      double med[kMeasures];
      for (int k = 0; k < kMeasures; ++k)
        med[k] = sorted[static_cast<std::size_t>(k)].median(drawn[r]);
      features::SlowingInputs s;
      if (!rows.posterior.empty()) {
        std::vector<sites::Side> sides;
        const auto m = resample_rows(back, r, st.block_bins, &sides, rows.sides);
        const auto f = resample_rows(front, r, st.block_bins, nullptr, {});
        if (m.rows() > 0) {
          const auto found = features::posterior_dominant_rhythm(freqs, m, sides, pp, f);
          s.pdr_present = found.present;
          s.pdr_frequency_hz = found.present ? found.frequency_hz : 0.0;
        }
      }
      result.pdr_present = s.pdr_present;
      result.pdr_hz = s.pdr_frequency_hz;
      if (!std::isfinite(med[kDelta]) || !std::isfinite(med[kTheta]) ||
          !std::isfinite(med[kAlpha]) || !std::isfinite(med[kBeta]))
        continue;
      s.relative_delta = std::clamp(med[kDelta], 0.0, 1.0);
      s.relative_theta = std::clamp(med[kTheta], 0.0, 1.0);
      s.relative_alpha = std::clamp(med[kAlpha], 0.0, 1.0);
      s.relative_beta = std::clamp(med[kBeta], 0.0, 1.0);
      s.suppression_fraction = std::clamp(out.continuity.suppressed_fraction, 0.0, 1.0);
      s.median_frequency_hz = med[kSef50];
      result.graded = true;
      result.index = features::grade_slowing(s, p.slowing).encephalopathy_index;
      result.delta = med[kDelta];
      result.theta = med[kTheta];
      result.dar = med[kDar];
    }
  };

  // The draws come from one generator in a fixed order and the results are kept in that
  // order, so the intervals do not depend on how many threads measure the resamples. They are
  // drawn a chunk at a time: memory stays a chunk of draws, not all of them. A chunk's resamples
  // are measured in groups, each group reading every block's spectrum once.
  std::mt19937_64 rng(bp.seed);
  std::uniform_int_distribution<std::size_t> pick(0, blocks.size() - 1);
  std::vector<double> index, pdr, delta, theta, dar;
  int present = 0;
  WorkerPool pool(p.threads > 0 ? p.threads : available_cpus());
  std::vector<std::vector<std::uint32_t>> drawn(kResampleChunk);
  std::vector<Resample> measured(kResampleChunk);
  for (int first = 0; first < bp.resamples; first += static_cast<int>(kResampleChunk)) {
    const auto n =
        std::min<std::size_t>(kResampleChunk, static_cast<std::size_t>(bp.resamples - first));
    for (std::size_t r = 0; r < n; ++r) {
      drawn[r].assign(n_blocks, 0);
      for (std::size_t j = 0; j < blocks.size(); ++j)
        ++drawn[r][blocks[pick(rng)]];
    }
    const std::size_t groups = (n + kResampleGroup - 1) / kResampleGroup;
    pool.run(groups, [&](std::size_t g) {
      const std::size_t from = g * kResampleGroup;
      const std::size_t count = std::min(kResampleGroup, n - from);
      measure(std::span(drawn).subspan(from, count), std::span(measured).subspan(from, count));
    });
    for (std::size_t r = 0; r < n; ++r) {
      const Resample& m = measured[r];
      if (m.pdr_present) {
        ++present;
        pdr.push_back(m.pdr_hz);
      }
      if (!m.graded)
        continue;
      index.push_back(m.index);
      delta.push_back(m.delta);
      theta.push_back(m.theta);
      dar.push_back(m.dar);
    }
  }
  iv.encephalopathy_index = percentile_interval(index, bp.level);
  iv.pdr_hz = percentile_interval(pdr, bp.level);
  iv.pdr_present_fraction = static_cast<double>(present) / static_cast<double>(bp.resamples);
  iv.relative_delta = percentile_interval(delta, bp.level);
  iv.relative_theta = percentile_interval(theta, bp.level);
  iv.delta_alpha_ratio = percentile_interval(dar, bp.level);
  return iv;
}

}  // namespace eegtrack::pipeline::detail
