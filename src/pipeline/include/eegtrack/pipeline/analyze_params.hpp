#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/features/bands.hpp"
#include "eegtrack/features/continuity.hpp"
#include "eegtrack/features/pdr.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/pipeline/average_psd.hpp"
#include "eegtrack/pipeline/detection_params.hpp"

namespace eegtrack::pipeline {

/// The block bootstrap of a recording's own variability (docs/findings.md, intervals): clean
/// epochs are resampled in contiguous blocks, because neighbouring epochs are alike, and the
/// recording-level measures are recomputed on each resample.
struct BootstrapParams {
  double block_s = 30.0;          ///< block length; whole epochs, round(block_s / epoch_s)
  int resamples = 1000;           ///< resamples of the blocks, with replacement
  std::uint64_t seed = 20261204;  ///< fixed, so the same input gives the same intervals
  double level = 0.95;            ///< central percentile interval
  int min_blocks = 5;             ///< fewer blocks holding clean epochs: no interval
};

/// Every parameter of one background analysis (`eegtrack analyze`); all of them are written
/// into both outputs. Defaults and their sources: docs/qeeg-features.md,
/// docs/artifacts-and-continuity.md.
struct AnalyzeParams {
  /// Threads one analysis may use (0: one per hardware thread). Changes the speed only: the
  /// outputs are identical for every value, so it is not among the reported parameters.
  std::size_t threads = 0;
  /// Montage of the spectral features (common average by default, docs/clinical-background.md
  /// §4.1).
  io::MontageKind montage = io::MontageKind::Average;
  double epoch_s = 4.0;  ///< fixed epoch length, epochs never cross an EDF+D gap
  /// Bands of the band powers. Must include "delta", "theta", "alpha" and "beta" (the slowing
  /// grade and the ratios look them up by name).
  std::vector<features::Band> bands = features::default_bands();
  PsdMethod method = PsdMethod::Welch;
  double segment_s = 2.0;  ///< Welch segment inside each epoch (Hann, `overlap`)
  double overlap = 0.5;
  double nw = 4.0;            ///< multitaper time-half-bandwidth over the whole epoch
  double total_low_hz = 1.0;  ///< denominator of relative power, range of SEF/entropy/peak
  double total_high_hz = 30.0;
  double aperiodic_low_hz = 2.0;  ///< aperiodic (1/f) fit range, clipped to the PSD grid
  double aperiodic_high_hz = 40.0;
  /// Artifact screening on the recorded (referential) channels; clipping uses the physical
  /// limits of each channel from the header.
  features::ArtifactParams artifacts{};
  double bad_channel_fraction = 0.5;  ///< channel is bad when more epochs than this are rejected
  /// An epoch counts as clean when at least this fraction of the good channels are clean.
  double min_clean_channel_fraction = 0.5;
  features::ContinuityParams continuity = features::acns_continuity_params();
  features::PdrParams pdr{};
  features::SlowingParams slowing{};
  double spectrogram_step_s = 30.0;  ///< epochs averaged into one spectrogram column
  double spectrogram_bin_hz = 0.5;   ///< frequency bins averaged to this width ...
  double spectrogram_max_hz = 40.0;  ///< ... up to this frequency (clipped to Nyquist)
  double chunk_s = 60.0;             ///< read granularity; results do not depend on it
  DetectionParams detection{};       ///< epileptiform detectors (docs/epileptiform.md)
  BootstrapParams bootstrap{};       ///< 95 % intervals of the main measures
};

/// Checks every parameter on its own, the detectors' too when detection is enabled, before any
/// recording is read: ranges, the four clinical bands, each band name once.
/// @throws dsp::ParameterError ("AnalyzeParams: epoch_s = 1e+308: must be in (0, 3600] s")
///         naming the first parameter out of range and its value.
void validate(const AnalyzeParams& params);

/// Fills the parameters that follow from others: the borderline PDR band starts no lower than
/// pdr_slow_below_hz. Call after setting parameters, before validate().
void derive(AnalyzeParams& params);

}  // namespace eegtrack::pipeline
