#include "eegtrack/features/epoch_average.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace eegtrack::features {
namespace {

// 3 epochs x 2 channels x 3 bins; value = 100 * epoch + 10 * channel + bin.
dsp::EpochPsd epochs() {
  dsp::EpochPsd e;
  e.frequencies_hz = {0.0, 0.5, 1.0};
  e.n_epochs = 3;
  e.n_channels = 2;
  for (int ep = 0; ep < 3; ++ep)
    for (int ch = 0; ch < 2; ++ch)
      for (int k = 0; k < 3; ++k)
        e.psd_uv2_per_hz.push_back(100.0 * ep + 10.0 * ch + k);
  return e;
}

TEST(MeanOverEpochs, AveragesKeptEpochsOfChosenChannels) {
  const auto e = epochs();
  const std::vector<std::size_t> channels{1, 0};
  const auto all = mean_over_epochs(e, channels);
  EXPECT_EQ(all.frequencies_hz, e.frequencies_hz);
  ASSERT_EQ(all.psd_uv2_per_hz.rows(), 2);
  EXPECT_DOUBLE_EQ(all.psd_uv2_per_hz(0, 2), 100.0 + 10.0 + 2.0);  // epochs 0,1,2 mean 100
  EXPECT_DOUBLE_EQ(all.psd_uv2_per_hz(1, 0), 100.0);
  const auto kept = mean_over_epochs(e, channels, {true, false, true});
  EXPECT_DOUBLE_EQ(kept.psd_uv2_per_hz(0, 1), 100.0 + 10.0 + 1.0);  // epochs 0 and 2
  const auto last = mean_over_epochs(e, channels, {false, false, true});
  EXPECT_DOUBLE_EQ(last.psd_uv2_per_hz(1, 1), 201.0);
}

TEST(MeanOverEpochs, RejectsBadArguments) {
  const auto e = epochs();
  const std::vector<std::size_t> none;
  const std::vector<std::size_t> bad{2};
  const std::vector<std::size_t> ok{0};
  EXPECT_THROW((void)mean_over_epochs(e, none), std::invalid_argument);
  EXPECT_THROW((void)mean_over_epochs(e, bad), std::invalid_argument);
  EXPECT_THROW((void)mean_over_epochs(e, ok, {true, true}), std::invalid_argument);
  EXPECT_THROW((void)mean_over_epochs(e, ok, {false, false, false}), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::features
