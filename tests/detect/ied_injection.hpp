#pragma once

// Ground truth for the IED detector tests: spike-and-slow-wave complexes and sharp waves with
// a physiological field, injected at seeded times into a real recording.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "detect/real_background.hpp"
#include "eegtrack/detect/event.hpp"

namespace eegtrack::test {

struct InjectedIed {
  std::string focus;          ///< centre electrode of the field
  double start_s = 0.0;       ///< first sample of the waveform
  double peak_s = 0.0;        ///< most negative point of the spike or sharp wave
  double end_s = 0.0;         ///< end of the spike or sharp wave (slow wave not included)
  bool sharp = false;         ///< sharp wave (70-200 ms) rather than spike
  double amplitude_uv = 0.0;  ///< peak at the field's centre
};

struct IedInjection {
  Recording average;  ///< average montage of the recording with the transients
  std::vector<InjectedIed> truth;
};

/// Injects transients every 2-3.5 s (seeded) into `referential`, cycling over `foci`; spikes
/// of 40-60 ms with a slow wave alternate with sharp waves of 90-150 ms (every other one with a
/// slow wave). The amplitude at the centre is `rms_factor` x the centre's background RMS in
/// the average montage of the untouched recording. spread_deg: field SD (degrees).
[[nodiscard]] IedInjection inject_ieds(const Recording& referential,
                                       std::span<const std::string> foci, double rms_factor,
                                       double spread_deg, std::uint32_t seed);

/// How detections compare with the truth.
struct IedScore {
  int injected = 0;
  int detected = 0;          ///< injected transients with an overlapping event
  int class_correct = 0;     ///< of those, spike/sharp as injected
  int location_correct = 0;  ///< of those, side and region of the focus as injected
  int false_events = 0;      ///< events overlapping no injected transient
};

/// An event detects a transient when [onset, onset + duration] overlaps [start, end] widened
/// by 50 ms; each event counts for one transient at most.
[[nodiscard]] IedScore score_ieds(std::span<const detect::Event> events,
                                  std::span<const InjectedIed> truth);

}  // namespace eegtrack::test
