// The filter bank against one SosFilter per channel, bit for bit: channel counts on and off the
// vector width, blocks of every size from none to several hundred samples (the state carries
// across them), steady-state starts, and a non-finite sample named by channel.

#include "eegtrack/dsp/sos_filter_bank.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/sos_filter.hpp"

namespace eegtrack::dsp {
namespace {

Sos band_pass(int order) {
  return butterworth({.order = order,
                      .type = FilterType::BandPass,
                      .low_hz = 1.0,
                      .high_hz = 20.0,
                      .sample_rate_hz = 256.0});
}

TEST(SosFilterBank, TheSameBitsAsOneFilterPerChannel) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> g(0.0, 40.0);
  for (const int order : {1, 2, 4}) {
    const Sos sos = band_pass(order);
    for (std::size_t width = 1; width <= 9; ++width) {
      SosFilterBank bank(sos, width);
      std::vector<SosFilter> single(width, SosFilter(sos));
      for (std::size_t c = 0; c < width; ++c) {
        const double start = g(rng);
        bank.reset_to_steady_state(c, start);
        single[c].reset_to_steady_state(start);
      }
      for (const std::size_t n : {0U, 1U, 3U, 4U, 17U, 256U, 700U}) {
        std::vector<std::vector<double>> x(width, std::vector<double>(n));
        std::vector<double*> pointers;
        for (auto& channel : x) {
          for (auto& v : channel)
            v = g(rng);
          pointers.push_back(channel.data());
        }
        auto expected = x;
        for (std::size_t c = 0; c < width; ++c)
          single[c].process(expected[c], expected[c]);
        bank.process(pointers, n);
        for (std::size_t c = 0; c < width; ++c)
          for (std::size_t i = 0; i < n; ++i)
            ASSERT_EQ(x[c][i], expected[c][i])
                << "order " << order << ", " << width << " channels, block of " << n << ", channel "
                << c << ", sample " << i;
      }
    }
  }
}

TEST(SosFilterBank, RejectsANonFiniteSampleAndAWrongChannelCount) {
  SosFilterBank bank(band_pass(2), 3);
  std::vector<std::vector<double>> x(3, std::vector<double>(10, 1.0));
  x[2][4] = std::numeric_limits<double>::quiet_NaN();
  std::vector<double*> pointers{x[0].data(), x[1].data(), x[2].data()};
  try {
    bank.process(pointers, 10);
    FAIL() << "a NaN was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("channel 2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("index 4"), std::string::npos) << e.what();
  }
  pointers.pop_back();
  EXPECT_THROW(bank.process(pointers, 10), std::invalid_argument);
  EXPECT_THROW(bank.reset_to_steady_state(3, 0.0), std::invalid_argument);
  EXPECT_THROW(SosFilterBank(Sos{}, 2), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::dsp
