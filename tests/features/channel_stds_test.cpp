// features::channel_stds sums several channels side by side for the artifact screen; each SD
// must be the one screen_epoch measures on its channel alone, to the last bit, whatever the
// number of channels (groups of four and the rest) and whether their lengths agree.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "eegtrack/features/artifacts.hpp"

namespace eegtrack::features {
namespace {

TEST(ChannelStds, EachIsTheScreensOwnSdBitForBit) {
  std::mt19937_64 rng(17);
  std::normal_distribution<double> normal(0.0, 30.0);
  for (std::size_t n_channels = 1; n_channels <= 11; ++n_channels) {
    for (const bool unequal : {false, true}) {
      std::vector<std::vector<double>> channels(n_channels);
      for (std::size_t c = 0; c < n_channels; ++c) {
        // A large offset makes the two-pass sums' rounding visible in the last bits.
        const std::size_t n = unequal && c == 2 ? 700 : 1024;
        for (std::size_t i = 0; i < n; ++i)
          channels[c].push_back(1e4 * static_cast<double>(c) + normal(rng));
      }
      const auto stds = channel_stds(channels);
      ASSERT_EQ(stds.size(), n_channels);
      for (std::size_t c = 0; c < n_channels; ++c) {
        const auto screen = screen_epoch(channels[c], 256.0);
        EXPECT_EQ(stds[c], screen.std_uv) << n_channels << " channels, channel " << c;
        // And the SD is right: the deviations from the mean, not from 0.
        EXPECT_NEAR(stds[c], 30.0, 3.0);
      }
    }
  }
}

}  // namespace
}  // namespace eegtrack::features
