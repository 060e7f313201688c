#include "eegtrack/dsp/spectrogram.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "welch_engine.hpp"

namespace eegtrack::dsp {
namespace {

std::size_t to_samples(double seconds, double fs, const char* what) {
  const double s = std::round(seconds * fs);
  if (!(s >= 1.0) || !std::isfinite(s)) {
    throw std::invalid_argument(std::string("StreamingSpectrogram: ") + what +
                                " gives no sample (" + std::to_string(seconds) + ")");
  }
  return static_cast<std::size_t>(s);
}

}  // namespace

struct StreamingSpectrogram::Impl {
  Impl(double fs, const SpectrogramParams& p)
      : sample_rate_hz(fs),
        window(to_samples(p.window_s, fs, "window_s")),
        step(to_samples(p.step_s, fs, "step_s")),
        engine("StreamingSpectrogram", window, fs, p.welch),
        frequencies(engine.frequencies_hz()) {
    pending.reserve(window);
  }
  double sample_rate_hz;
  std::size_t window;
  std::size_t step;
  detail::WelchEngine engine;
  std::vector<double> frequencies;
  std::vector<double> pending;  // samples of the current window so far
  std::size_t skip = 0;         // samples still to drop when step > window
  std::size_t next_start = 0;   // sample index of the window being filled
};

StreamingSpectrogram::StreamingSpectrogram(double sample_rate_hz, const SpectrogramParams& p) {
  if (!(sample_rate_hz > 0.0) || !std::isfinite(sample_rate_hz)) {
    throw std::invalid_argument("StreamingSpectrogram: sample rate must be > 0 (" +
                                std::to_string(sample_rate_hz) + ")");
  }
  impl_ = std::make_unique<Impl>(sample_rate_hz, p);
}

StreamingSpectrogram::~StreamingSpectrogram() = default;
StreamingSpectrogram::StreamingSpectrogram(StreamingSpectrogram&&) noexcept = default;
StreamingSpectrogram& StreamingSpectrogram::operator=(StreamingSpectrogram&&) noexcept = default;

std::vector<SpectrogramColumn> StreamingSpectrogram::push(std::span<const double> chunk) {
  Impl& s = *impl_;
  std::vector<SpectrogramColumn> out;
  while (!chunk.empty()) {
    if (s.skip > 0) {
      const std::size_t n = std::min(s.skip, chunk.size());
      s.skip -= n;
      chunk = chunk.subspan(n);
      continue;
    }
    const std::size_t take = std::min(s.window - s.pending.size(), chunk.size());
    s.pending.insert(s.pending.end(), chunk.begin(),
                     chunk.begin() + static_cast<std::ptrdiff_t>(take));
    chunk = chunk.subspan(take);
    if (s.pending.size() < s.window)
      break;
    SpectrogramColumn col{static_cast<double>(s.next_start) / s.sample_rate_hz,
                          std::vector<double>(s.frequencies.size())};
    s.engine.psd(s.pending.data(), 1, s.window, col.psd_uv2_per_hz.data());
    out.push_back(std::move(col));
    s.next_start += s.step;
    if (s.step >= s.window) {
      s.pending.clear();
      s.skip = s.step - s.window;
    } else {
      // Keep the overlap for the next window.
      s.pending.erase(s.pending.begin(), s.pending.begin() + static_cast<std::ptrdiff_t>(s.step));
    }
  }
  return out;
}

void StreamingSpectrogram::reset() {
  impl_->pending.clear();
  impl_->skip = 0;
  impl_->next_start = 0;
}

const std::vector<double>& StreamingSpectrogram::frequencies_hz() const {
  return impl_->frequencies;
}
std::size_t StreamingSpectrogram::window_samples() const {
  return impl_->window;
}
std::size_t StreamingSpectrogram::step_samples() const {
  return impl_->step;
}

Spectrogram spectrogram(std::span<const double> x, double sample_rate_hz,
                        const SpectrogramParams& p) {
  StreamingSpectrogram stream(sample_rate_hz, p);
  if (x.size() < stream.window_samples()) {
    throw std::invalid_argument("spectrogram: signal shorter than one window (" +
                                std::to_string(x.size()) + " samples)");
  }
  const std::vector<SpectrogramColumn> cols = stream.push(x);
  Spectrogram out{stream.frequencies_hz(), {}, {}};
  const auto nf = static_cast<Eigen::Index>(out.frequencies_hz.size());
  out.psd_uv2_per_hz.resize(nf, static_cast<Eigen::Index>(cols.size()));
  const double half = 0.5 * static_cast<double>(stream.window_samples()) / sample_rate_hz;
  for (std::size_t j = 0; j < cols.size(); ++j) {
    out.times_s.push_back(cols[j].start_s + half);
    out.psd_uv2_per_hz.col(static_cast<Eigen::Index>(j)) =
        Eigen::Map<const Eigen::VectorXd>(cols[j].psd_uv2_per_hz.data(), nf);
  }
  return out;
}

}  // namespace eegtrack::dsp
