#include "analysis_options.hpp"

#include "detection_options.hpp"
#include "eegtrack/features/bands.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/pipeline/average_psd.hpp"
#include "option_names.hpp"

namespace eegtrack::cli {

void add_analysis_options(CLI::App& cmd, AnalysisOptions& o) {
  auto& p = o.params;
  cmd.add_option("--montage", o.montage,
                 "average | bipolar | transverse | referential (spectral features)")
      ->capture_default_str();
  names_parameter(cmd.add_option("--epoch-s", p.epoch_s, "Epoch length in seconds, (0, 3600]")
                      ->capture_default_str(),
                  "AnalyzeParams", "epoch_s");
  names_parameter(cmd.add_option("--bands", o.bands,
                                 "name:low-high,... each name once, within 1-30 Hz (must include "
                                 "delta, theta, alpha, beta)")
                      ->capture_default_str(),
                  "AnalyzeParams", "bands");
  cmd.add_option("--method", o.method, "welch | multitaper")->capture_default_str();
  names_parameter(
      cmd.add_option("--segment-s", p.segment_s, "Welch segment in seconds, [0.1, --epoch-s]")
          ->capture_default_str(),
      "AnalyzeParams", "segment_s");
  names_parameter(
      cmd.add_option("--overlap", p.overlap, "Welch overlap, [0, 1)")->capture_default_str(),
      "AnalyzeParams", "overlap");
  names_parameter(
      cmd.add_option("--nw", p.nw, "Multitaper time-half-bandwidth, >= 0.5")->capture_default_str(),
      "AnalyzeParams", "nw");
  names_parameter(cmd.add_option("--amplitude-limit-uv", p.artifacts.amplitude_limit_uv,
                                 "Reject when |x - median| exceeds this (µV, > 0)")
                      ->capture_default_str(),
                  "ArtifactParams", "amplitude_limit_uv");
  names_parameter(
      cmd.add_option("--field-min-neighbours", p.artifacts.field_min_neighbours,
                     "Keep high amplitude when at least this many neighbouring channels "
                     "(within --field-neighbour-deg) exceed the limit too (>= 1)")
          ->capture_default_str(),
      "ArtifactParams", "field_min_neighbours");
  names_parameter(cmd.add_option("--field-neighbour-deg", p.artifacts.field_neighbour_deg,
                                 "Channels whose centres are this close are neighbours "
                                 "(degrees, (0, 180])")
                      ->capture_default_str(),
                  "ArtifactParams", "field_neighbour_deg");
  cmd.add_flag_callback(
      "--no-field-sparing", [&p] { p.artifacts.spare_high_amplitude_fields = false; },
      "Reject every epoch above --amplitude-limit-uv, even inside a field of neighbouring "
      "channels");
  names_parameter(cmd.add_option("--ocular-ratio", p.artifacts.ocular_ratio,
                                 "Eye movement when periocular slow amplitude on both sides is "
                                 "this many times the posterior channels' median (>= 1)")
                      ->capture_default_str(),
                  "ArtifactParams", "ocular_ratio");
  names_parameter(cmd.add_option("--ocular-min-uv", p.artifacts.ocular_min_uv,
                                 "... and at least this slow amplitude (µV, > 0)")
                      ->capture_default_str(),
                  "ArtifactParams", "ocular_min_uv");
  cmd.add_flag_callback(
      "--no-ocular-screen", [&p] { p.artifacts.screen_ocular = false; },
      "Keep blinks and eye movements on the periocular channels in the background measures");
  names_parameter(
      cmd.add_option("--flat-std-uv", p.artifacts.flat_std_uv, "Flat below this SD (µV, > 0)")
          ->capture_default_str(),
      "ArtifactParams", "flat_std_uv");
  names_parameter(cmd.add_option("--muscle-ratio", p.artifacts.muscle_ratio,
                                 "Muscle when P(30-70 Hz) / P(1-30 Hz) exceeds this (> 0)")
                      ->capture_default_str(),
                  "ArtifactParams", "muscle_ratio");
  names_parameter(cmd.add_option("--bad-channel-fraction", p.bad_channel_fraction,
                                 "Channel is bad when more epochs than this are rejected, [0, 1)")
                      ->capture_default_str(),
                  "AnalyzeParams", "bad_channel_fraction");
  names_parameter(
      cmd.add_option("--spectrogram-step-s", p.spectrogram_step_s,
                     "Spectrogram column width (s, >= --epoch-s); columns hold whole epochs, "
                     "round(step / epoch), so the default 30 s gives 8 epochs of 4 s = 32 s")
          ->capture_default_str(),
      "AnalyzeParams", "spectrogram_step_s");
  names_parameter(
      cmd.add_option("--pdr-slow-below", p.slowing.pdr_slow_below_hz,
                     "PDR below this (Hz) grades mild on its own; 8.5 = the published rule")
          ->capture_default_str(),
      "SlowingParams", "pdr_slow_below_hz");
  names_parameter(cmd.add_option("--bootstrap-block-s", p.bootstrap.block_s,
                                 "Block of the bootstrap intervals (s, whole epochs), (0, 3600]")
                      ->capture_default_str(),
                  "BootstrapParams", "block_s");
  names_parameter(cmd.add_option("--bootstrap-resamples", p.bootstrap.resamples,
                                 "Resamples of the bootstrap intervals, [100, 100000]")
                      ->capture_default_str(),
                  "BootstrapParams", "resamples");
  // The detectors always analyse the main view (common average, or the channels as recorded
  // when no average is possible); this option only chooses the bipolar chain whose labels are
  // written beside each event.
  names_parameter(cmd.add_option("--detection-montage", o.detection_montage,
                                 "bipolar | transverse: bipolar chain whose channel labels are "
                                 "written with each event (bipolar_channels); the detectors "
                                 "themselves analyse the common-average view")
                      ->capture_default_str(),
                  "DetectionParams", "bipolar_montage");
  add_detection_options(cmd, p.detection);
}

pipeline::AnalyzeParams resolve_analysis(const AnalysisOptions& o) {
  auto p = o.params;
  p.montage = io::parse_montage(o.montage);
  p.detection.bipolar_montage = io::parse_montage(o.detection_montage);
  p.method = pipeline::parse_psd_method(o.method);
  p.bands = features::parse_bands(o.bands);
  pipeline::derive(p);
  pipeline::validate(p);
  return p;
}

}  // namespace eegtrack::cli
