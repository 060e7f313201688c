#pragma once

// Helpers for the seizure and BIRD detector tests: feeding a recording to a detector in chunks,
// and simulated rhythmic discharges (an evolving focal seizure, a brief rhythmic burst).

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "detect/real_background.hpp"
#include "eegtrack/detect/event.hpp"

namespace eegtrack::test {

/// Pushes the recording in blocks of chunk_s seconds (the last one shorter), then finishes.
/// take_events() is called after every block, so events final early are collected too.
template <typename Detector>
std::vector<detect::Event> run_in_chunks(Detector& detector, const Recording& rec, double chunk_s,
                                         double start_s = 0.0) {
  const auto chunk =
      static_cast<std::size_t>(std::max(1.0, std::round(chunk_s * rec.sample_rate_hz)));
  std::vector<detect::Event> events;
  std::vector<std::vector<double>> part(rec.samples.size());
  for (std::size_t at = 0; at < rec.size(); at += chunk) {
    const std::size_t n = std::min(chunk, rec.size() - at);
    for (std::size_t c = 0; c < part.size(); ++c)
      part[c].assign(rec.samples[c].begin() + static_cast<std::ptrdiff_t>(at),
                     rec.samples[c].begin() + static_cast<std::ptrdiff_t>(at + n));
    detector.push(
        {start_s + static_cast<double>(at) / rec.sample_rate_hz, rec.sample_rate_hz, at > 0, part});
    for (auto& e : detector.take_events())
      events.push_back(std::move(e));
  }
  for (auto& e : detector.finish())
    events.push_back(std::move(e));
  return events;
}

/// Events of one type.
[[nodiscard]] std::vector<detect::Event> of_type(const std::vector<detect::Event>& events,
                                                 detect::EventType type);

/// A simulated focal seizure: sharply contoured rhythmic waves (fundamental plus 2nd and 3rd
/// harmonics in phase, so each wave has a sharp negative peak) whose frequency glides from
/// start_hz to end_hz while the peak amplitude grows from start_uv to end_uv; 0.5-s onset
/// and offset tapers. Values in µV at the field's centre.
[[nodiscard]] std::vector<double> evolving_discharge(double fs, double duration_s, double start_hz,
                                                     double end_hz, double start_uv, double end_uv);

/// A brief rhythmic burst: sharply contoured waves at frequency_hz, peak amplitude_uv, with
/// 0.15-s tapers.
[[nodiscard]] std::vector<double> rhythmic_burst(double fs, double duration_s, double frequency_hz,
                                                 double amplitude_uv);

/// Injects `waveform` in consecutive parts, part k with field spread spreads_deg[k] (a field
/// that widens as the discharge spreads).
void inject_spreading(Recording& referential, const std::string& centre,
                      std::span<const double> spreads_deg, std::span<const double> waveform,
                      std::size_t at);

}  // namespace eegtrack::test
