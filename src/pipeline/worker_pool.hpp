// A fixed set of threads that run the iterations of one loop at a time: `run(n, f)` calls
// f(0) ... f(n - 1), spread over the workers and the calling thread, and returns when all are
// done. The analysis uses it for work that is independent per item (the background measures
// of a batch of epochs) and keeps everything that depends on time order on the calling thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace eegtrack::pipeline::detail {

class WorkerPool {
 public:
  /// @param threads total threads including the caller's (1: everything runs in the caller).
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Runs f(i) for i in [0, n); rethrows the first exception an iteration raised.
  void run(std::size_t n, const std::function<void(std::size_t)>& f);

 private:
  void work();
  void drain(std::unique_lock<std::mutex>& lock);  // runs iterations until none is left

  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
  const std::function<void(std::size_t)>* job_ = nullptr;
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  std::size_t running_ = 0;
  std::size_t generation_ = 0;
  std::exception_ptr error_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace eegtrack::pipeline::detail
