// Filter and resampling throughput on EEG-sized inputs.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/resample.hpp"
#include "eegtrack/dsp/sos_filter.hpp"

namespace {

std::vector<double> noise(std::size_t n) {
  std::mt19937 rng(1);
  std::normal_distribution<double> g(0.0, 10.0);
  std::vector<double> x(n);
  for (double& v : x)
    v = g(rng);
  return x;
}

// One hour of one channel at 256 Hz through a 1-40 Hz order-4 band-pass, zero phase.
void BM_SosfiltfiltOneHour256Hz(benchmark::State& state) {
  const auto x = noise(3600 * 256);
  const auto sos = eegtrack::dsp::butterworth({.order = 4,
                                               .type = eegtrack::dsp::FilterType::BandPass,
                                               .low_hz = 1.0,
                                               .high_hz = 40.0,
                                               .sample_rate_hz = 256.0});
  for (auto _ : state)
    benchmark::DoNotOptimize(eegtrack::dsp::sosfiltfilt(sos, x));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(x.size()));
}
BENCHMARK(BM_SosfiltfiltOneHour256Hz)->Unit(benchmark::kMillisecond);

// Ten minutes at 500 Hz resampled to 256 Hz (up 64, down 125).
void BM_ResamplePoly500To256(benchmark::State& state) {
  const auto x = noise(600 * 500);
  for (auto _ : state)
    benchmark::DoNotOptimize(eegtrack::dsp::resample_poly(x, 64, 125));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(x.size()));
}
BENCHMARK(BM_ResamplePoly500To256)->Unit(benchmark::kMillisecond);

}  // namespace
