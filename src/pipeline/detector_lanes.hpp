// Runs the epileptiform detectors concurrently, each on its own lane. A detector is sequential
// (each block continues the state the previous one left), but different detectors share
// nothing: a small pool of threads takes, for any lane that is idle and has blocks waiting, the
// lane's oldest block. The caller queues montaged blocks and goes on with the next epoch's
// background work while the detectors catch up; it waits only when a lane falls more than a
// bounded number of blocks behind, so memory stays constant whatever the recording's length.
// Events come back in the order a sequential run would give them: by block, then by lane.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"

namespace eegtrack::pipeline::detail {

/// A block of the main detection view that the lanes share (the DetectionBlock's samples
/// point into it).
struct OwnedBlock {
  std::vector<std::vector<double>> samples;
  detect::DetectionBlock block;
};

/// One detector: push a block and return the events it completed; finish at the end.
struct DetectorLane {
  std::function<std::vector<detect::Event>(const detect::DetectionBlock&)> push;
  std::function<std::vector<detect::Event>()> finish;
};

class DetectorLanes {
 public:
  /// @param threads worker threads; 0 runs every lane in push() on the caller's thread.
  /// @param max_behind blocks a lane may queue.
  DetectorLanes(std::vector<DetectorLane> lanes, std::size_t threads, std::size_t max_behind);
  ~DetectorLanes();
  DetectorLanes(const DetectorLanes&) = delete;
  DetectorLanes& operator=(const DetectorLanes&) = delete;

  /// Queues the block for every lane; waits while a lane is max_behind blocks behind.
  /// Rethrows the first error a detector raised.
  void push(std::shared_ptr<const OwnedBlock> block);
  /// Waits for every queued block, finishes each lane in order and returns all events.
  [[nodiscard]] std::vector<detect::Event> finish();

 private:
  struct Tagged {
    std::size_t block;
    std::size_t lane;
    std::vector<detect::Event> events;
  };
  struct LaneState {
    DetectorLane detector;
    std::deque<std::pair<std::size_t, std::shared_ptr<const OwnedBlock>>> queue;
    bool busy = false;
  };
  void work();
  [[nodiscard]] bool idle() const;  // caller holds mutex_
  void rethrow_locked();            // caller holds mutex_

  std::vector<LaneState> lanes_;
  std::size_t max_behind_;
  std::size_t next_block_ = 0;
  std::vector<Tagged> found_;
  std::exception_ptr error_;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::thread> threads_;
};

}  // namespace eegtrack::pipeline::detail
