#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/features/artifact_summary.hpp"
#include "eegtrack/features/continuity.hpp"
#include "eegtrack/features/pdr.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/features/symmetry.hpp"
#include "eegtrack/findings/background.hpp"
#include "eegtrack/findings/epoch_table.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/epileptiform_summary.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::pipeline {

/// One per-epoch feature: a [n_epochs, n_channels] array of the feature store.
struct FeatureSpec {
  std::string name;  ///< e.g. "alpha_relative", "sef95_hz"
  std::string units;
  std::string description;
  double band_low_hz = std::numeric_limits<double>::quiet_NaN();  ///< band features only
  double band_high_hz = std::numeric_limits<double>::quiet_NaN();
};

/// The per-epoch features in output order: <band>_power and <band>_relative per band, then
/// total power, RMS, DAR, TAR, DTABR, SEF50/90/95, peak frequency, spectral entropy and the
/// aperiodic exponent and offset.
[[nodiscard]] std::vector<FeatureSpec> epoch_feature_specs(const AnalyzeParams& params);

/// Receives per-epoch feature rows as they are computed (e.g. an HDF5 store appending them),
/// so the analysis itself never holds the per-epoch arrays of a whole recording.
class FeatureSink {
 public:
  virtual ~FeatureSink() = default;
  /// rows: k epochs x n_channels values of one feature, row after row; NaN = rejected cell.
  virtual void append_rows(const FeatureSpec& feature, std::span<const double> rows,
                           std::size_t n_channels) = 0;
  /// Takes spectrogram windows as they complete (k windows x n_channels x n_freqs values).
  /// Returns false if the sink does not store them: the analysis then keeps them in memory.
  virtual bool append_spectrogram(std::span<const double> windows, std::size_t n_channels,
                                  std::size_t n_freqs) {
    (void)windows, (void)n_channels, (void)n_freqs;
    return false;
  }
};

/// One analysed channel (a derivation of the analysis montage).
struct AnalysisChannel {
  std::string label;             ///< as in the file (referential) or the derivation ("F3-avg")
  std::string normalized_label;  ///< derivation label with 10-10 names
  std::string type = "EEG";
  sites::ElectrodeSite site;  ///< region Other and Midline when the label names no site
  bool has_site = false;
  double sample_rate_hz = 0.0;
};

/// Median and interquartile range over clean epochs; NaN when there are none.
struct Quantiles {
  double median = std::numeric_limits<double>::quiet_NaN();
  double q25 = std::numeric_limits<double>::quiet_NaN();
  double q75 = std::numeric_limits<double>::quiet_NaN();
};

/// Band powers of one scalp region (channels of both sides and the midline).
struct RegionSummary {
  sites::Region region = sites::Region::Other;
  std::size_t n_channels = 0;
  std::vector<Quantiles> rel_power;  ///< per band
  std::vector<Quantiles> abs_power;  ///< per band, µV²
  bool has_asymmetry = false;        ///< both sides present (then the fields below are set)
  std::vector<double> signed_index;  ///< per band (R - L) / (R + L) of the mean spectra
  double slow_signed_index = std::numeric_limits<double>::quiet_NaN();
};

/// Reduced-resolution spectrogram (CDSA): power [n_windows][n_channels][n_freqs], µV²/Hz.
struct ReducedSpectrogram {
  std::vector<double> time_s;
  std::vector<double> frequencies_hz;
  /// Row-major; NaN where a window holds no clean epoch. Empty when `streamed`.
  std::vector<double> power;
  bool streamed = false;  ///< power went to the FeatureSink window by window
  double window_s = 0.0;
  double step_s = 0.0;
  double bin_hz = 0.0;
};

