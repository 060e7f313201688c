#pragma once

// What the spike detector's tests and measurements share: the untouched recordings, the foci of
// the injected discharges, the detector run over a recording at once or in blocks, and eye
// blinks injected at Fpz.

#include <cstddef>
#include <string>
#include <vector>

#include "detect/real_background.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/spikes/ied_params.hpp"

namespace eegtrack::test {

/// Recordings of healthy subjects (tests/data/eeg/normal) with no discharge in them.
inline const std::vector<std::string> kNormalFiles = {
    "eegmat_Subject00_2_mental_arithmetic.edf", "eegmat_Subject01_2_mental_arithmetic.edf",
    "eegmat_Subject03_1_rest_eyes_closed.edf", "eegmat_Subject05_1_rest_eyes_closed.edf",
    "eegmat_Subject07_1_rest_eyes_closed.edf"};
/// Centres of the injected fields, cycled over (test::inject_ieds).
inline const std::vector<std::string> kFoci = {"T7", "F8", "C3", "P8", "O1"};

/// The detector's events over the whole recording, pushed as one block.
std::vector<detect::Event> detect_all(const Recording& rec, detect::IedParams params = {});

/// The same, pushed in blocks of block_s with `concurrent_windows` windows analysed at once.
std::vector<detect::Event> detect_in_blocks(const Recording& rec, double block_s,
                                            std::size_t concurrent_windows = 1);

/// Eye blinks: positive 300-ms half sines of 150 µV at Fpz (25-deg field), every 4.1 s from
/// first_s while before last_s. Returns their onsets (s).
std::vector<double> inject_blinks(Recording& ref, double first_s, double last_s);

/// Events whose onset is within 0.4 s of a blink's peak.
int events_near(const std::vector<detect::Event>& events, const std::vector<double>& blinks);

}  // namespace eegtrack::test
