#pragma once

// Test helpers shared by the detector tests: a real recording as a plain multichannel array,
// montages derived from it, and transients injected with a physiological (smooth) field.

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/io/montage.hpp"

namespace eegtrack::test {

/// Every channel of one contiguous recording (or a part of it), µV, canonical labels.
struct Recording {
  double sample_rate_hz = 0.0;
  std::vector<std::string> labels;           ///< canonical: "Fp1", "T7", "Fp1-F7"
  std::vector<std::vector<double>> samples;  ///< one per label

  [[nodiscard]] std::size_t size() const { return samples.empty() ? 0 : samples[0].size(); }
  [[nodiscard]] double duration_s() const { return static_cast<double>(size()) / sample_rate_hz; }
  [[nodiscard]] std::size_t index_of(const std::string& label) const;  ///< throws if absent
  /// The block covering all samples, starting at start_s.
  [[nodiscard]] detect::DetectionBlock block(double start_s = 0.0) const;
};

/// Scalp EEG channels (10-10 electrodes, referential, or already bipolar as in CHB-MIT) of a
/// file, with canonical labels; ear references, ECG and other signals are left out.
/// Requires one segment. Skips the calling test when the file is absent.
[[nodiscard]] Recording read_scalp_eeg(const std::filesystem::path& path);

/// The recording re-derived in a montage (average or a bipolar table) with io's montage code.
[[nodiscard]] Recording derive(const Recording& referential, io::MontageKind kind);

/// Adds `waveform` (µV, as it would appear at the field's centre) at sample `at` of every
/// referential channel, weighted by a Gaussian of the angular distance from `centre` with
/// standard deviation `spread_deg` (a cortical source seen through the skull; 10-20 neighbours
/// are 22-36 degrees apart). Channels without a position are left unchanged.
void inject_field(Recording& referential, const std::string& centre, double spread_deg,
                  std::span<const double> waveform, std::size_t at);

/// A spike-and-slow-wave complex sampled at fs: a surface-negative spike of `spike_ms` total
/// duration and peak `-amplitude_uv` (asymmetric: rise 40 % of the duration, fall 60 %), then
/// a negative slow wave of 200 ms at 60 % of the amplitude. Negative up, as EEG convention
/// plots it; the values are the true signed voltages.
[[nodiscard]] std::vector<double> spike_and_wave(double fs, double spike_ms, double amplitude_uv,
                                                 bool with_slow_wave = true);

}  // namespace eegtrack::test
