// Writes a long synthetic EDF+C recording for reader and pipeline benchmarks:
//   make_long_edf_tool OUT.edf [--hours H] [--channels N] [--rate R] [--seed S]
// Defaults: 24 h, 21 channels (10-20 labels), 256 Hz, 1-s records: about 930 MB. Each channel
// is seeded pink-ish noise (Kellet's three-pole 1/f filter on white noise, ~15 uV RMS) plus,
// on the posterior channels, a 10 Hz alpha rhythm whose amplitude waxes and wanes. So that the
// artifact screens and the detectors do the work they do on a real recording, the background
// carries events at clinical rates (see bench_events.hpp): blinks, muscle bursts, electrode
// pops, left-temporal spike-and-slow-wave discharges, runs of frontal rhythmic delta and, every
// few hours, an evolving rhythmic discharge of about a minute. `--plain` leaves them out.
// Written through eegtrack's EDFlib writer in blocks of 60 records.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <numbers>
#include <string>
#include <vector>

#include "bench_events.hpp"
#include "eegtrack/io/edf_writer.hpp"

namespace {

const char* const kLabels[] = {"Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8", "A1", "T3", "C3", "Cz",
                               "C4",  "T4",  "A2", "T5", "P3", "Pz", "P4", "T6", "O1", "O2"};

bool posterior(const std::string& label) {
  return label == "O1" || label == "O2" || label == "P3" || label == "P4" || label == "Pz" ||
         label == "T5" || label == "T6";
}

// xoshiro-style generator: std::normal_distribution would dominate the run time.
struct FastRng {
  std::uint64_t s;
  double uniform() {  // in (-1, 1)
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<double>(s >> 11) * (2.0 / 9007199254740992.0) - 1.0;
  }
};

// Paul Kellet's economy pink filter: three leaky integrators approximating 1/f.
struct PinkFilter {
  double b0 = 0, b1 = 0, b2 = 0;
  double next(double w) {
    b0 = 0.99765 * b0 + w * 0.0990460;
    b1 = 0.96300 * b1 + w * 0.2965164;
    b2 = 0.57000 * b2 + w * 1.0526913;
    return b0 + b1 + b2 + w * 0.1848;
  }
};

struct Options {
  std::string out;
  double hours = 24.0;
  int channels = 21;
  int rate = 256;
  std::uint64_t seed = 20240101;
  bool plain = false;  // background only, no events
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--hours" && has_value)
      o.hours = std::stod(argv[++i]);
    else if (a == "--channels" && has_value)
      o.channels = std::stoi(argv[++i]);
    else if (a == "--rate" && has_value)
      o.rate = std::stoi(argv[++i]);
    else if (a == "--seed" && has_value)
      o.seed = std::stoull(argv[++i]);
    else if (a == "--plain")
      o.plain = true;
    else if (o.out.empty() && !a.empty() && a[0] != '-')
      o.out = a;
    else
      return false;
  }
  return !o.out.empty() && o.hours > 0 && o.channels > 0 && o.rate > 0;
}

std::vector<eegtrack::io::WriteSignal> make_signals(const Options& o) {
  std::vector<eegtrack::io::WriteSignal> s;
  for (int c = 0; c < o.channels; ++c) {
    const std::string label = c < 21 ? kLabels[c] : "X" + std::to_string(c + 1);
    s.push_back({.label = label,
                 .physical_min = -3276.8,
                 .physical_max = 3276.7,
                 .prefilter = "HP:0.1Hz LP:100Hz",
                 .samples_per_record = o.rate});
  }
  return s;
}

// Adds every event overlapping records [r0, r0 + n) to the block, weighted by its field.
void add_events(const std::vector<bench::BenchEvent>& events, std::size_t& first_event,
                const std::vector<std::string>& labels, std::int64_t r0, std::int64_t n, int rate,
                std::vector<std::vector<double>>& block) {
  const double t0 = static_cast<double>(r0);
  const double t1 = static_cast<double>(r0 + n);
  while (first_event < events.size() &&
         events[first_event].onset_s + events[first_event].duration_s < t0)
    ++first_event;
  for (std::size_t i = first_event; i < events.size() && events[i].onset_s < t1; ++i) {
    const auto& e = events[i];
    const auto k_begin = static_cast<std::int64_t>(std::ceil(std::max(e.onset_s, t0) * rate));
    const auto k_end = static_cast<std::int64_t>(std::min(e.onset_s + e.duration_s, t1) * rate);
    for (const auto& [label, weight] : e.field) {
      const auto c = std::find(labels.begin(), labels.end(), label) - labels.begin();
      if (c == static_cast<std::ptrdiff_t>(labels.size()))
        continue;
      for (std::int64_t k = k_begin; k < k_end; ++k) {
        const double u = static_cast<double>(k) / rate - e.onset_s;
        block[c][static_cast<std::size_t>(k - r0 * rate)] +=
            weight * bench::waveform(e, u, static_cast<std::uint64_t>(k));
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: make_long_edf_tool OUT.edf [--hours H] [--channels N] [--rate R] "
                 "[--seed S] [--plain]\n");
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    const auto signals = make_signals(o);
    eegtrack::io::EdfWriter writer(
        o.out, {.start = {.year = 2024, .month = 1, .day = 1, .hour = 8}}, signals);
    const auto n_records = static_cast<std::int64_t>(std::ceil(o.hours * 3600.0));
    constexpr std::int64_t kBlock = 60;
    std::vector<FastRng> rng;
    std::vector<PinkFilter> pink(signals.size());
    for (std::size_t c = 0; c < signals.size(); ++c)
      rng.push_back({o.seed * 0x9E3779B97F4A7C15ull + c * 0xBF58476D1CE4E5B9ull + 1});
    std::vector<std::string> labels;
    for (const auto& sig : signals)
      labels.push_back(sig.label);
    const auto events = o.plain
                            ? std::vector<bench::BenchEvent>{}
                            : bench::make_schedule(static_cast<double>(n_records), o.seed, labels);
    std::size_t first_event = 0;  // events are sorted by onset
    std::vector<std::vector<double>> block(signals.size());
    for (std::int64_t r0 = 0; r0 < n_records; r0 += kBlock) {
      const std::int64_t n = std::min(kBlock, n_records - r0);
      const auto n_samples = static_cast<std::size_t>(n * o.rate);
      for (std::size_t c = 0; c < signals.size(); ++c) {
        const bool alpha = posterior(signals[c].label);
        block[c].resize(n_samples);
        for (std::size_t k = 0; k < n_samples; ++k) {
          const double t = static_cast<double>(r0) + static_cast<double>(k) / o.rate;
          double v = 12.0 * pink[c].next(rng[c].uniform());
          if (alpha)  // 10 Hz, 20-40 uV, waxing and waning over ~8 s
            v += (30.0 + 10.0 * std::sin(2.0 * std::numbers::pi * t / 8.0)) *
                 std::sin(2.0 * std::numbers::pi * 10.0 * t);
          block[c][k] = v;
        }
      }
      add_events(events, first_event, labels, r0, n, o.rate, block);
      writer.write_records(block);
    }
    writer.close();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: %lld records, %d channels at %d Hz, %.1f s\n", o.out.c_str(),
                static_cast<long long>(n_records), o.channels, o.rate, s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_long_edf_tool: %s\n", e.what());
    return 1;
  }
  return 0;
}
