// What analyze_recording accumulates from each epoch for the recording-level measures
// (analysis_state.hpp): the per-cell scalars, the running mean spectra and the bootstrap's
// per-block spectra.
#include "analysis_state.hpp"

#include <algorithm>
#include <span>
#include <vector>

namespace eegtrack::pipeline::detail {

void close_open_block(AnalysisState& st) {
  if (!st.block_psd_sum || st.block_psd_sum->rows() == st.blocks_started)
    return;  // no block, or the open one already closed
  const std::size_t nb = st.block_channels.size();
  const std::size_t bins = st.block_bins;
  std::vector<float> row(bins * nb);  // [bin][block channel], the table's entries and columns
  for (std::size_t i = 0; i < nb; ++i)
    for (std::size_t k = 0; k < bins; ++k)
      row[k * nb + i] = st.open_block_sum[i * bins + k];
  st.block_psd_sum->append(std::span<const float>(row));
}

namespace {

// Per-block sums of the channels the PDR reads, for the block bootstrap. The open block's sums
// go to block_psd_sum when the next block starts (blocks are whole runs of epochs, in order).
void accumulate_block(const EpochResult& r, AnalysisState& st) {
  const std::size_t block = st.n_epochs / st.block_epochs;
  const std::size_t nb = st.block_channels.size();
  if (block >= st.blocks_started) {
    close_open_block(st);
    st.blocks_started = block + 1;
    st.block_psd_count.resize(st.blocks_started * nb, 0);
    st.open_block_sum.assign(nb * st.block_bins, 0.0F);
  }
  for (std::size_t i = 0; i < nb; ++i) {
    const std::size_t c = st.block_channels[i];
    if (r.rejected[c])
      continue;
    ++st.block_psd_count[block * nb + i];
    float* sum = &st.open_block_sum[i * st.block_bins];
    for (std::size_t k = 0; k < st.block_bins; ++k)
      sum[k] += static_cast<float>(
          r.psd.psd_uv2_per_hz(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)));
  }
}

}  // namespace

void accumulate(const EpochResult& r, const AnalyzeParams& p, AnalysisState& st) {
  st.cells->append(std::span<const double>(r.values));
  const std::size_t nf = r.psd.frequencies_hz.size();
  if (st.frequencies_hz.empty()) {
    st.frequencies_hz = r.psd.frequencies_hz;
    st.psd_sum.assign(st.n_channels * nf, 0.0);
    // The PDR's aperiodic fit reads up to aperiodic_high_hz: blocks keep the bins up to there.
    const double top = std::max(p.pdr.aperiodic.high_hz, p.pdr.search_high_hz) + 1.0;
    st.block_bins = static_cast<std::size_t>(
        std::upper_bound(st.frequencies_hz.begin(), st.frequencies_hz.end(), top) -
        st.frequencies_hz.begin());
    const std::size_t blocks = (st.expected_epochs + st.block_epochs - 1) / st.block_epochs;
    st.block_psd_count.reserve(blocks * st.block_channels.size());
    st.block_psd_sum.emplace(st.block_bins, st.block_channels.size());
    st.block_psd_sum->reserve(blocks);
  }
  accumulate_block(r, st);
  ++st.n_epochs;
  for (std::size_t c = 0; c < st.n_channels; ++c) {
    if (r.rejected[c])
      continue;
    ++st.psd_count[c];
    for (std::size_t k = 0; k < nf; ++k)
      st.psd_sum[c * nf + k] +=
          r.psd.psd_uv2_per_hz(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
  }
}

}  // namespace eegtrack::pipeline::detail
