#include "detect/seizure_test_support.hpp"

#include <algorithm>
#include <numbers>

namespace eegtrack::test {

namespace {

// One sharply contoured wave shape of unit peak for a phase in radians.
double sharp_wave(double phase) {
  constexpr double kNorm = 1.0 / 1.6;
  return -kNorm * (std::sin(phase) + 0.5 * std::sin(2.0 * phase + 0.5 * std::numbers::pi) +
                   0.25 * std::sin(3.0 * phase));
}

double taper(double t, double duration_s, double ramp_s) {
  const double edge = std::min(t, duration_s - t);
  if (edge >= ramp_s)
    return 1.0;
  return 0.5 * (1.0 - std::cos(std::numbers::pi * std::max(0.0, edge) / ramp_s));
}

std::vector<double> discharge(double fs, double duration_s, double start_hz, double end_hz,
                              double start_uv, double end_uv, double ramp_s) {
  const auto n = static_cast<std::size_t>(std::lround(duration_s * fs));
  std::vector<double> w(n);
  double phase = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / fs;
    const double progress = t / duration_s;
    const double f = start_hz + (end_hz - start_hz) * progress;
    const double amplitude = start_uv + (end_uv - start_uv) * progress;
    w[i] = amplitude * taper(t, duration_s, ramp_s) * sharp_wave(phase);
    phase += 2.0 * std::numbers::pi * f / fs;
  }
  return w;
}

}  // namespace

std::vector<detect::Event> of_type(const std::vector<detect::Event>& events,
                                   detect::EventType type) {
  std::vector<detect::Event> out;
  for (const auto& e : events) {
    if (e.type == type)
      out.push_back(e);
  }
  return out;
}

std::vector<double> evolving_discharge(double fs, double duration_s, double start_hz, double end_hz,
                                       double start_uv, double end_uv) {
  return discharge(fs, duration_s, start_hz, end_hz, start_uv, end_uv, 0.5);
}

std::vector<double> rhythmic_burst(double fs, double duration_s, double frequency_hz,
                                   double amplitude_uv) {
  return discharge(fs, duration_s, frequency_hz, frequency_hz, amplitude_uv, amplitude_uv, 0.15);
}

void inject_spreading(Recording& referential, const std::string& centre,
                      std::span<const double> spreads_deg, std::span<const double> waveform,
                      std::size_t at) {
  const std::size_t parts = spreads_deg.size();
  for (std::size_t k = 0; k < parts; ++k) {
    const std::size_t from = waveform.size() * k / parts;
    const std::size_t to = waveform.size() * (k + 1) / parts;
    inject_field(referential, centre, spreads_deg[k], waveform.subspan(from, to - from), at + from);
  }
}

}  // namespace eegtrack::test
