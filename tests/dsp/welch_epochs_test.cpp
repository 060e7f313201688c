#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <thread>

#include "eegtrack/dsp/welch.hpp"
#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::max_abs_diff;

namespace {

Eigen::MatrixXd noise(Eigen::Index channels, Eigen::Index samples, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0.0, 10.0);
  Eigen::MatrixXd x(channels, samples);
  for (Eigen::Index i = 0; i < x.size(); ++i)
    x.data()[i] = normal(rng);
  return x;
}

}  // namespace

TEST(EpochWelchPsd, EachEpochEqualsWelchOfThatEpoch) {
  const double fs = 256.0;
  // 5 complete 4-s epochs plus 300 samples that do not make an epoch.
  const Eigen::MatrixXd x = noise(4, 5 * 1024 + 300, 3);
  const auto e = dsp::epoch_welch_psd(x, fs, 4.0);
  ASSERT_EQ(e.n_epochs, 5U);
  ASSERT_EQ(e.n_channels, 4U);
  ASSERT_EQ(e.frequencies_hz.size(), 257U);
  for (std::size_t ep = 0; ep < 5; ++ep) {
    for (Eigen::Index c = 0; c < 4; ++c) {
      const Eigen::VectorXd seg = x.row(c).segment(static_cast<Eigen::Index>(ep) * 1024, 1024);
      const auto ref = dsp::welch_psd(std::span<const double>(seg.data(), 1024), fs);
      EXPECT_LE(max_abs_diff(e.at(ep, static_cast<std::size_t>(c)), ref.psd_uv2_per_hz), 0.0);
    }
  }
}

TEST(EpochWelchPsd, ThreadsSharingThePlanCacheAgree) {
  // Several threads compute PSDs at once through the process-wide FFT plan cache (odd sizes so
  // that plans are created concurrently too); each must equal the serial result.
  const Eigen::MatrixXd x = noise(3, 6000, 11);
  std::vector<dsp::EpochPsd> serial;
  const std::vector<double> segments = {0.5, 0.75, 1.0, 1.3};
  for (double s : segments)
    serial.push_back(dsp::epoch_welch_psd(x, 200.0, 5.0, {.segment_s = s}));
  std::vector<dsp::EpochPsd> parallel(segments.size() * 2);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < parallel.size(); ++i) {
    threads.emplace_back([&, i] {
      parallel[i] =
          dsp::epoch_welch_psd(x, 200.0, 5.0, {.segment_s = segments[i % segments.size()] + 0.0});
    });
  }
  for (auto& t : threads)
    t.join();
  for (std::size_t i = 0; i < parallel.size(); ++i)
    EXPECT_EQ(parallel[i].psd_uv2_per_hz, serial[i % segments.size()].psd_uv2_per_hz);
}

TEST(EpochWelchPsd, RejectsBadArguments) {
  const Eigen::MatrixXd x = noise(2, 1000, 1);
  EXPECT_THROW((void)dsp::epoch_welch_psd(x, 256.0, 8.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::epoch_welch_psd(x, 256.0, 0.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::epoch_welch_psd(x, 256.0, 1.0), std::invalid_argument);  // < segment
  EXPECT_THROW((void)dsp::epoch_welch_psd(x, -1.0, 1.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::epoch_welch_psd(Eigen::MatrixXd(0, 10), 256.0, 1.0),
               std::invalid_argument);
}
