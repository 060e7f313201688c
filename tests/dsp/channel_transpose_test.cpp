// The channel transposes of the zero-phase filter move every value to its place and touch
// nothing else: for channel counts and lengths on and off the 4 x 4 blocks and the 32-instant
// tiles, each value is checked against its index.

#include "channel_transpose.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

namespace eegtrack::dsp::detail {
namespace {

double tag(std::size_t c, std::size_t i) {
  return static_cast<double>(c) * 1e6 + static_cast<double>(i);
}

TEST(ChannelTranspose, EveryValueToItsPlaceAndBack) {
  for (std::size_t width = 1; width <= 9; ++width) {
    for (const std::size_t n : {1U, 3U, 4U, 5U, 31U, 32U, 33U, 67U}) {
      std::vector<std::vector<double>> in(width, std::vector<double>(n));
      std::vector<const double*> from;
      for (std::size_t c = 0; c < width; ++c) {
        for (std::size_t i = 0; i < n; ++i)
          in[c][i] = tag(c, i);
        from.push_back(in[c].data());
      }
      // Rows wider than the channels, and one guard value on each side of the rows: nothing
      // outside the channels' places is written.
      const std::size_t row_width = width + width % 3;
      std::vector<double> rows(n * row_width + 2, -1.0);
      to_time_major(from, n, rows.data() + 1, row_width);
      EXPECT_EQ(rows.front(), -1.0);
      EXPECT_EQ(rows.back(), -1.0);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < width; ++c)
          ASSERT_EQ(rows[1 + i * row_width + c], tag(c, i)) << width << " x " << n;
        for (std::size_t c = width; c < row_width; ++c)
          ASSERT_EQ(rows[1 + i * row_width + c], -1.0) << width << " x " << n;
      }
      std::vector<std::vector<double>> out(width, std::vector<double>(n + 1, -1.0));
      std::vector<double*> to;
      for (auto& o : out)
        to.push_back(o.data());
      from_time_major(rows.data() + 1, row_width, n, to);
      for (std::size_t c = 0; c < width; ++c) {
        EXPECT_EQ(out[c][n], -1.0);
        for (std::size_t i = 0; i < n; ++i)
          ASSERT_EQ(out[c][i], tag(c, i)) << width << " x " << n;
      }
    }
  }
}

}  // namespace
}  // namespace eegtrack::dsp::detail
