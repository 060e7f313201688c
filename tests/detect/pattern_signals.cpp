#include "detect/pattern_signals.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/detect/patterns/pattern_detector.hpp"

namespace eegtrack::test {
namespace {

// Appends a half-sine lobe of `ms` milliseconds and signed peak `peak_uv`.
void lobe(std::vector<double>& w, double fs, double ms, double peak_uv) {
  const auto n = static_cast<std::size_t>(std::lround(ms * 1e-3 * fs));
  for (std::size_t i = 0; i < n; ++i)
    w.push_back(peak_uv * std::sin(std::numbers::pi * (static_cast<double>(i) + 0.5) /
                                   static_cast<double>(n)));
}

}  // namespace

std::vector<double> sharp_discharge(double fs, double amplitude_uv) {
  std::vector<double> w;
  lobe(w, fs, 90.0, -amplitude_uv);
  lobe(w, fs, 160.0, 0.35 * amplitude_uv);
  return w;
}

std::vector<double> triphasic_discharge(double fs, double amplitude_uv) {
  std::vector<double> w;
  lobe(w, fs, 50.0, -0.3 * amplitude_uv);
  lobe(w, fs, 90.0, amplitude_uv);
  lobe(w, fs, 180.0, -0.5 * amplitude_uv);
  return w;
}

std::vector<double> inject_train(Recording& referential, const Field& field,
                                 const std::vector<double>& waveform, double start_s,
                                 double duration_s, double rate_hz, double jitter,
                                 std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-jitter, jitter);
  std::vector<double> onsets;
  for (double t = start_s; t < start_s + duration_s; t += (1.0 + u(rng)) / rate_hz) {
    const auto at = static_cast<std::size_t>(std::lround(t * referential.sample_rate_hz));
    for (const auto& c : field.centres)
      inject_field(referential, c, field.spread_deg, waveform, at);
    onsets.push_back(t);
  }
  return onsets;
}

void inject_rhythmic_delta(Recording& referential, const Field& field, double amplitude_uv,
                           double start_s, double duration_s, double rate_hz, double irregularity,
                           std::mt19937& rng) {
  const double fs = referential.sample_rate_hz;
  const auto n = static_cast<std::size_t>(std::lround(duration_s * fs));
  std::uniform_real_distribution<double> u(-irregularity, irregularity);
  std::vector<double> w(n);
  double phase = 0.0;
  double hz = rate_hz * (1.0 + u(rng));
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / fs;
    const double ramp = std::min({1.0, t / 0.5, (duration_s - t) / 0.5});
    w[i] = amplitude_uv * std::max(0.0, ramp) * std::sin(phase);
    phase += 2.0 * std::numbers::pi * hz / fs;
    if (phase >= 2.0 * std::numbers::pi) {
      phase -= 2.0 * std::numbers::pi;
      hz = rate_hz * (1.0 + u(rng));  // a new cycle, a new period
    }
  }
  const auto at = static_cast<std::size_t>(std::lround(start_s * fs));
  for (const auto& c : field.centres)
    inject_field(referential, c, field.spread_deg, w, at);
}

double channel_rms(const Recording& rec, const std::string& label) {
  const auto& x = rec.samples[rec.index_of(label)];
  double mean = 0.0;
  for (double v : x)
    mean += v / static_cast<double>(x.size());
  double sum = 0.0;
  for (double v : x)
    sum += (v - mean) * (v - mean);
  return std::sqrt(sum / static_cast<double>(x.size()));
}

Recording slice(const Recording& rec, double from_s, double to_s) {
  Recording out;
  out.sample_rate_hz = rec.sample_rate_hz;
  out.labels = rec.labels;
  const auto a = static_cast<std::ptrdiff_t>(std::lround(from_s * rec.sample_rate_hz));
  const auto b = std::min(static_cast<std::ptrdiff_t>(std::lround(to_s * rec.sample_rate_hz)),
                          static_cast<std::ptrdiff_t>(rec.size()));
  for (const auto& x : rec.samples)
    out.samples.emplace_back(x.begin() + a, x.begin() + b);
  return out;
}

Recording average(const Recording& referential) {
  return derive(referential, io::MontageKind::Average);
}

// Runs the detector over a recording, in one block (block_s <= 0) or in blocks of block_s.
std::vector<detect::Event> detect(const Recording& rec, double block_s, double start_s) {
  detect::PatternDetector d(detect::detection_channels(rec.labels), rec.sample_rate_hz);
  std::vector<detect::Event> events;
  const std::size_t n = rec.size();
  const std::size_t step =
      block_s <= 0.0 ? n : static_cast<std::size_t>(block_s * rec.sample_rate_hz);
  for (std::size_t at = 0; at < n; at += step) {
    std::vector<std::vector<double>> part;
    for (const auto& x : rec.samples)
      part.emplace_back(x.begin() + static_cast<std::ptrdiff_t>(at),
                        x.begin() + static_cast<std::ptrdiff_t>(std::min(n, at + step)));
    d.push(
        {start_s + static_cast<double>(at) / rec.sample_rate_hz, rec.sample_rate_hz, at > 0, part});
    for (auto& e : d.take_events())
      events.push_back(std::move(e));
  }
  for (auto& e : d.finish())
    events.push_back(std::move(e));
  return events;
}

}  // namespace eegtrack::test
