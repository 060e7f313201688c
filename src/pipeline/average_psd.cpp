#include "eegtrack/pipeline/average_psd.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>

namespace eegtrack::pipeline {
namespace {

/// Adds sum over the segments of buffer (starting at multiples of step) of their spectra to
/// sums, returns the number of segments used.
std::size_t accumulate_segments(std::span<const double> buffer, double rate_hz,
                                const AveragePsdParams& params, std::vector<double>& sums,
                                std::vector<double>& frequencies_hz) {
  const std::size_t count = dsp::welch_segment_count(buffer.size(), rate_hz, params.welch);
  if (count == 0)
    return 0;
  // Welch over exactly these samples averages the same segments; weight the mean by the count
  // so stretches of different lengths combine into the overall mean.
  const auto psd = dsp::welch_psd(buffer, rate_hz, params.welch);
  if (sums.empty()) {
    sums.assign(psd.psd_uv2_per_hz.size(), 0.0);
    frequencies_hz = psd.frequencies_hz;
  }
  for (std::size_t k = 0; k < sums.size(); ++k)
    sums[k] += psd.psd_uv2_per_hz[k] * static_cast<double>(count);
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

AveragePsd average_psd(MontagedReader& chunks, const AveragePsdParams& params) {
  AveragePsd out;
  const std::size_t n_channels = chunks.selection().labels.size();
  const double rate = chunks.selection().sample_rate_hz;
  const auto segment = static_cast<std::size_t>(std::lround(params.welch.segment_s * rate));
  const auto overlap =
      static_cast<std::size_t>(std::floor(params.welch.overlap * static_cast<double>(segment)));
  const std::size_t step = segment > overlap ? segment - overlap : 1;

  std::vector<std::vector<double>> carry(n_channels);
  std::vector<std::vector<double>> sums(n_channels);
  std::vector<std::size_t> counts(n_channels, 0);
  MontagedChunk chunk;
  while (chunks.next(chunk)) {
    const std::size_t n = chunk.samples.empty() ? 0 : chunk.samples.front().size();
    out.data_s += static_cast<double>(n) / rate;
    for (std::size_t c = 0; c < n_channels; ++c) {
      auto& buffer = carry[c];
      if (!chunk.continues_previous)
        buffer.clear();  // a gap: segments never bridge it
      buffer.insert(buffer.end(), chunk.samples[c].begin(), chunk.samples[c].end());
      const std::size_t used =
          buffer.size() >= segment
              ? accumulate_segments(buffer, rate, params, sums[c], out.frequencies_hz)
              : 0;
      counts[c] += used;
      // Keep the samples from the first segment start not yet used: the next segment of this
      // stretch starts at used * step.
      buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(
                                                        std::min(used * step, buffer.size())));
    }
  }
  if (n_channels == 0 || counts.front() == 0) {
    throw std::invalid_argument("average_psd: no stretch of data holds one " +
                                std::to_string(params.welch.segment_s) + "-s segment");
  }
  out.n_segments = counts.front();
  for (std::size_t c = 0; c < n_channels; ++c) {
    for (double& v : sums[c])
      v /= static_cast<double>(counts[c]);
    out.psd_uv2_per_hz.push_back(std::move(sums[c]));
  }
  return out;
}

}  // namespace eegtrack::pipeline
