#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/sites/site.hpp"

namespace eegtrack::findings {

/// One band's relative power per epoch: the mean over the channels kept in that epoch (NaN
/// when none was kept).
struct BandTrend {
  std::string band;
  std::vector<double> relative;  ///< per epoch, [0, 1]
  friend bool operator==(const BandTrend&, const BandTrend&) = default;
};

/// The band trends of one region (channels of both sides and the midline).
struct RegionBandTrends {
  sites::Region region = sites::Region::Other;
  std::vector<BandTrend> bands;  ///< in the order of the analysis bands
  friend bool operator==(const RegionBandTrends&, const RegionBandTrends&) = default;
};

/// Signed slow asymmetry of one region per epoch, (R - L) / (R + L) of delta + theta power.
struct RegionAsymmetryTrend {
  sites::Region region = sites::Region::Other;
  std::vector<double> slow_asymmetry;
  friend bool operator==(const RegionAsymmetryTrend&, const RegionAsymmetryTrend&) = default;
};

/// A time x frequency power map (compressed spectral array) of a group of channels.
struct SpectrogramMap {
  std::optional<sites::Region> region;  ///< absent: every analysed channel with a scalp site
  std::size_t n_channels = 0;           ///< channels averaged
  /// [window][frequency] mean of the channels' PSD, µV²/Hz; NaN where no channel had a clean
  /// epoch in the window.
  std::vector<double> power_uv2_per_hz;
  friend bool operator==(const SpectrogramMap&, const SpectrogramMap&) = default;
};

/// One channel's value for a head map.
struct ChannelValue {
  std::string label;  ///< normalized derivation label ("T7-avg", "Fp1-F7", "O1")
  std::optional<double> value;
  friend bool operator==(const ChannelValue&, const ChannelValue&) = default;
};

/// How a recording evolved from epoch to epoch: what the report draws over time. Read from the
/// HDF5 feature store (pipeline::read_recording_trends, docs/hdf5-layout.md); every per-epoch
/// vector has one value per epoch, in time order.
struct RecordingTrends {
  std::string layout_version;  ///< of the store it was read from
  double epoch_s = 0.0;
  std::vector<double> onset_s;
  std::vector<std::int64_t> segment;
  /// 1 when the epoch counts in the recording-level measures; empty for stores before 1.2.
  std::vector<std::uint8_t> clean;
  /// Share of channels whose artifact mask rejects the epoch (a rejecting condition), [0, 1].
  std::vector<double> rejected_fraction;
  std::vector<BandTrend> bands;           ///< every channel, in the order of the analysis bands
  std::vector<RegionBandTrends> regions;  ///< frontal .. occipital, those with channels
  /// Per-epoch trends of layout 1.2 (/trends); empty for older stores.
  std::vector<double> bsr;
  double bsr_window_s = 0.0;
  std::vector<double> bsi;
  std::vector<double> slow_asymmetry;
  std::vector<RegionAsymmetryTrend> region_asymmetry;
  /// The reduced spectrogram: window centres, bin frequencies and maps (all channels first,
  /// then each region frontal .. occipital with channels).
  std::vector<double> spectrogram_time_s;
  std::vector<double> spectrogram_frequencies_hz;
  double spectrogram_window_s = 0.0;
  std::vector<SpectrogramMap> spectrograms;
  /// Median relative delta of each channel over clean epochs (/summary/delta_relative).
  std::vector<ChannelValue> channel_relative_delta;

  [[nodiscard]] std::size_t size() const noexcept { return onset_s.size(); }
  friend bool operator==(const RecordingTrends&, const RecordingTrends&) = default;
};

}  // namespace eegtrack::findings
