#include "eegtrack/features/artifact_summary.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace eegtrack::features {
namespace {

using R = ArtifactReason;

TEST(SummarizeChannel, CountsRejectionsAndReasons) {
  const std::vector<R> masks{R::None, R::Flat, R::LineNoise, R::Muscle | R::LineNoise, R::None};
  const auto s = summarize_channel(masks);
  EXPECT_EQ(s.n_epochs, 5U);
  EXPECT_EQ(s.n_rejected, 2U);  // line noise alone does not reject
  EXPECT_DOUBLE_EQ(s.rejected_fraction, 0.4);
  EXPECT_FALSE(s.bad);
  EXPECT_EQ(s.reason_counts[0], 1U);  // flat
  EXPECT_EQ(s.reason_counts[3], 1U);  // muscle
  EXPECT_EQ(s.reason_counts[5], 2U);  // line noise
}

TEST(SummarizeChannel, ChannelIsBadWhenMostlyRejected) {
  const std::vector<R> half{R::Flat, R::None, R::Amplitude, R::None};
  EXPECT_FALSE(summarize_channel(half).bad);  // exactly 50 % is not "more than half"
  const std::vector<R> most{R::Flat, R::Clipping, R::Amplitude, R::None};
  EXPECT_TRUE(summarize_channel(most).bad);
  ArtifactSummaryParams strict;
  strict.reject_reasons = kRejectingReasons | R::LineNoise;
  const std::vector<R> noisy{R::LineNoise, R::LineNoise, R::None};
  EXPECT_TRUE(summarize_channel(noisy, strict).bad);
  EXPECT_FALSE(summarize_channel(noisy).bad);
}

TEST(SummarizeChannel, CountsHighAmplitudeFieldsWithoutRejecting) {
  const std::vector<R> masks{R::HighAmplitudeField, R::HighAmplitudeField | R::LineNoise,
                             R::Amplitude};
  const auto s = summarize_channel(masks);
  EXPECT_EQ(s.n_rejected, 1U);
  EXPECT_EQ(s.reason_counts[2], 1U);  // amplitude
  EXPECT_EQ(s.reason_counts[6], 2U);  // high_amplitude_field
}

TEST(SummarizeChannel, RejectsBadArguments) {
  EXPECT_THROW((void)summarize_channel(std::vector<R>{}), std::invalid_argument);
  ArtifactSummaryParams p;
  p.bad_channel_fraction = 1.0;
  EXPECT_THROW((void)summarize_channel(std::vector<R>{R::None}, p), std::invalid_argument);
}

TEST(CombineChannels, KeepsChannelsWithoutRejectingReasons) {
  const std::vector<R> masks{R::None, R::ElectrodePop, R::LineNoise, R::Amplitude};
  const auto s = combine_channels(masks);
  EXPECT_EQ(s.channel_kept, (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(s.n_kept, 2U);
  EXPECT_DOUBLE_EQ(s.kept_fraction, 0.5);
  EXPECT_EQ(s.reasons, R::ElectrodePop | R::LineNoise | R::Amplitude);
  EXPECT_EQ(s.n_pop_channels, 1U);
  EXPECT_THROW((void)combine_channels(std::vector<R>{}), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::features
