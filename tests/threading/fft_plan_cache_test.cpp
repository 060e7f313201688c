// The process-wide FFTW plan cache (src/dsp/fft.cpp) asked for plans of many sizes by several
// threads at once, as the epoch workers and detector lanes do, each thread keeping its own list
// of the plans it has used: every transform equals a direct DFT and every inverse gives the
// input back. Under ThreadSanitizer in CI: FFTW's planner is not thread-safe, the cache's lock is
// what makes this work.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <thread>
#include <vector>

#include "eegtrack/dsp/fft.hpp"

namespace eegtrack::dsp {
namespace {

std::vector<std::complex<double>> direct_rdft(const std::vector<double>& x) {
  const std::size_t n = x.size();
  std::vector<std::complex<double>> out(n / 2 + 1);
  for (std::size_t k = 0; k < out.size(); ++k)
    for (std::size_t t = 0; t < n; ++t)
      out[k] += x[t] * std::polar(1.0, -2.0 * std::numbers::pi * static_cast<double>(k * t) /
                                           static_cast<double>(n));
  return out;
}

TEST(FftPlanCache, ConcurrentPlansOfManySizesGiveTheDirectDft) {
  const std::vector<std::size_t> sizes{16, 17, 64, 100, 128, 250, 256, 512, 1000, 1024};
  std::vector<std::vector<double>> inputs;
  std::vector<std::vector<std::complex<double>>> expected;
  for (const auto n : sizes) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
      x[i] = std::sin(0.37 * static_cast<double>(i * i % 101)) + 0.1 * static_cast<double>(i % 5);
    expected.push_back(direct_rdft(x));
    inputs.push_back(std::move(x));
  }
  std::vector<double> worst(4, 0.0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < worst.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round)
        for (std::size_t s = 0; s < sizes.size(); ++s) {
          const std::size_t j = (s + t * 3) % sizes.size();  // threads ask in different orders
          std::vector<std::complex<double>> out(sizes[j] / 2 + 1);
          rfft(inputs[j], out);
          for (std::size_t k = 0; k < out.size(); ++k)
            worst[t] = std::max(worst[t], std::abs(out[k] - expected[j][k]));
          // The inverse comes through each thread's own list of plans too.
          std::vector<double> back(sizes[j]);
          irfft(out, back);
          for (std::size_t i = 0; i < back.size(); ++i)
            worst[t] = std::max(worst[t], std::abs(back[i] - inputs[j][i]));
        }
    });
  for (auto& t : threads)
    t.join();
  for (const double w : worst)
    EXPECT_LT(w, 1e-9);
}

}  // namespace
}  // namespace eegtrack::dsp
