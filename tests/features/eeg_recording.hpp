#pragma once

// Test helper for the artifact and continuity tests: every EEG channel of a real recording,
// read with the project reader, with the channel's physical range in µV.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/io/edf_reader.hpp"

namespace eegtrack::test {

struct EegChannel {
  std::string label;
  features::ChannelRange range;
  std::vector<double> samples;  ///< µV
};

struct EegRecording {
  double sample_rate_hz = 0.0;
  std::vector<EegChannel> channels;

  [[nodiscard]] const EegChannel& channel(const std::string& label) const {
    for (const auto& c : channels)
      if (c.label == label)
        return c;
    throw std::runtime_error("no channel " + label);
  }
};

/// Channels labelled "EEG <electrode>" (referential scalp channels: "EEG A2-A1" and non-EEG
/// signals are left out), whole recording (one segment expected).
inline EegRecording read_eeg_channels(const std::filesystem::path& path) {
  const io::EdfReader reader(path);
  std::vector<int> signals;
  EegRecording rec;
  const auto& all = reader.header().signals;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string& label = all[i].label;
    if (all[i].is_annotation || label.rfind("EEG ", 0) != 0 || label.find('-') != std::string::npos)
      continue;
    signals.push_back(static_cast<int>(i));
    EegChannel c;
    c.label = label;
    c.range = {all[i].physical_min * all[i].unit_scale, all[i].physical_max * all[i].unit_scale};
    rec.channels.push_back(std::move(c));
  }
  const auto chunks = reader.read_window(signals, 0.0, reader.duration_s());
  if (chunks.size() != 1)
    throw std::runtime_error("expected one segment in " + path.string());
  for (std::size_t k = 0; k < signals.size(); ++k)
    rec.channels[k].samples = chunks[0].signals[k].samples;
  rec.sample_rate_hz = chunks[0].signals[0].sample_rate_hz;
  return rec;
}

}  // namespace eegtrack::test
