// The epoch worker pool of one analysis (src/pipeline/worker_pool.hpp): every iteration runs
// exactly once, on any number of threads, run after run; an iteration's error reaches the
// caller and leaves the pool usable. Built alone under ThreadSanitizer in CI (docs/testing.md).
#include "worker_pool.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace eegtrack::pipeline::detail {
namespace {

// Some arithmetic per item, so that the threads overlap.
double work(std::size_t i) {
  double x = static_cast<double>(i);
  for (int k = 0; k < 2000; ++k)
    x = std::sin(x) + static_cast<double>(i);
  return x;
}

TEST(WorkerPool, EveryIterationRunsOnceOnAnyNumberOfThreads) {
  const std::size_t n = 333;
  std::vector<double> expected(n);
  for (std::size_t i = 0; i < n; ++i)
    expected[i] = work(i);
  for (const std::size_t threads : {1U, 2U, 3U, 8U}) {
    WorkerPool pool(threads);
    for (int run = 0; run < 20; ++run) {
      std::vector<double> out(n, -1.0);
      std::vector<int> calls(n, 0);
      pool.run(n, [&](std::size_t i) {
        out[i] = work(i);
        ++calls[i];  // each index belongs to one thread: no lock needed
      });
      EXPECT_EQ(out, expected) << threads << " threads, run " << run;
      EXPECT_EQ(std::accumulate(calls.begin(), calls.end(), 0), static_cast<int>(n));
      EXPECT_EQ(*std::max_element(calls.begin(), calls.end()), 1);
    }
    pool.run(0, [](std::size_t) { FAIL() << "no iteration for n = 0"; });
  }
}

TEST(WorkerPool, AnIterationsErrorReachesTheCallerAndThePoolGoesOn) {
  WorkerPool pool(3);
  EXPECT_THROW(pool.run(100,
                        [](std::size_t i) {
                          if (i == 57)
                            throw std::runtime_error("item 57");
                        }),
               std::runtime_error);
  std::vector<std::size_t> out(50, 0);
  pool.run(out.size(), [&](std::size_t i) { out[i] = i * i; });
  for (std::size_t i = 0; i < out.size(); ++i)
    EXPECT_EQ(out[i], i * i);
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
