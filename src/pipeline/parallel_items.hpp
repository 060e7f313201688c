// The pool of `eegtrack batch`: process(i) for every i in [0, count) on `threads` threads (the
// caller's included), each thread taking the next index as it becomes free, so a long
// recording never holds up the others; done(i, result) runs for each result under one lock,
// in the order they finish (progress and tallies need no locking of their own). Kept apart
// from the batch's analysis so that ThreadSanitizer can check it on its own build in CI.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace eegtrack::pipeline::detail {

/// `process` must not throw (the batch turns every failure into its result); `done` may.
template <class Process, class Done>
void for_each_parallel(std::size_t count, std::size_t threads, Process&& process, Done&& done) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      auto result = process(i);
      const std::lock_guard lock(mutex);
      done(i, std::move(result));
    }
  };
  const std::size_t n = std::max<std::size_t>(1, std::min(threads, count));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& t : pool)
    t.join();
}

}  // namespace eegtrack::pipeline::detail
