#include "detector_lanes.hpp"

#include <algorithm>
#include <utility>

namespace eegtrack::pipeline::detail {

DetectorLanes::DetectorLanes(std::vector<DetectorLane> lanes, std::size_t threads,
                             std::size_t max_behind)
    : max_behind_(std::max<std::size_t>(1, max_behind)) {
  for (auto& l : lanes)
    lanes_.push_back({std::move(l), {}, false});
  const std::size_t n = std::min(threads, lanes_.size());
  for (std::size_t i = 0; i < n; ++i)
    threads_.emplace_back([this] { work(); });
}

DetectorLanes::~DetectorLanes() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& l : lanes_)
      l.queue.clear();  // an error unwound the caller: queued work is not needed
  }
  changed_.notify_all();
  for (auto& t : threads_)
    t.join();
}

bool DetectorLanes::idle() const {
  return std::all_of(lanes_.begin(), lanes_.end(),
                     [](const LaneState& l) { return l.queue.empty() && !l.busy; });
}

void DetectorLanes::rethrow_locked() {
  if (error_)
    std::rethrow_exception(std::exchange(error_, nullptr));
}

void DetectorLanes::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    LaneState* lane = nullptr;
    changed_.wait(lock, [&] {
      for (auto& l : lanes_) {
        if (!l.busy && !l.queue.empty()) {
          lane = &l;
          return true;
        }
      }
      return stopping_;
    });
    if (lane == nullptr)
      return;  // stopping and nothing left
    auto [index, block] = std::move(lane->queue.front());
    lane->queue.pop_front();
    lane->busy = true;
    lock.unlock();
    std::vector<detect::Event> events;
    std::exception_ptr error;
    try {
      events = lane->detector.push(block->block);
    } catch (...) {
      error = std::current_exception();
    }
    block.reset();
    lock.lock();
    lane->busy = false;
    if (error && !error_)
      error_ = error;
    if (!events.empty())
      found_.push_back({index, static_cast<std::size_t>(lane - lanes_.data()), std::move(events)});
    changed_.notify_all();
  }
}

void DetectorLanes::push(std::shared_ptr<const OwnedBlock> block) {
  if (threads_.empty()) {  // inline: the same work in the same order, on this thread
    const std::size_t index = next_block_++;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      auto events = lanes_[i].detector.push(block->block);
      if (!events.empty())
        found_.push_back({index, i, std::move(events)});
    }
    return;
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] {
    return error_ || std::all_of(lanes_.begin(), lanes_.end(),
                                 [&](const LaneState& l) { return l.queue.size() < max_behind_; });
  });
  rethrow_locked();
  const std::size_t index = next_block_++;
  for (auto& l : lanes_)
    l.queue.emplace_back(index, block);
  changed_.notify_all();
}

std::vector<detect::Event> DetectorLanes::finish() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || idle(); });
    rethrow_locked();
  }
  // Every lane is idle: the remaining work runs here, in lane order.
  for (std::size_t i = 0; i < lanes_.size(); ++i)
    found_.push_back({next_block_, i, lanes_[i].detector.finish()});
  std::stable_sort(found_.begin(), found_.end(), [](const Tagged& a, const Tagged& b) {
    return a.block != b.block ? a.block < b.block : a.lane < b.lane;
  });
  std::vector<detect::Event> out;
  for (auto& t : found_)
    out.insert(out.end(), std::make_move_iterator(t.events.begin()),
               std::make_move_iterator(t.events.end()));
  found_.clear();
  return out;
}

}  // namespace eegtrack::pipeline::detail
