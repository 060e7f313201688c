// Events that the benchmark generator adds to its synthetic background, so that a benchmark run
// exercises the artifact screens and the detectors the way a real recording does. Rates are
// those of a routine awake/drowsy adult EEG with an active left-temporal focus: blinks several
// per minute, a muscle burst every couple of minutes, an electrode pop every ten minutes, a few
// spike-and-slow-wave discharges per minute, a run of frontal rhythmic delta every twenty
// minutes and an evolving ~1-minute rhythmic discharge every four hours. The schedule is a
// deterministic function of the seed; each event is an analytic waveform with a spatial field.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace bench {

enum class EventKind { Blink, Muscle, Pop, Spike, FrontalDelta, Seizure };

struct BenchEvent {
  EventKind kind;
  double onset_s;
  double duration_s;
  std::vector<std::pair<std::string, double>> field;  // channel label -> weight
  std::uint64_t noise_seed;                           // for the muscle burst
};

struct SplitMix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }  // [0, 1)
  double exponential(double mean) { return -mean * std::log(1.0 - unit()); }
};

// Poisson onsets of one kind over [0, total_s), at `per_minute` events per minute.
inline void schedule(std::vector<BenchEvent>& out, SplitMix& rng, EventKind kind, double per_minute,
                     double total_s, double min_dur, double max_dur,
                     const std::vector<std::pair<std::string, double>>& field) {
  double t = rng.exponential(60.0 / per_minute);
  while (t < total_s) {
    const double dur = min_dur + (max_dur - min_dur) * rng.unit();
    out.push_back({kind, t, dur, field, rng.next()});
    t += dur + rng.exponential(60.0 / per_minute);
  }
}

inline std::vector<BenchEvent> make_schedule(double total_s, std::uint64_t seed,
                                             const std::vector<std::string>& labels) {
  SplitMix rng{seed ^ 0xA5A5A5A5DEADBEEFull};
  std::vector<BenchEvent> ev;
  schedule(ev, rng, EventKind::Blink, 6.0, total_s, 0.35, 0.45,
           {{"Fp1", 1.0},
            {"Fp2", 1.0},
            {"F3", 0.35},
            {"F4", 0.35},
            {"Fz", 0.35},
            {"F7", 0.3},
            {"F8", 0.3}});
  schedule(ev, rng, EventKind::Muscle, 0.5, total_s, 2.0, 6.0,
           {{"T3", 1.0}, {"F7", 0.8}, {"T4", 0.9}, {"F8", 0.7}, {"T5", 0.4}, {"T6", 0.4}});
  schedule(ev, rng, EventKind::Spike, 3.0, total_s, 0.3, 0.3,
           {{"T3", 1.0}, {"F7", 0.7}, {"T5", 0.6}, {"C3", 0.3}, {"A1", 0.5}});
  schedule(ev, rng, EventKind::FrontalDelta, 0.05, total_s, 4.0, 10.0,
           {{"Fp1", 0.8},
            {"Fp2", 0.8},
            {"F3", 1.0},
            {"F4", 1.0},
            {"Fz", 1.0},
            {"F7", 0.6},
            {"F8", 0.6},
            {"C3", 0.3},
            {"C4", 0.3}});
  schedule(
      ev, rng, EventKind::Seizure, 1.0 / 240.0, total_s, 50.0, 80.0,
      {{"T3", 1.0}, {"F7", 0.9}, {"T5", 0.8}, {"C3", 0.5}, {"A1", 0.7}, {"P3", 0.4}, {"Fp1", 0.3}});
  // Pops: one electrode each, chosen at random.
  double t = rng.exponential(600.0);
  while (t < total_s && !labels.empty()) {
    const auto& label = labels[rng.next() % labels.size()];
    ev.push_back({EventKind::Pop, t, 2.0, {{label, 1.0}}, rng.next()});
    t += rng.exponential(600.0);
  }
  std::sort(ev.begin(), ev.end(),
            [](const BenchEvent& a, const BenchEvent& b) { return a.onset_s < b.onset_s; });
  return ev;
}

// Value of the event's waveform (uV, before the spatial weight) at time `u` seconds after onset.
inline double waveform(const BenchEvent& e, double u, std::uint64_t sample_index) {
  using std::numbers::pi;
  switch (e.kind) {
    case EventKind::Blink: {  // monophasic, ~150 uV at Fp
      const double s = std::sin(pi * u / e.duration_s);
      return 150.0 * s * s;
    }
    case EventKind::Muscle: {  // broadband fast activity, ~25 uV RMS, ramped in and out
      std::uint64_t z = (e.noise_seed + sample_index) * 0x9E3779B97F4A7C15ull;
      z = (z ^ (z >> 31)) * 0xBF58476D1CE4E5B9ull;
      z ^= z >> 29;
      const double white = static_cast<double>(z >> 11) / 9007199254740992.0 * 2.0 - 1.0;
      const double ramp = std::min({1.0, u / 0.3, (e.duration_s - u) / 0.3});
      return 45.0 * ramp * white;
    }
    case EventKind::Pop: {  // abrupt step, exponential decay
      return u < 0.0 ? 0.0 : 180.0 * std::exp(-u / 0.25);
    }
    case EventKind::Spike: {  // 70-ms sharp transient then a 200-ms slow wave
      if (u < 0.07) {
        const double x = u / 0.07;
        return -140.0 * (x < 0.4 ? x / 0.4 : (1.0 - x) / 0.6);
      }
      if (u < 0.27)
        return 45.0 * std::sin(pi * (u - 0.07) / 0.2);
      return 0.0;
    }
    case EventKind::FrontalDelta: {  // 2 Hz, ~70 uV, tapered
      const double taper = std::sin(pi * u / e.duration_s);
      return 70.0 * taper * std::sin(2.0 * pi * 2.0 * u);
    }
    case EventKind::Seizure: {  // evolves from 6 Hz / 40 uV to 2.5 Hz / 160 uV, sharp-contoured
      const double x = u / e.duration_s;
      const double f = 6.0 - 3.5 * x;
      const double phase = 2.0 * pi * (6.0 * u - 1.75 * u * u / e.duration_s);
      const double amp = (40.0 + 120.0 * x) * std::min(1.0, (e.duration_s - u) / 2.0);
      const double c = std::cos(phase);
      return amp * c * c * c * (f > 0 ? 1.0 : 0.0);
    }
  }
  return 0.0;
}

}  // namespace bench
