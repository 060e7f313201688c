#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/reconcile.hpp"
#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/io/edf_header.hpp"
#include "eegtrack/pipeline/channel_selection.hpp"
#include "eegtrack/pipeline/detection_params.hpp"
#include "eegtrack/pipeline/epoch_stream.hpp"

namespace eegtrack::pipeline {

/// Everything the detectors found in one recording.
struct DetectionResult {
  std::vector<detect::Event> events;          ///< reconciled, artifact-screened, sorted
  std::string main_montage;                   ///< "average" or "referential" (as recorded)
  std::vector<std::string> main_channels;     ///< derivations of the main view
  std::vector<std::string> bipolar_channels;  ///< derivations of the bipolar view
  double analysed_s = 0.0;                    ///< EEG time pushed through the detectors
  detect::ReconcileCounts reconciled{};
  std::size_t dropped_for_artifacts = 0;
  std::vector<std::string> warnings;  ///< detectors that could not run, and why
};

/// Feeds the epochs of analyze_recording to the epileptiform detectors: derives the detection
/// views from the recorded channels of each epoch (one read of the file serves everything),
/// pushes them in time order (a new segment resets the detectors), remembers which electrodes
/// carried technical artifacts, and at the end reconciles the detectors' events.
class DetectionRunner {
 public:
  /// @param selection the analysis selection; its signals are the recorded channels of each
  ///        Epoch. Detectors that cannot run on this recording are skipped with a warning.
  /// @param threads threads the detectors may use (0: one per hardware thread).
  DetectionRunner(const io::Header& header, const Selection& selection,
                  const DetectionParams& params, std::size_t threads = 0);
  ~DetectionRunner();
  DetectionRunner(DetectionRunner&&) noexcept;
  DetectionRunner& operator=(DetectionRunner&&) noexcept;

  /// @param recorded_masks artifact reasons per recorded channel of this epoch.
  /// @param continues false for the first epoch of a segment (EDF+D gap or recording start).
  void push(const Epoch& epoch, std::span<const features::ArtifactReason> recorded_masks,
            bool continues);
  [[nodiscard]] DetectionResult finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace eegtrack::pipeline
