#include "detect/ied_test_support.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "detect/ied_injection.hpp"
#include "eegtrack/detect/spikes/ied_detector.hpp"

namespace eegtrack::test {

using detect::detection_channels;
using detect::Event;
using detect::IedDetector;
using detect::IedParams;

std::vector<Event> detect_all(const Recording& rec, IedParams params) {
  IedDetector detector(detection_channels(rec.labels), rec.sample_rate_hz, params);
  detector.push(rec.block());
  return detector.finish();
}

std::vector<Event> detect_in_blocks(const Recording& rec, double block_s,
                                    std::size_t concurrent_windows) {
  IedDetector detector(detection_channels(rec.labels), rec.sample_rate_hz);
  detector.set_concurrent_windows(concurrent_windows);
  const auto n = static_cast<std::size_t>(block_s * rec.sample_rate_hz);
  std::vector<Event> out;
  for (std::size_t begin = 0; begin < rec.size(); begin += n) {
    const std::size_t end = std::min(rec.size(), begin + n);
    std::vector<std::vector<double>> part;
    for (const auto& x : rec.samples)
      part.emplace_back(x.begin() + static_cast<std::ptrdiff_t>(begin),
                        x.begin() + static_cast<std::ptrdiff_t>(end));
    detector.push(
        {static_cast<double>(begin) / rec.sample_rate_hz, rec.sample_rate_hz, begin > 0, part});
    for (auto& e : detector.take_events())
      out.push_back(std::move(e));
  }
  for (auto& e : detector.finish())
    out.push_back(std::move(e));
  return out;
}

std::vector<double> inject_blinks(Recording& ref, double first_s, double last_s) {
  const double fs = ref.sample_rate_hz;
  std::vector<double> blink(static_cast<std::size_t>(0.3 * fs));
  for (std::size_t i = 0; i < blink.size(); ++i)
    blink[i] = 150.0 * std::sin(std::numbers::pi * static_cast<double>(i) /
                                static_cast<double>(blink.size()));
  std::vector<double> times;
  for (double t = first_s; t < last_s; t += 4.1) {
    inject_field(ref, "Fpz", 25.0, blink, static_cast<std::size_t>(t * fs));
    times.push_back(t);
  }
  return times;
}

// Events whose onset is within 0.4 s of a blink's peak.
int events_near(const std::vector<Event>& events, const std::vector<double>& blinks) {
  int near = 0;
  for (const auto& e : events) {
    for (double t : blinks)
      near += std::abs(e.onset_s - t - 0.15) < 0.4 ? 1 : 0;
  }
  return near;
}

}  // namespace eegtrack::test
