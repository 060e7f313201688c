#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>

#include "eegtrack/io/hdf5_writer.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/store_layout.hpp"
#include "eegtrack/pipeline/summary_json.hpp"

namespace eegtrack::pipeline {

/// The HDF5 feature store of one recording (docs/hdf5-layout.md). Per-epoch
/// feature arrays are appended as the analysis streams them (pass the store as the
/// FeatureSink of analyze_recording); finish() writes the rest and commits atomically. Without
/// finish() nothing appears at the final path.
class Hdf5Store final : public FeatureSink {
 public:
  /// @throws io::H5Error naming the path if the temporary file cannot be created.
  explicit Hdf5Store(std::filesystem::path final_path);

  /// Appends rows to /features/<feature.name>.
  void append_rows(const FeatureSpec& feature, std::span<const double> rows,
                   std::size_t n_channels) override;
  /// Appends windows to /spectrogram/power.
  bool append_spectrogram(std::span<const double> windows, std::size_t n_channels,
                          std::size_t n_freqs) override;

  /// Writes root attributes, /parameters, /channels, /epochs, feature attributes, /summary,
  /// /spectrogram, /artifacts/mask, /events and /trends, then commits (fsync + rename).
  /// @throws io::H5Error if HDF5 fails.
  void finish(const RecordingAnalysis& analysis, const AnalyzeParams& params,
              const RecordingProvenance& provenance, const nlohmann::json& summary);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return writer_.path(); }

 private:
  io::Hdf5Writer writer_;
};

}  // namespace eegtrack::pipeline
