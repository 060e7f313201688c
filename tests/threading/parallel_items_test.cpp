// The batch pool (src/pipeline/parallel_items.hpp): every item is processed once, results are
// handed over one at a time (the tallies in `done` are plain integers: ThreadSanitizer, which
// CI runs this under, reports any unsynchronised access), and an empty list is fine.
#include "parallel_items.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace eegtrack::pipeline::detail {
namespace {

TEST(ParallelItems, EachItemOnceAndResultsHandedOverOneAtATime) {
  for (const std::size_t threads : {1U, 2U, 4U, 16U}) {
    for (const std::size_t count : {0U, 1U, 3U, 97U}) {
      std::vector<std::string> results(count);
      std::size_t done_calls = 0;
      double total = 0.0;
      for_each_parallel(
          count, threads,
          [](std::size_t i) {
            double x = 0.0;
            for (std::size_t k = 0; k < 1000 * (i % 7 + 1); ++k)
              x += std::sqrt(static_cast<double>(k + i));
            return std::to_string(i) + ":" + std::to_string(x > 0.0 || i == 0);
          },
          [&](std::size_t i, std::string&& r) {
            ASSERT_TRUE(results[i].empty()) << "item " << i << " twice";
            results[i] = std::move(r);
            ++done_calls;
            total += static_cast<double>(i);
          });
      EXPECT_EQ(done_calls, count) << threads << " threads";
      EXPECT_DOUBLE_EQ(total, static_cast<double>(count * (count - (count > 0 ? 1 : 0)) / 2));
      for (std::size_t i = 0; i < count; ++i)
        EXPECT_EQ(results[i], std::to_string(i) + ":1");
    }
  }
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
