#pragma once

// Test helpers for the pattern detector: periodic discharge trains and rhythmic delta injected
// into real recordings with a physiological field (inject_field of real_background.hpp).

#include <random>
#include <string>
#include <vector>

#include "detect/real_background.hpp"
#include "eegtrack/detect/event.hpp"

namespace eegtrack::test {

/// A discharge of ~250 ms: a surface-negative sharp phase (90 ms) and a positive after-phase
/// (160 ms, 35 % of the peak). Not triphasic.
[[nodiscard]] std::vector<double> sharp_discharge(double fs, double amplitude_uv);
/// A triphasic discharge after ACNS 2021: negative 50 ms (30 %), positive 90 ms (100 %),
/// negative 180 ms (50 %): each phase longer than the previous, the positive one largest.
[[nodiscard]] std::vector<double> triphasic_discharge(double fs, double amplitude_uv);

/// A field made of one or more Gaussian sources that fire together.
struct Field {
  std::vector<std::string> centres;  ///< e.g. {"T7"} or {"F3", "F4"}
  double spread_deg = 38.0;
};

/// Injects discharges from start_s on at rate_hz with a +-jitter fraction of each interval
/// (uniform), for duration_s; returns the discharge onsets (s from the recording start).
std::vector<double> inject_train(Recording& referential, const Field& field,
                                 const std::vector<double>& waveform, double start_s,
                                 double duration_s, double rate_hz, double jitter,
                                 std::mt19937& rng);

/// Injects rhythmic delta: a sinusoid whose every cycle has its own period (+-irregularity
/// fraction around 1 / rate_hz), 0.5-s cosine ramps at both ends.
void inject_rhythmic_delta(Recording& referential, const Field& field, double amplitude_uv,
                           double start_s, double duration_s, double rate_hz, double irregularity,
                           std::mt19937& rng);

/// RMS (mean removed) of one referential channel over the whole recording.
[[nodiscard]] double channel_rms(const Recording& rec, const std::string& label);

/// The part [from_s, to_s) of a recording.
[[nodiscard]] Recording slice(const Recording& rec, double from_s, double to_s);

/// The recording in the average montage.
[[nodiscard]] Recording average(const Recording& referential);

/// Runs a PatternDetector (default parameters) over a recording, in one block (block_s <= 0)
/// or in blocks of block_s seconds, the first starting at start_s; returns every event.
[[nodiscard]] std::vector<detect::Event> detect(const Recording& rec, double block_s = 0.0,
                                                double start_s = 0.0);

}  // namespace eegtrack::test
