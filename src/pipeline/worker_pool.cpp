#include "worker_pool.hpp"

#include <utility>

namespace eegtrack::pipeline::detail {

WorkerPool::WorkerPool(std::size_t threads) {
  for (std::size_t i = 1; i < threads; ++i)
    threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  start_.notify_all();
  for (auto& t : threads_)
    t.join();
}

void WorkerPool::drain(std::unique_lock<std::mutex>& lock) {
  while (next_ < count_) {
    const std::size_t i = next_++;
    const auto* job = job_;
    ++running_;
    lock.unlock();
    std::exception_ptr error;
    try {
      (*job)(i);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    --running_;
    if (error && !error_)
      error_ = error;
  }
  if (running_ == 0)
    done_.notify_all();
}

void WorkerPool::work() {
  std::unique_lock lock(mutex_);
  std::size_t seen = generation_;
  for (;;) {
    start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
    if (stopping_)
      return;
    seen = generation_;
    drain(lock);
  }
}

void WorkerPool::run(std::size_t n, const std::function<void(std::size_t)>& f) {
  if (threads_.empty()) {
    for (std::size_t i = 0; i < n; ++i)
      f(i);
    return;
  }
  std::unique_lock lock(mutex_);
  job_ = &f;
  next_ = 0;
  count_ = n;
  ++generation_;
  start_.notify_all();
  drain(lock);
  done_.wait(lock, [&] { return next_ >= count_ && running_ == 0; });
  job_ = nullptr;
  count_ = 0;
  if (error_)
    std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace eegtrack::pipeline::detail
