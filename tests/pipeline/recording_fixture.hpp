#pragma once

// Test helpers: real recordings loaded, modified (time-stretched, delta or artifacts added) and
// written back as EDF+ with the project's writer, for the analyze validation tests.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "eegtrack/dsp/resample.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"

namespace eegtrack::test {

/// EEG channels of a recording, µV.
struct Recording {
  std::vector<std::string> labels;
  double sample_rate_hz = 0.0;
  std::vector<std::vector<double>> x;
};

/// The EEG channels of the first max_s seconds of a (continuous) recording.
inline Recording load_eeg(const std::filesystem::path& path, double max_s) {
  const io::EdfReader reader(path);
  std::vector<int> signals;
  Recording r;
  for (int s : reader.header().data_signals()) {
    const auto& info = reader.header().signals[static_cast<std::size_t>(s)];
    if (io::normalize_channel(info.label, info.physical_dimension).type != io::ChannelType::Eeg)
      continue;
    signals.push_back(s);
    r.labels.push_back(info.label);
    r.sample_rate_hz = info.sample_rate_hz;
  }
  auto chunks = reader.read_window(signals, 0.0, std::min(max_s, reader.duration_s()));
  for (auto& s : chunks.at(0).signals)
    r.x.push_back(std::move(s.samples));
  return r;
}

/// Writes whole 1-s records (a trailing partial second is cut) with a ±3000 µV range.
inline void write_recording(const std::filesystem::path& path, const Recording& r) {
  const auto spr = static_cast<int>(std::lround(r.sample_rate_hz));
  std::vector<io::WriteSignal> signals;
  for (const auto& label : r.labels) {
    io::WriteSignal s;
    s.label = label;
    s.physical_min = -3000.0;
    s.physical_max = 3000.0;
    s.samples_per_record = spr;
    signals.push_back(s);
  }
  const std::size_t n = r.x.front().size() / static_cast<std::size_t>(spr) * spr;
  std::vector<std::vector<double>> samples;
  for (const auto& x : r.x)
    samples.emplace_back(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
  io::EdfWriter writer(path, io::WriteParams{}, signals);
  writer.write_records(samples);
  writer.close();
}

/// Time-stretch by k = up / down: every channel is resampled by up/down and kept at the
/// original rate, so the recording lasts k times longer and every frequency is divided by k.
inline Recording time_stretch(const Recording& r, int up, int down) {
  Recording out = r;
  for (auto& x : out.x)
    x = dsp::resample_poly(x, up, down);
  return out;
}

/// Index of the channel whose label is `label`.
inline std::size_t channel(const Recording& r, const std::string& label) {
  const auto it = std::find(r.labels.begin(), r.labels.end(), label);
  if (it == r.labels.end())
    throw std::runtime_error("no channel " + label);
  return static_cast<std::size_t>(it - r.labels.begin());
}

}  // namespace eegtrack::test
