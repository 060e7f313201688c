#include "eegtrack/dsp/welch.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "welch_engine.hpp"

namespace eegtrack::dsp {

Psd welch_psd(std::span<const double> x, double sample_rate_hz, const WelchParams& p) {
  detail::WelchEngine engine("welch_psd", x.size(), sample_rate_hz, p);
  Psd out{engine.frequencies_hz(), std::vector<double>(engine.layout().n_freqs)};
  engine.psd(x.data(), 1, x.size(), out.psd_uv2_per_hz.data());
  return out;
}

namespace {

// The PSD of each of `rows` signals of n samples into one row of a matrix each; row_of(c) gives
// the first sample of signal c and the stride between its samples.
template <class RowOf>
PsdMatrix psd_of_rows(Eigen::Index rows, std::size_t n, double sample_rate_hz, const WelchParams& p,
                      RowOf row_of) {
  detail::WelchEngine engine("welch_psd", n, sample_rate_hz, p);
  const std::size_t nf = engine.layout().n_freqs;
  PsdMatrix out{engine.frequencies_hz(), Eigen::MatrixXd(rows, static_cast<Eigen::Index>(nf))};
  std::vector<double> row(nf);
  for (Eigen::Index c = 0; c < rows; ++c) {
    const auto [first, stride] = row_of(c);
    engine.psd(first, stride, n, row.data());
    for (std::size_t k = 0; k < nf; ++k)
      out.psd_uv2_per_hz(c, static_cast<Eigen::Index>(k)) = row[k];
  }
  return out;
}

}  // namespace

PsdMatrix welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                    const WelchParams& p) {
  if (x.rows() == 0)
    throw std::invalid_argument("welch_psd: no channel (0 rows)");
  // Rows of a column-major matrix are strided by the outer stride.
  return psd_of_rows(x.rows(), static_cast<std::size_t>(x.cols()), sample_rate_hz, p,
                     [&](Eigen::Index c) { return std::pair(x.data() + c, x.outerStride()); });
}

PsdMatrix welch_psd(std::span<const std::span<const double>> channels, double sample_rate_hz,
                    const WelchParams& p) {
  if (channels.empty())
    throw std::invalid_argument("welch_psd: no channel (0 rows)");
  const std::size_t n = channels.front().size();
  for (const auto& x : channels) {
    if (x.size() != n)
      throw std::invalid_argument("welch_psd: channels of unequal length (" +
                                  std::to_string(x.size()) + " vs " + std::to_string(n) + ")");
  }
  return psd_of_rows(
      static_cast<Eigen::Index>(channels.size()), n, sample_rate_hz, p, [&](Eigen::Index c) {
        return std::pair(channels[static_cast<std::size_t>(c)].data(), std::ptrdiff_t{1});
      });
}

EpochPsd epoch_welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz, double epoch_s,
                         const WelchParams& p) {
  EpochPsd out;
  epoch_welch_psd(x, sample_rate_hz, epoch_s, p, out);
  return out;
}

void epoch_welch_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz, double epoch_s,
                     const WelchParams& p, EpochPsd& out) {
  constexpr const char* kName = "epoch_welch_psd";
  if (x.rows() == 0)
    throw std::invalid_argument("epoch_welch_psd: no channel (0 rows)");
  if (!(sample_rate_hz > 0.0) || !std::isfinite(sample_rate_hz)) {
    throw std::invalid_argument("epoch_welch_psd: sample rate must be > 0 (" +
                                std::to_string(sample_rate_hz) + ")");
  }
  if (!(epoch_s > 0.0) || !std::isfinite(epoch_s))
    throw std::invalid_argument("epoch_welch_psd: epoch_s must be > 0 (" + std::to_string(epoch_s) +
                                ")");
  const double epoch_samples = std::round(epoch_s * sample_rate_hz);
  const auto n = static_cast<std::size_t>(x.cols());
  if (epoch_samples < 1.0 || epoch_samples > static_cast<double>(n)) {
    throw std::invalid_argument("epoch_welch_psd: recording shorter than one epoch (" +
                                std::to_string(n) + " samples)");
  }
  const auto ne = static_cast<std::size_t>(epoch_samples);
  detail::WelchEngine engine(kName, ne, sample_rate_hz, p);
  out.frequencies_hz = engine.frequencies_hz();
  out.n_epochs = n / ne;
  out.n_channels = static_cast<std::size_t>(x.rows());
  const std::size_t nf = out.frequencies_hz.size();
  out.psd_uv2_per_hz.resize(out.n_epochs * out.n_channels * nf);
  const Eigen::Index stride = x.outerStride();
  double* dst = out.psd_uv2_per_hz.data();
  // Epoch-major order, each epoch first transposed into contiguous channel rows: one epoch of all
  // channels (21 ch x 4 s x 256 Hz = 170 kB) stays in cache, every sample is gathered once
  // (overlapping segments would gather it 1.5 times), and the segment loops run contiguous.
  std::vector<double> block(out.n_channels * ne);
  for (std::size_t e = 0; e < out.n_epochs; ++e) {
    const double* epoch = x.data() + static_cast<std::ptrdiff_t>(e * ne) * stride;
    // Channel-outer: contiguous writes and a constant-stride read the prefetcher follows. The
    // time-outer order wrote 21 streams ne * 8 bytes apart (4 kB aliasing in L1) and cost more
    // than the FFTs.
    for (std::size_t c = 0; c < out.n_channels; ++c) {
      const double* source = epoch + c;
      double* row = block.data() + c * ne;
      for (std::size_t t = 0; t < ne; ++t)
        row[t] = source[static_cast<std::ptrdiff_t>(t) * stride];
    }
    for (std::size_t c = 0; c < out.n_channels; ++c, dst += nf)
      engine.psd(block.data() + c * ne, 1, ne, dst);
  }
}

std::size_t welch_segment_count(std::size_t n_samples, double sample_rate_hz,
                                const WelchParams& p) {
  const detail::WelchLayout l =
      detail::resolve_welch("welch_segment_count", n_samples, sample_rate_hz, p);
  return (n_samples - l.nperseg) / l.step + 1;
}

}  // namespace eegtrack::dsp