/// Per-epoch trends of the whole record, one value per row of the epoch table (the HDF5 /trends
/// table, docs/hdf5-layout.md); NaN where an epoch has no kept channel on one side.
struct EpochTrends {
  /// Running burst-suppression ratio: suppressed fraction of the bsr_window_s ending at the
  /// epoch's end (shorter near a segment start), from the continuity analysis.
  std::vector<double> bsr;
  double bsr_window_s = 0.0;
  /// Revised brain symmetry index of the epoch's mean right against mean left spectrum, [0, 1].
  std::vector<double> bsi;
  /// Signed (R - L) / (R + L) delta + theta power of the hemispheres, > 0: more on the right.
  std::vector<double> slow_asymmetry;
  /// The same per region with channels on both sides, front to back.
  std::vector<sites::Region> regions;
  std::vector<std::vector<double>> region_slow_asymmetry;  ///< [region][epoch]
};

/// Everything `eegtrack analyze` computes of one recording, as the pipeline works with it (the
/// per-epoch feature arrays go to the FeatureSink instead). What it means for the recording
/// is make_findings() (findings_builder.hpp); this struct stays the pipeline's working form.
struct RecordingAnalysis {
  double duration_s = 0.0;
  double sample_rate_hz = 0.0;
  /// Montage actually used: params.montage, or Referential (as recorded) when an average
  /// reference was asked of a recording without two referential scalp channels.
  io::MontageKind montage = io::MontageKind::Average;
  std::vector<AnalysisChannel> channels;
  std::vector<std::string> warnings;  ///< montage notes and skipped analyses
  findings::EpochTable epochs;        ///< one row per epoch, in time order
  EpochTrends trends;                 ///< per-epoch asymmetry and burst suppression
  std::size_t n_clean_epochs = 0;
  double clean_fraction = 0.0;
  std::vector<features::ChannelArtifactSummary> channel_artifacts;
  std::vector<std::string> bad_channels;
  // Recording-level background.
  std::vector<FeatureSpec> features;  ///< order of the per-epoch features
  std::vector<Quantiles> global;      ///< per feature: channel mean per epoch, over epochs
  std::vector<std::vector<double>> channel_median;  ///< [feature][channel] over clean cells
  std::vector<RegionSummary> regions;               ///< frontal .. occipital, those with channels
  features::PdrResult pdr;
  bool pdr_computed = false;  ///< false when there was no clean posterior channel
  double bsi = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> bsi_per_band;
  double pdbsi = std::numeric_limits<double>::quiet_NaN();
  std::vector<features::PairAsymmetry> slow_pairs;  ///< delta + theta asymmetry per pair
  features::ContinuityResult continuity;
  findings::Intervals intervals;  ///< block-bootstrap intervals of the main measures
  features::SlowingAssessment slowing;
  bool graded = false;  ///< false without clean epochs
  ReducedSpectrogram spectrogram;
  DetectionResult detection;            ///< epileptiform events (empty when detection is off)
  findings::Epileptiform epileptiform;  ///< their counts, rates and burden
};

/// Index of the feature named `name` in analysis.features. @throws std::out_of_range.
[[nodiscard]] std::size_t feature_index(const RecordingAnalysis& analysis, const std::string& name);

/// One pass over a recording: epochs (EpochStream) -> artifact screening of every recorded
/// channel (with its physical limits) -> analysis montage (average reference over the channels
/// clean in that epoch) -> per-epoch PSD (Welch or multitaper) -> per-epoch features -> sink;
/// then medians over clean epochs, PDR, symmetry, continuity and the slowing grade.
/// @throws std::invalid_argument for invalid params or a recording too short for one epoch;
///         io::EdfError / io::UsageError from reading.
/// Called now and then during analyze_recording with the EEG time analysed so far and the
/// recording's duration (seconds), from the calling thread; it must not throw.
using AnalysisProgress = std::function<void(double analysed_s, double total_s)>;

[[nodiscard]] RecordingAnalysis analyze_recording(const io::EdfReader& reader,
                                                  const AnalyzeParams& params,
                                                  FeatureSink* sink = nullptr,
                                                  const AnalysisProgress& progress = {});

}  // namespace eegtrack::pipeline
