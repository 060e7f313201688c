#pragma once
// Private: the per-epoch work of analyze_recording (screening, montage, PSD, features).

#include <Eigen/Core>
#include <optional>
#include <span>
#include <vector>

#include "eegtrack/dsp/psd.hpp"
#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/features/cerebral_field.hpp"
#include "eegtrack/features/ocular.hpp"
#include "eegtrack/features/spectral_features.hpp"
#include "eegtrack/io/edf_header.hpp"
#include "eegtrack/pipeline/channel_selection.hpp"
#include "eegtrack/pipeline/epoch_stream.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline::detail {

/// Results of one epoch; buffers are reused from epoch to epoch.
struct EpochResult {
  std::vector<features::ArtifactScreen> screens;         ///< per selected (recorded) signal
  std::vector<features::ArtifactReason> masks;           ///< per derivation
  std::vector<features::ArtifactReason> recorded_masks;  ///< per selected (recorded) signal
  std::vector<bool> rejected;                            ///< per derivation
  /// Derivations x samples, µV; row-major, so that each derivation is one contiguous row that
  /// Welch reads in place.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> montaged;
  dsp::PsdMatrix psd;          ///< derivations x frequencies
  std::vector<double> values;  ///< [derivation][feature], NaN when rejected
};

class EpochProcessor {
 public:
  EpochProcessor(const io::Header& header, const Selection& selection, const AnalyzeParams& p);
  void process(const Epoch& epoch, EpochResult& out) const;
  [[nodiscard]] std::size_t n_features() const noexcept { return n_features_; }
  [[nodiscard]] std::size_t n_recorded() const noexcept { return recorded_rows_.size(); }
  /// The epoch's signals the continuity analysis measures (the recorded channels feeding the
  /// montage), in its channel order.
  [[nodiscard]] std::vector<std::span<const double>> recorded(const Epoch& epoch) const;

 private:
  void screen(const Epoch& epoch, EpochResult& out) const;
  void montage(const Epoch& epoch, const std::vector<features::ArtifactReason>& raw,
               EpochResult& out) const;
  void spectrum(EpochResult& out, double fs) const;
  void features_of(EpochResult& out) const;

  const Selection* selection_;
  AnalyzeParams params_;
  features::SpectralParams spectral_;
  std::vector<std::optional<features::ChannelRange>> ranges_;  ///< per selected signal
  features::FieldLayout field_layout_;                         ///< of the selected signals
  features::OcularLayout ocular_layout_;                       ///< of the selected signals
  std::size_t n_features_ = 0;
  std::vector<std::size_t> recorded_rows_;  ///< selected signals measured for continuity
};

}  // namespace eegtrack::pipeline::detail
