// The detector lanes of one analysis (src/pipeline/detector_lanes.hpp): detectors that carry
// state from block to block, run concurrently on worker threads, return exactly the events of
// a sequential run in the same order, whatever the number of threads and the allowed lag; a
// detector's error reaches the caller. Built alone under ThreadSanitizer in CI.
#include "detector_lanes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace eegtrack::pipeline::detail {
namespace {

// A sequential detector: a running sum over its blocks (state), an event whenever a block
// lifts the sum over the next multiple of `step`, one more at the end.
DetectorLane summing_lane(const std::string& name, double step) {
  auto sum = std::make_shared<double>(0.0);
  auto next = std::make_shared<double>(step);
  DetectorLane lane;
  lane.push = [=](const detect::DetectionBlock& block) {
    std::vector<detect::Event> out;
    for (const auto& channel : block.samples)
      for (const double v : channel)
        *sum += std::abs(std::sin(v));
    while (*sum > *next) {
      detect::Event e;
      e.onset_s = block.start_s;
      e.channels = {name};
      e.confidence = *sum;
      out.push_back(e);
      *next += step;
    }
    return out;
  };
  lane.finish = [=] {
    detect::Event e;
    e.onset_s = -1.0;
    e.channels = {name + " end"};
    e.confidence = *sum;
    return std::vector<detect::Event>{e};
  };
  return lane;
}

std::vector<DetectorLane> lanes() {
  return {summing_lane("a", 50.0), summing_lane("b", 170.0), summing_lane("c", 31.0)};
}

std::shared_ptr<const OwnedBlock> block(std::size_t index) {
  auto owned = std::make_shared<OwnedBlock>();
  owned->samples.assign(2, std::vector<double>(256));
  for (std::size_t c = 0; c < 2; ++c)
    for (std::size_t i = 0; i < 256; ++i)
      owned->samples[c][i] = 0.01 * static_cast<double>(index * 256 + i) + static_cast<double>(c);
  owned->block.start_s = static_cast<double>(index);
  owned->block.sample_rate_hz = 256.0;
  owned->block.continues_previous = index > 0;
  owned->block.samples = owned->samples;
  return owned;
}

std::vector<detect::Event> run(std::size_t threads, std::size_t max_behind, std::size_t blocks) {
  DetectorLanes detectors(lanes(), threads, max_behind);
  for (std::size_t b = 0; b < blocks; ++b)
    detectors.push(block(b));
  return detectors.finish();
}

TEST(DetectorLanes, ConcurrentLanesGiveTheSequentialEventsInOrder) {
  const auto sequential = run(0, 1, 120);
  ASSERT_GT(sequential.size(), 100U);
  for (const std::size_t threads : {1U, 2U, 3U})
    for (const std::size_t max_behind : {1U, 2U, 8U}) {
      const auto events = run(threads, max_behind, 120);
      ASSERT_EQ(events.size(), sequential.size()) << threads << " threads, lag " << max_behind;
      for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].onset_s, sequential[i].onset_s) << i;
        EXPECT_EQ(events[i].channels, sequential[i].channels) << i;
        EXPECT_EQ(events[i].confidence, sequential[i].confidence) << i;
      }
    }
}

TEST(DetectorLanes, ADetectorsErrorReachesTheCaller) {
  auto all = lanes();
  all[1].push = [](const detect::DetectionBlock& b) -> std::vector<detect::Event> {
    if (b.start_s >= 30.0)
      throw std::runtime_error("lane b fails at 30 s");
    return {};
  };
  DetectorLanes detectors(std::move(all), 2, 4);
  EXPECT_THROW(
      {
        for (std::size_t b = 0; b < 60; ++b)
          detectors.push(block(b));
        (void)detectors.finish();
      },
      std::runtime_error);
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
