#include "simulated_eeg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/resample.hpp"
#include "eegtrack/dsp/sos_filter.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/sites/position.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::demo {
namespace {

// Gaussian samples from a fixed generator; the standard distributions are implementation-
// defined, so Box-Muller keeps the files identical across standard libraries.
class Noise {
 public:
  explicit Noise(std::uint64_t seed) : rng_(seed) {}
  double next() {
    const double u1 = (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
    const double u2 = (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  double uniform() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  std::mt19937_64 rng_;
};

std::string normalized(const std::string& label) {
  return io::normalize_channel(label, "uV").normalized;
}

std::size_t samples(const Eeg& eeg, double s) {
  return std::min(eeg.x[0].size(), static_cast<std::size_t>(std::lround(s * eeg.rate_hz)));
}

}  // namespace

Eeg load_scalp_eeg(const std::string& path) {
  const io::EdfReader reader(path);
  Eeg eeg;
  std::vector<int> signals;
  for (int s : reader.header().data_signals()) {
    const auto& info = reader.header().signals[static_cast<std::size_t>(s)];
    // One scalp electrode per channel: a derivation (A2-A1), an ear site or the ECG has no
    // position on the scalp sphere.
    if (!sites::electrode_position(normalized(info.label)))
      continue;
    signals.push_back(s);
    eeg.labels.push_back(info.label);
    eeg.rate_hz = info.sample_rate_hz;
  }
  if (signals.empty())
    throw std::runtime_error(path + ": no scalp EEG channel");
  auto chunks = reader.read_window(signals, 0.0, reader.duration_s());
  for (auto& s : chunks.at(0).signals)
    eeg.x.push_back(std::move(s.samples));
  return eeg;
}

Eeg palindrome_extended(const Eeg& eeg, double duration_s) {
  const auto n = static_cast<std::size_t>(std::lround(duration_s * eeg.rate_hz));
  Eeg out = eeg;
  for (std::size_t c = 0; c < eeg.x.size(); ++c) {
    const auto& x = eeg.x[c];
    if (x.size() < 2)
      throw std::runtime_error("palindrome_extended: fewer than two samples");
    auto& y = out.x[c];
    y.clear();
    y.reserve(n);
    // Index walks 0 .. m-1 .. 0 .. m-1 ...: period 2 (m - 1), the turning samples once each.
    const std::size_t period = 2 * (x.size() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t k = i % period;
      y.push_back(x[k < x.size() ? k : period - k]);
    }
  }
  return out;
}

Eeg time_stretched(const Eeg& eeg, int up, int down, double duration_s) {
  Eeg out = eeg;
  const auto n = static_cast<std::size_t>(std::lround(duration_s * eeg.rate_hz));
  for (auto& x : out.x) {
    x = dsp::resample_poly(x, up, down);
    if (x.size() < n)
      throw std::runtime_error("time_stretched: source too short for the duration");
    x.resize(n);
  }
  return out;
}

Eeg reversed(const Eeg& eeg) {
  Eeg out = eeg;
  for (auto& x : out.x)
    std::reverse(x.begin(), x.end());
  return out;
}

void scale(Eeg& eeg, double gain) {
  for (auto& x : eeg.x)
    for (auto& v : x)
      v *= gain;
}

void add_noise(Eeg& eeg, double rms_uv, std::uint64_t seed) {
  Noise noise(seed);
  for (auto& x : eeg.x)
    for (auto& v : x)
      v += rms_uv * noise.next();
}

double left_temporal_weight(const std::string& label) {
  const auto site = sites::electrode_site(normalized(label));
  if (!site)
    return 0.0;
  if (site->side == sites::Side::Right)
    return 0.0;
  if (site->side == sites::Side::Midline)
    return 0.15;
  const std::string name = normalized(label);
  if (name == "T7" || name == "F7" || name == "P7")
    return 1.0;
  if (site->region == sites::Region::Occipital || name == "Fp1")
    return 0.4;
  return 0.6;
}

void add_left_delta(Eeg& eeg, double rms_uv, double start_s, double end_s, std::uint64_t seed) {
  dsp::ButterworthParams band;
  band.order = 2;
  band.type = dsp::FilterType::BandPass;
  band.low_hz = 0.5;
  band.high_hz = 3.0;
  band.sample_rate_hz = eeg.rate_hz;
  const auto sos = dsp::butterworth(band);
  Noise noise(seed);
  std::vector<double> white(eeg.x[0].size());
  for (auto& v : white)
    v = noise.next();
  auto delta = dsp::sosfiltfilt(sos, white);
  double power = 0.0;
  for (double v : delta)
    power += v * v;
  const double gain = rms_uv / std::sqrt(power / static_cast<double>(delta.size()));
  const std::size_t a = samples(eeg, start_s), b = samples(eeg, end_s);
  // 0.5-s cosine ramps where the delta starts or stops inside the recording: no step.
  const double ramp = 0.5 * eeg.rate_hz;
  const bool ramp_in = a > 0, ramp_out = b < eeg.x[0].size();
  for (std::size_t i = a; i < b; ++i) {
    double edge = std::numeric_limits<double>::infinity();
    if (ramp_in)
      edge = static_cast<double>(i - a);
    if (ramp_out)
      edge = std::min(edge, static_cast<double>(b - 1 - i));
    if (edge < ramp)
      delta[i] *= 0.5 * (1.0 - std::cos(std::numbers::pi * edge / ramp));
  }
  for (std::size_t c = 0; c < eeg.x.size(); ++c) {
    const double w = left_temporal_weight(eeg.labels[c]) * gain;
    for (std::size_t i = a; i < b; ++i)
      eeg.x[c][i] += w * delta[i];
  }
}

void add_left_periodic_discharges(Eeg& eeg, double amplitude_uv, double period_s, double start_s,
                                  double end_s, std::uint64_t seed) {
  Noise noise(seed);
  const double fs = eeg.rate_hz;
  for (double t = start_s; t < end_s; t += period_s * (0.96 + 0.08 * noise.uniform())) {
    const auto at = static_cast<std::size_t>(std::lround(t * fs));
    // Sharp wave: a 60-ms negative triangle (EEG convention: negative is the discharge), then
    // a 200-ms positive slow wave of half its height.
    const auto sharp = static_cast<std::size_t>(0.06 * fs);
    const auto slow = static_cast<std::size_t>(0.2 * fs);
    const auto sharp_n = static_cast<double>(sharp), slow_n = static_cast<double>(slow);
    for (std::size_t c = 0; c < eeg.x.size(); ++c) {
      const double w = left_temporal_weight(eeg.labels[c]) * amplitude_uv;
      if (w == 0.0)
        continue;
      for (std::size_t i = 0; i < sharp + slow && at + i < eeg.x[c].size(); ++i) {
        const double v =
            i < sharp ? -(1.0 - std::abs(2.0 * static_cast<double>(i) / sharp_n - 1.0))
                      : 0.5 * std::sin(std::numbers::pi * static_cast<double>(i - sharp) / slow_n);
        eeg.x[c][at + i] += w * v;
      }
    }
  }
}

void add_left_seizure(Eeg& eeg, const SeizureShape& z, std::uint64_t seed) {
  const double fs = eeg.rate_hz;
  const std::size_t a = samples(eeg, z.onset_s), b = samples(eeg, z.onset_s + z.duration_s);
  constexpr double kRampS = 0.5;  // onset and offset tapers: no step
  double phase = 0.0;
  for (std::size_t i = a; i < b; ++i) {
    const double u = static_cast<double>(i - a) / static_cast<double>(b - a);  // 0..1
    const double f = z.start_hz + (z.end_hz - z.start_hz) * u;
    phase += 2.0 * std::numbers::pi * f / fs;
    // Sharp, asymmetric waves: a fundamental with two harmonics.
    const double wave =
        std::sin(phase) + 0.45 * std::sin(2.0 * phase + 0.4) + 0.2 * std::sin(3.0 * phase + 0.8);
    const double edge_s = std::min(u, 1.0 - u) * z.duration_s;
    const double taper =
        edge_s >= kRampS ? 1.0 : 0.5 * (1.0 - std::cos(std::numbers::pi * edge_s / kRampS));
    const double amplitude = (z.start_uv + (z.end_uv - z.start_uv) * u) * taper;
    for (std::size_t c = 0; c < eeg.x.size(); ++c) {
      const double w = left_temporal_weight(eeg.labels[c]);
      // The field spreads from the temporal electrodes to the rest of the left hemisphere.
      const double spread = w >= 1.0 ? 1.0 : w * std::min(1.0, 0.3 + 1.4 * u);
      eeg.x[c][i] += spread * amplitude * wave / 1.3;
    }
  }
  if (z.postictal_s > 0.0)
    add_left_delta(eeg, z.postictal_rms_uv, z.onset_s + z.duration_s,
                   z.onset_s + z.duration_s + z.postictal_s, seed);
}

}  // namespace eegtrack::demo
