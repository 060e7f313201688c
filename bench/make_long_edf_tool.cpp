// Writes a long synthetic EDF+C recording for reader and pipeline benchmarks:
//   make_long_edf_tool OUT.edf [--hours H] [--channels N] [--rate R] [--seed S]
// Defaults: 24 h, 21 channels (10-20 labels), 256 Hz, 1-s records: about 930 MB. Each channel
// is seeded pink-ish noise (Kellet's three-pole 1/f filter on white noise, ~15 uV RMS) plus,
// on the posterior channels, a 10 Hz alpha rhythm whose amplitude waxes and wanes. Written
// through eegtrack's EDFlib writer in blocks of 60 records.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <numbers>
#include <string>
#include <vector>

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

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: make_long_edf_tool OUT.edf [--hours H] [--channels N] [--rate R] "
                 "[--seed S]\n");
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
