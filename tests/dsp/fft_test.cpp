#include "eegtrack/dsp/fft.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

namespace dsp = eegtrack::dsp;
using cd = std::complex<double>;

namespace {

/// Direct O(n^2) DFT, the definition numpy.fft.fft implements: X_k = sum_t x_t e^{-2 pi i k t/n}.
std::vector<cd> naive_dft(const std::vector<cd>& x, double sign) {
  const std::size_t n = x.size();
  std::vector<cd> out(n);
  for (std::size_t k = 0; k < n; ++k) {
    cd s = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
      const double arg =
          sign * 2.0 * std::numbers::pi * static_cast<double>((k * t) % n) / static_cast<double>(n);
      s += x[t] * cd(std::cos(arg), std::sin(arg));
    }
    out[k] = s;
  }
  return out;
}

std::vector<double> noise(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  std::vector<double> x(n);
  for (double& v : x)
    v = normal(rng);
  return x;
}

double max_err(const std::vector<cd>& a, const std::vector<cd>& b) {
  double m = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

}  // namespace

TEST(Rfft, MatchesDirectDftForEvenOddAndPrimeSizes) {
  for (std::size_t n : {1U, 2U, 7U, 64U, 97U, 500U, 512U}) {
    const auto x = noise(n, static_cast<unsigned>(n));
    std::vector<cd> bins(n / 2 + 1);
    dsp::rfft(x, bins);
    const auto ref = naive_dft(std::vector<cd>(x.begin(), x.end()), -1.0);
    EXPECT_LE(
        max_err(bins, std::vector<cd>(ref.begin(), ref.begin() + static_cast<long>(n / 2 + 1))),
        1e-11 * static_cast<double>(n))
        << n;
    std::vector<double> back(n);
    dsp::irfft(bins, back);
    double err = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      err = std::max(err, std::abs(back[i] - x[i]));
    EXPECT_LE(err, 1e-13) << n;
  }
}

TEST(Fft, ComplexForwardAndInverseMatchDirectDft) {
  for (std::size_t n : {3U, 16U, 45U}) {
    const auto re = noise(n, 1);
    const auto im = noise(n, 2);
    std::vector<cd> x(n);
    for (std::size_t i = 0; i < n; ++i)
      x[i] = {re[i], im[i]};
    std::vector<cd> out(n);
    dsp::fft(x, out);
    EXPECT_LE(max_err(out, naive_dft(x, -1.0)), 1e-11);
    std::vector<cd> back(n);
    dsp::ifft(out, back);
    EXPECT_LE(max_err(back, x), 1e-14);
  }
}

TEST(Rfft, ConcurrentCallsThroughThePlanCacheAgree) {
  const std::vector<std::size_t> sizes = {250, 256, 333, 1000, 1024, 1500};
  std::vector<std::vector<cd>> serial;
  for (std::size_t n : sizes) {
    serial.emplace_back(n / 2 + 1);
    dsp::rfft(noise(n, 5), serial.back());
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 50; ++rep) {
        const std::size_t i = static_cast<std::size_t>(rep + t) % sizes.size();
        const auto x = noise(sizes[i], 5);
        std::vector<cd> out(sizes[i] / 2 + 1);
        dsp::rfft(x, out);
        mismatches[static_cast<std::size_t>(t)] += out != serial[i] ? 1 : 0;
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (int m : mismatches)
    EXPECT_EQ(m, 0);
}

TEST(Rfft, RejectsEmptyInputAndWrongOutputSize) {
  std::vector<cd> out(3);
  EXPECT_THROW(dsp::rfft(std::vector<double>{}, out), std::invalid_argument);
  EXPECT_THROW(dsp::rfft(std::vector<double>(8, 0.0), out), std::invalid_argument);
  std::vector<double> back(8);
  EXPECT_THROW(dsp::irfft(out, back), std::invalid_argument);
}
