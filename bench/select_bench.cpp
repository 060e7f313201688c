// Exact selection (dsp::median, dsp::robust_sd) against std::nth_element on the sizes the
// pipeline selects from: a 4-s epoch (1024 samples at 256 Hz) and a 20-s detection span (5120).
// Each benchmark cycles through 16 different inputs: with one input repeated, the branch
// predictor learns nth_element's comparisons and it looked 3x faster than counting, while on
// the pipeline's own spans it is slower (with nth_element for every input, a full analysis of
// the 2-h benchmark file took 17 % more CPU; an earlier trial for inputs of 2049-8192 values,
// 4.5 s more), which is why dsp counts bit patterns.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <vector>

#include "eegtrack/dsp/robust_stats.hpp"

namespace dsp = eegtrack::dsp;

namespace {

constexpr std::size_t kInputs = 16;

// EEG-like amplitudes: Gaussian microvolts, with the odd large transient.
std::vector<double> amplitudes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0.0, 25.0);
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = normal(rng) + (i % 997 == 0 ? 400.0 : 0.0);
  return x;
}

// Band-limited EEG: neighbouring samples close together (AR(1), coefficient 0.95).
std::vector<double> smooth_amplitudes(std::size_t n, unsigned seed) {
  auto x = amplitudes(n, seed);
  for (std::size_t i = 1; i < n; ++i)
    x[i] = 0.95 * x[i - 1] + 0.3 * x[i];
  return x;
}

using Signal = std::vector<double> (*)(std::size_t, unsigned);

std::vector<std::vector<double>> inputs(Signal signal, std::size_t n) {
  std::vector<std::vector<double>> out;
  for (unsigned seed = 0; seed < kInputs; ++seed)
    out.push_back(signal(n, 7 + seed));
  return out;
}

// The same two selections on each kind of input (BENCHMARK_CAPTURE names them by the input).
void BM_Median(benchmark::State& state, Signal signal) {
  const auto x = inputs(signal, static_cast<std::size_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::median(x[i++ % kInputs]));
}

void BM_NthElementMedian(benchmark::State& state, Signal signal) {
  const auto x = inputs(signal, static_cast<std::size_t>(state.range(0)));
  std::vector<double> copy(x[0].size());
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& input = x[i++ % kInputs];
    copy.assign(input.begin(), input.end());
    auto mid = copy.begin() + static_cast<std::ptrdiff_t>(copy.size() / 2);
    std::nth_element(copy.begin(), mid, copy.end());
    benchmark::DoNotOptimize(*mid);
  }
}

BENCHMARK_CAPTURE(BM_Median, gaussian, amplitudes)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(2560)
    ->Arg(5120)
    ->Arg(30720);
BENCHMARK_CAPTURE(BM_NthElementMedian, gaussian, amplitudes)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(2560)
    ->Arg(5120)
    ->Arg(30720);
BENCHMARK_CAPTURE(BM_Median, smooth, smooth_amplitudes)->Arg(1024)->Arg(5120)->Arg(30720);
BENCHMARK_CAPTURE(BM_NthElementMedian, smooth, smooth_amplitudes)->Arg(1024)->Arg(5120)->Arg(30720);

void BM_RobustSd(benchmark::State& state) {
  const auto x = inputs(amplitudes, static_cast<std::size_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(dsp::robust_sd(x[i++ % kInputs]));
}
BENCHMARK(BM_RobustSd)->Arg(1024)->Arg(5120);

}  // namespace
