#include "detection_options.hpp"

namespace eegtrack::cli {

void add_detection_options(CLI::App& cmd, pipeline::DetectionParams& p) {
  cmd.add_flag("--no-detect{false}", p.enabled, "Skip epileptiform detection");
  cmd.add_option("--seizure-min-duration-s", p.seizures.min_duration_s,
                 "Shortest electrographic seizure (ACNS: 10 s)")
      ->capture_default_str();
  cmd.add_option("--seizure-min-channels", p.seizures.min_channels,
                 "Channels that must be ictal-like at once")
      ->capture_default_str();
  cmd.add_option("--seizure-absolute-rms-uv", p.seizures.absolute_rms_uv,
                 "RMS that makes a rhythmic window ictal-like without a baseline (µV)")
      ->capture_default_str();
  cmd.add_option("--pd-amplitude-ratio", p.patterns.pd_amplitude_ratio,
                 "Periodic discharge peak over the local background SD")
      ->capture_default_str();
  cmd.add_option("--rda-min-peak-fraction", p.patterns.rda_min_peak_fraction,
                 "Rhythmic delta: power near the peak over 0.5-25 Hz power")
      ->capture_default_str();
}

}  // namespace eegtrack::cli
