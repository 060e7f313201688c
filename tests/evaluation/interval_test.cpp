// Interval arithmetic behind coverage and any-overlap matching, on hand-made intervals.
#include "eegtrack/evaluation/interval.hpp"

#include <gtest/gtest.h>

namespace eegtrack::evaluation {
namespace {

TEST(EvaluationInterval, OverlapIsTheSharedTime) {
  EXPECT_DOUBLE_EQ(overlap_s({0, 10}, {5, 20}), 5.0);
  EXPECT_DOUBLE_EQ(overlap_s({0, 10}, {2, 3}), 1.0);
  EXPECT_DOUBLE_EQ(overlap_s({0, 10}, {10, 20}), 0.0);
  EXPECT_DOUBLE_EQ(overlap_s({0, 10}, {30, 40}), 0.0);
}

TEST(EvaluationInterval, TouchingIntervalsDoNotOverlapButAnInstantInsideDoes) {
  EXPECT_TRUE(overlaps({0, 10}, {9.5, 20}));
  EXPECT_FALSE(overlaps({0, 10}, {10, 20}));
  EXPECT_TRUE(overlaps({5, 5}, {0, 10}));
  EXPECT_TRUE(overlaps({0, 10}, {0, 0}));
  EXPECT_FALSE(overlaps({10, 10}, {0, 10}));
}

TEST(EvaluationInterval, UnionJoinsOverlappingAndTouchingIntervals) {
  const auto joined = union_of({{5, 8}, {0, 3}, {2, 4}, {8, 9}});
  ASSERT_EQ(joined.size(), 2u);
  EXPECT_DOUBLE_EQ(joined[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(joined[0].offset_s, 4.0);
  EXPECT_DOUBLE_EQ(joined[1].onset_s, 5.0);
  EXPECT_DOUBLE_EQ(joined[1].offset_s, 9.0);
}

TEST(EvaluationInterval, CoveredTimeCountsOverlappingCoverOnce) {
  // Cover [-5, 3] and [8, 12] after the union: 3 s + 2 s inside [0, 10].
  EXPECT_DOUBLE_EQ(covered_s({0, 10}, {{-5, 2}, {1, 3}, {8, 12}}), 5.0);
  EXPECT_DOUBLE_EQ(covered_s({0, 10}, {}), 0.0);
}

}  // namespace
}  // namespace eegtrack::evaluation
