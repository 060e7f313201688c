#pragma once

#include <filesystem>

#include "eegtrack/findings/recording_trends.hpp"

namespace eegtrack::pipeline {

/// How an existing `<stem>.h5` (docs/hdf5-layout.md, layout 1.x) evolved over the recording:
/// per-epoch relative band powers of all channels and of each region (channel means of
/// /features/<band>_relative over the channels kept in the epoch), the share of rejected
/// channels (/artifacts/mask: the conditions its "bits" attribute names, except line_noise and
/// high_amplitude_field, which do not reject), /trends (layout 1.2; empty before), the spectrogram
/// averaged over all scalp channels and over each region, and each channel's median relative
/// delta (/summary/delta_relative).
/// @throws FindingsFileError (read_findings.hpp) naming the file and the object.
[[nodiscard]] findings::RecordingTrends read_recording_trends(const std::filesystem::path& store);

}  // namespace eegtrack::pipeline
