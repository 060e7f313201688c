// Google Benchmark micro-benchmarks of the spectral core (built with -DEEGTRACK_BUILD_BENCH=ON).
#include <benchmark/benchmark.h>

#include <complex>
#include <random>
#include <vector>

#include "eegtrack/dsp/dpss.hpp"
#include "eegtrack/dsp/fft.hpp"
#include "eegtrack/dsp/multitaper.hpp"
#include "eegtrack/dsp/spectrogram.hpp"
#include "eegtrack/dsp/welch.hpp"

namespace dsp = eegtrack::dsp;

namespace {

std::vector<double> noise(std::size_t n) {
  std::mt19937 rng(1);
  std::normal_distribution<double> normal(0.0, 10.0);
  std::vector<double> x(n);
  for (double& v : x)
    v = normal(rng);
  return x;
}

void BM_Rfft(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto x = noise(n);
  std::vector<std::complex<double>> out(n / 2 + 1);
  for (auto _ : state) {
    dsp::rfft(x, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Rfft)->Arg(512)->Arg(1024)->Arg(7680);

void BM_WelchOneChannelOneMinute(benchmark::State& state) {
  const auto x = noise(256 * 60);
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::welch_psd(x, 256.0));
}
BENCHMARK(BM_WelchOneChannelOneMinute);

void BM_EpochWelch21ChannelsTenMinutes(benchmark::State& state) {
  const auto v = noise(21 * 256 * 600);
  const Eigen::Map<const Eigen::MatrixXd> x(v.data(), 21, 256 * 600);
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::epoch_welch_psd(x, 256.0, 4.0));
  state.SetItemsProcessed(state.iterations() * 150 * 21);  // epoch-channels
}
BENCHMARK(BM_EpochWelch21ChannelsTenMinutes)->Unit(benchmark::kMillisecond);

void BM_StreamingSpectrogramOneHour(benchmark::State& state) {
  const auto x = noise(256 * 3600);
  for (auto _ : state) {
    dsp::StreamingSpectrogram s(256.0, {.window_s = 4.0, .step_s = 2.0});
    benchmark::DoNotOptimize(s.push(x));
  }
}
BENCHMARK(BM_StreamingSpectrogramOneHour)->Unit(benchmark::kMillisecond);

void BM_Dpss(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::dpss(n, 4.0, 7, true));
}
BENCHMARK(BM_Dpss)->Arg(1024)->Arg(7680)->Unit(benchmark::kMillisecond);

void BM_Multitaper(benchmark::State& state) {
  const auto x = noise(static_cast<std::size_t>(state.range(0)));
  const auto weighting = state.range(1) != 0 ? dsp::MultitaperWeighting::Adaptive
                                             : dsp::MultitaperWeighting::Eigenvalue;
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::multitaper_psd(x, 256.0, {.weighting = weighting}));
}
BENCHMARK(BM_Multitaper)->Args({1024, 0})->Args({1024, 1})->Unit(benchmark::kMicrosecond);

}  // namespace
