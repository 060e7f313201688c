#include "eegtrack/pipeline/average_psd.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>

#include "eegtrack/dsp/multitaper.hpp"
#include "eegtrack/dsp/require.hpp"

namespace eegtrack::pipeline {
namespace {

/// Sums of the segment spectra per channel, and the number of segments in each sum.
struct SpectrumSums {
  std::vector<double> frequencies_hz;
  std::vector<std::vector<double>> sums;  // per channel
  std::size_t segments = 0;

  void add(std::size_t channel, std::span<const double> psd, double weight) {
    auto& sum = sums[channel];
    if (sum.empty())
      sum.assign(psd.size(), 0.0);
    for (std::size_t k = 0; k < sum.size(); ++k)
      sum[k] += psd[k] * weight;
  }
};

/// Welch over exactly the samples of buffer averages the same segments as the whole-stretch
/// Welch would; weighting each buffer's mean by its segment count makes the overall mean.
std::size_t add_welch_segments(const std::vector<std::vector<double>>& buffers, double rate_hz,
                               const AveragePsdParams& params, SpectrumSums& out) {
  const std::size_t count = dsp::welch_segment_count(buffers.front().size(), rate_hz, params.welch);
  for (std::size_t c = 0; c < buffers.size(); ++c) {
    const auto psd = dsp::welch_psd(buffers[c], rate_hz, params.welch);
    if (out.frequencies_hz.empty())
      out.frequencies_hz = psd.frequencies_hz;
    out.add(c, psd.psd_uv2_per_hz, static_cast<double>(count));
  }
  return count;
}

/// One multitaper PSD per segment (all channels at once, so the tapers are computed once per
/// segment rather than once per channel).
std::size_t add_multitaper_segments(const std::vector<std::vector<double>>& buffers, double rate_hz,
                                    std::size_t segment, std::size_t step,
                                    const AveragePsdParams& params, SpectrumSums& out) {
  const dsp::MultitaperParams taper{.time_bandwidth = params.nw,
                                    .weighting = params.adaptive
                                                     ? dsp::MultitaperWeighting::Adaptive
                                                     : dsp::MultitaperWeighting::Eigenvalue};
  std::size_t count = 0;
  Eigen::MatrixXd block(static_cast<Eigen::Index>(buffers.size()),
                        static_cast<Eigen::Index>(segment));
  for (std::size_t start = 0; start + segment <= buffers.front().size(); start += step, ++count) {
    for (std::size_t c = 0; c < buffers.size(); ++c) {
      block.row(static_cast<Eigen::Index>(c)) = Eigen::Map<const Eigen::RowVectorXd>(
          buffers[c].data() + start, static_cast<Eigen::Index>(segment));
    }
    const auto psd = dsp::multitaper_psd(block, rate_hz, taper);
    if (out.frequencies_hz.empty())
      out.frequencies_hz = psd.frequencies_hz;
    for (std::size_t c = 0; c < buffers.size(); ++c) {
      const Eigen::RowVectorXd row = psd.psd_uv2_per_hz.row(static_cast<Eigen::Index>(c));
      out.add(c, std::span<const double>(row.data(), static_cast<std::size_t>(row.size())), 1.0);
    }
  }
  return count;
}

}  // namespace

PsdMethod parse_psd_method(const std::string& text) {
  if (text == "welch")
    return PsdMethod::Welch;
  if (text == "multitaper")
    return PsdMethod::Multitaper;
  throw std::invalid_argument("parse_psd_method: unknown method (" + text +
                              "); use welch or multitaper");
}

const char* to_string(PsdMethod method) noexcept {
  return method == PsdMethod::Welch ? "welch" : "multitaper";
}

void validate(const AveragePsdParams& p) {
  constexpr const char* w = "AveragePsdParams";
  dsp::require(p.welch.segment_s > 0.0 && std::isfinite(p.welch.segment_s), w, "segment_s",
               p.welch.segment_s, "must be finite and > 0");
  // Checked before the segment grid is sized: a negative overlap would wrap the sample count.
  dsp::require(p.welch.overlap >= 0.0 && p.welch.overlap < 1.0, w, "overlap", p.welch.overlap,
               "must be in [0, 1)");
  dsp::require(p.nw >= 0.5 && std::isfinite(p.nw), w, "nw", p.nw, "must be finite and >= 0.5");
}

AveragePsd average_psd(MontagedReader& chunks, const AveragePsdParams& params) {
  validate(params);
  AveragePsd out;
  const std::size_t n_channels = chunks.selection().labels.size();
  const double rate = chunks.selection().sample_rate_hz;
  // The same segment grid as welch_psd: round(segment_s * fs) samples, floor(overlap * L) shared.
  const auto segment = static_cast<std::size_t>(std::lround(params.welch.segment_s * rate));
  const auto overlap =
      static_cast<std::size_t>(std::floor(params.welch.overlap * static_cast<double>(segment)));
  const std::size_t step = segment > overlap ? segment - overlap : 1;
  // Validates segment length and overlap up front, for either method.
  (void)dsp::welch_segment_count(std::max<std::size_t>(segment, 1), rate, params.welch);

  std::vector<std::vector<double>> carry(n_channels);  // same length for every channel
  SpectrumSums sums;
  sums.sums.resize(n_channels);
  MontagedChunk chunk;
  while (chunks.next(chunk)) {
    const std::size_t n = chunk.samples.empty() ? 0 : chunk.samples.front().size();
    out.data_s += static_cast<double>(n) / rate;
    for (std::size_t c = 0; c < n_channels; ++c) {
      if (!chunk.continues_previous)
        carry[c].clear();  // a gap: segments never bridge it
      carry[c].insert(carry[c].end(), chunk.samples[c].begin(), chunk.samples[c].end());
    }
    if (n_channels == 0 || carry.front().size() < segment)
      continue;
    const std::size_t used =
        params.method == PsdMethod::Welch
            ? add_welch_segments(carry, rate, params, sums)
            : add_multitaper_segments(carry, rate, segment, step, params, sums);
    sums.segments += used;
    // Keep the samples from the next unused segment start (used * step) on: the next chunk
    // completes that segment, so chunk edges are invisible in the result.
    for (auto& buffer : carry) {
      buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(
                                                        std::min(used * step, buffer.size())));
    }
  }
  if (sums.segments == 0) {
    throw std::invalid_argument("average_psd: no stretch of data holds one " +
                                std::to_string(params.welch.segment_s) + "-s segment");
  }
  out.n_segments = sums.segments;
  out.frequencies_hz = sums.frequencies_hz;
  for (auto& sum : sums.sums) {
    for (double& v : sum)
      v /= static_cast<double>(sums.segments);
    out.psd_uv2_per_hz.push_back(std::move(sum));
  }
  return out;
}

}  // namespace eegtrack::pipeline
