#include "detect/ied_injection.hpp"

#include <cmath>
#include <random>

#include "eegtrack/sites/site.hpp"

namespace eegtrack::test {
namespace {

double background_rms(const Recording& average, const std::string& electrode) {
  const auto& x = average.samples[average.index_of(electrode + "-avg")];
  double mean = 0.0;
  for (double v : x)
    mean += v;
  mean /= static_cast<double>(x.size());
  double sum = 0.0;
  for (double v : x)
    sum += (v - mean) * (v - mean);
  return std::sqrt(sum / static_cast<double>(x.size()));
}

}  // namespace

IedInjection inject_ieds(const Recording& referential, std::span<const std::string> foci,
                         double rms_factor, double spread_deg, std::uint32_t seed) {
  const Recording clean_average = derive(referential, io::MontageKind::Average);
  Recording modified = referential;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> gap(2.0, 3.5);
  std::uniform_real_distribution<double> spike_ms(40.0, 60.0);
  std::uniform_real_distribution<double> sharp_ms(90.0, 150.0);
  const double fs = referential.sample_rate_hz;
  IedInjection out;
  double t = 1.0 + gap(rng) - 2.0;
  for (std::size_t k = 0; t + 1.5 < referential.duration_s(); ++k, t += gap(rng)) {
    InjectedIed ied;
    ied.focus = foci[k % foci.size()];
    ied.sharp = k % 2 == 1;
    const double ms = ied.sharp ? sharp_ms(rng) : spike_ms(rng);
    const bool slow_wave = !ied.sharp || k % 4 == 1;
    ied.amplitude_uv = rms_factor * background_rms(clean_average, ied.focus);
    const auto waveform = spike_and_wave(fs, ms, ied.amplitude_uv, slow_wave);
    const auto at = static_cast<std::size_t>(std::lround(t * fs));
    inject_field(modified, ied.focus, spread_deg, waveform, at);
    ied.start_s = static_cast<double>(at) / fs;
    ied.peak_s = ied.start_s + 0.4 * ms * 1e-3;
    ied.end_s = ied.start_s + ms * 1e-3;
    out.truth.push_back(ied);
  }
  out.average = derive(modified, io::MontageKind::Average);
  return out;
}

IedScore score_ieds(std::span<const detect::Event> events, std::span<const InjectedIed> truth) {
  IedScore s;
  s.injected = static_cast<int>(truth.size());
  std::vector<bool> used(events.size(), false);
  for (const InjectedIed& ied : truth) {
    for (std::size_t e = 0; e < events.size(); ++e) {
      const auto& ev = events[e];
      if (used[e] || ev.onset_s > ied.end_s + 0.05 ||
          ev.onset_s + ev.duration_s < ied.start_s - 0.05)
        continue;
      used[e] = true;
      ++s.detected;
      s.class_correct += (ev.type == detect::EventType::Sharp) == ied.sharp ? 1 : 0;
      const auto site = sites::electrode_site(ied.focus);
      const auto side =
          site->side == sites::Side::Left ? sites::Laterality::Left : sites::Laterality::Right;
      s.location_correct += ev.side == side && ev.region == site->region ? 1 : 0;
      break;
    }
  }
  for (bool u : used)
    s.false_events += u ? 0 : 1;
  return s;
}

}  // namespace eegtrack::test
