// The spike-count interval of every recording's summary (src/dsp/poisson_interval.cpp) computed
// by several threads at once, as the recordings of a batch do. It used std::lgamma, which
// writes the process-wide `signgam`: ThreadSanitizer reported the race on the batch tests.
// Under TSan in CI this test fails if a thread-unsafe call comes back; everywhere it checks
// that the threads' intervals equal the sequential ones.
#include "eegtrack/dsp/poisson_interval.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace eegtrack::dsp {
namespace {

TEST(PoissonIntervalThreads, ConcurrentIntervalsEqualTheSequentialOnes) {
  constexpr int kCounts = 400;
  std::vector<CountInterval> expected;
  for (int k = 0; k < kCounts; ++k)
    expected.push_back(poisson_count_interval(k));
  std::vector<std::vector<CountInterval>> got(4, std::vector<CountInterval>(kCounts));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < kCounts; ++k)
        got[t][static_cast<std::size_t>(k)] = poisson_count_interval(k);
    });
  for (auto& t : threads)
    t.join();
  for (const auto& g : got)
    for (int k = 0; k < kCounts; ++k) {
      EXPECT_EQ(g[static_cast<std::size_t>(k)].low, expected[static_cast<std::size_t>(k)].low);
      EXPECT_EQ(g[static_cast<std::size_t>(k)].high, expected[static_cast<std::size_t>(k)].high);
    }
}

}  // namespace
}  // namespace eegtrack::dsp
