// The order in which a batch starts its recordings (largest file first).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "eegtrack/pipeline/batch_runner.hpp"

namespace eegtrack::pipeline {
namespace {

TEST(BatchOrder, LargestFileFirstTiesInInputOrder) {
  const std::vector<std::uint64_t> sizes = {5, 100, 5, 50, 0, 100};
  EXPECT_EQ(largest_first(sizes), (std::vector<std::size_t>{1, 5, 3, 0, 2, 4}));
}

TEST(BatchOrder, EmptyAndSingle) {
  EXPECT_TRUE(largest_first({}).empty());
  EXPECT_EQ(largest_first({7}), (std::vector<std::size_t>{0}));
}

}  // namespace
}  // namespace eegtrack::pipeline
