#include "detection_options.hpp"

#include "option_names.hpp"

namespace eegtrack::cli {

void add_detection_options(CLI::App& cmd, pipeline::DetectionParams& p) {
  // A callback rather than a "{false}" default: the help shows a plain flag.
  cmd.add_flag_callback(
      "--no-detect", [&p] { p.enabled = false; }, "Skip epileptiform detection");
  names_parameter(cmd.add_option("--seizure-min-duration-s", p.seizures.min_duration_s,
                                 "Shortest electrographic seizure, s (ACNS: 10 s)")
                      ->capture_default_str(),
                  "SeizureParams", "min_duration_s");
  names_parameter(cmd.add_option("--seizure-min-channels", p.seizures.min_channels,
                                 "Channels that must be ictal-like at once (>= 1)")
                      ->capture_default_str(),
                  "SeizureParams", "min_channels");
  names_parameter(
      cmd.add_option("--seizure-absolute-rms-uv", p.seizures.criteria.absolute_rms_uv,
                     "RMS that makes a rhythmic window ictal-like without a baseline (µV, > 0)")
          ->capture_default_str(),
      "SeizureParams", "criteria.absolute_rms_uv");
  names_parameter(cmd.add_option("--pd-amplitude-ratio", p.patterns.pd_amplitude_ratio,
                                 "Periodic discharge peak over the local background SD (> 0)")
                      ->capture_default_str(),
                  "PatternParams", "pd_amplitude_ratio");
  names_parameter(cmd.add_option("--rda-min-peak-fraction", p.patterns.rda_min_peak_fraction,
                                 "Rhythmic delta: power near the peak over 0.5-25 Hz power, (0, 1]")
                      ->capture_default_str(),
                  "PatternParams", "rda_min_peak_fraction");
  names_parameter(cmd.add_option("--assembly-max-gap-s", p.assembly.max_gap_s,
                                 "Pieces of one ictal rhythm (BIRDs, RDA/PD, seizures) this close "
                                 "form one run, [0, 30] s")
                      ->capture_default_str(),
                  "AssemblyParams", "max_gap_s");
}

}  // namespace eegtrack::cli
