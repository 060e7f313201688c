#include "eegtrack/pipeline/analyze_params.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/require.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline {
namespace {

constexpr const char* kWhere = "AnalyzeParams";

// Longest epoch accepted: an hour is far beyond any clinical epoch and keeps sample counts
// and the epoch buffer bounded before any recording is opened.
constexpr double kMaxEpochS = 3600.0;
// Shortest Welch segment: 0.1 s is 10 Hz resolution, already useless for the delta band, and
// holds at least one sample at any sample rate an EEG is stored with.
constexpr double kMinSegmentS = 0.1;

void require_finite_positive(const char* field, double v) {
  dsp::require(v > 0.0 && std::isfinite(v), kWhere, field, v, "must be finite and > 0");
}

void validate_bands(const AnalyzeParams& p) {
  for (std::size_t i = 0; i < p.bands.size(); ++i) {
    const auto& b = p.bands[i];
    dsp::require(!b.name.empty(), kWhere, "bands", b.name, "a band needs a name");
    for (std::size_t j = 0; j < i; ++j)
      dsp::require(p.bands[j].name != b.name, kWhere, "bands", b.name,
                   "names a band twice (each band name once)");
    dsp::require(b.low_hz >= p.total_low_hz && b.low_hz < b.high_hz, kWhere, "bands",
                 b.name + ":" + dsp::format_value(b.low_hz) + "-" + dsp::format_value(b.high_hz),
                 "must satisfy total_low_hz <= low < high");
    dsp::require(
        b.high_hz <= p.total_high_hz, kWhere, "bands",
        b.name + ":" + dsp::format_value(b.low_hz) + "-" + dsp::format_value(b.high_hz),
        "must end at or below total_high_hz " + dsp::format_value(p.total_high_hz) + " Hz");
  }
  for (const char* name : {"delta", "theta", "alpha", "beta"}) {
    const bool present = std::any_of(p.bands.begin(), p.bands.end(),
                                     [&](const features::Band& b) { return b.name == name; });
    dsp::require(present, kWhere, "bands", std::string_view(name),
                 "is missing (the slowing grade needs delta, theta, alpha and beta)");
  }
}

void validate_detection(const DetectionParams& p) {
  dsp::require(p.bipolar_montage == io::MontageKind::LongitudinalBipolar ||
                   p.bipolar_montage == io::MontageKind::TransverseBipolar,
               "DetectionParams", "bipolar_montage",
               std::string_view(io::to_string(p.bipolar_montage)), "must be bipolar or transverse");
  dsp::require(p.min_analysed_for_rates_s > 0.0 && std::isfinite(p.min_analysed_for_rates_s),
               "DetectionParams", "min_analysed_for_rates_s", p.min_analysed_for_rates_s,
               "must be finite and > 0");
  dsp::require(p.max_masked_channel_fraction >= 0.0 && p.max_masked_channel_fraction <= 1.0,
               "DetectionParams", "max_masked_channel_fraction", p.max_masked_channel_fraction,
               "must be in [0, 1]");
  if (!p.enabled)
    return;  // thresholds of detectors that do not run cannot mislead
  detect::validate(p.ied);
  detect::validate(p.patterns);
  detect::validate(p.seizures);
  detect::validate(p.birds);
  detect::validate(p.assembly);
}

}  // namespace

void validate(const AnalyzeParams& p) {
  dsp::require(p.epoch_s > 0.0 && p.epoch_s <= kMaxEpochS, kWhere, "epoch_s", p.epoch_s,
               "must be in (0, 3600] s");
  dsp::require(p.segment_s >= kMinSegmentS && p.segment_s <= p.epoch_s, kWhere, "segment_s",
               p.segment_s, "must be in [0.1 s, epoch_s " + dsp::format_value(p.epoch_s) + " s]");
  dsp::require(p.overlap >= 0.0 && p.overlap < 1.0, kWhere, "overlap", p.overlap,
               "must be in [0, 1)");
  dsp::require(p.nw >= 0.5 && std::isfinite(p.nw), kWhere, "nw", p.nw, "must be finite and >= 0.5");
  dsp::require(p.total_low_hz >= 0.0 && std::isfinite(p.total_low_hz), kWhere, "total_low_hz",
               p.total_low_hz, "must be finite and >= 0");
  dsp::require(p.total_high_hz > p.total_low_hz && std::isfinite(p.total_high_hz), kWhere,
               "total_high_hz", p.total_high_hz, "must be finite and > total_low_hz");
  dsp::require(p.bad_channel_fraction >= 0.0 && p.bad_channel_fraction < 1.0, kWhere,
               "bad_channel_fraction", p.bad_channel_fraction, "must be in [0, 1)");
  dsp::require(p.min_clean_channel_fraction > 0.0 && p.min_clean_channel_fraction <= 1.0, kWhere,
               "min_clean_channel_fraction", p.min_clean_channel_fraction, "must be in (0, 1]");
  // A column holds round(step / epoch) whole epochs: below half an epoch that would be none,
  // silently raised to one.
  dsp::require(p.spectrogram_step_s >= 0.5 * p.epoch_s && std::isfinite(p.spectrogram_step_s),
               kWhere, "spectrogram_step_s", p.spectrogram_step_s,
               "must be finite and >= half of epoch_s " + dsp::format_value(p.epoch_s) + " s");
  require_finite_positive("spectrogram_bin_hz", p.spectrogram_bin_hz);
  require_finite_positive("spectrogram_max_hz", p.spectrogram_max_hz);
  require_finite_positive("chunk_s", p.chunk_s);
  features::validate(p.artifacts);
  validate_bands(p);
  features::validate_continuity_params(p.continuity);
  dsp::require(
      p.slowing.pdr_slow_below_hz > 0.0 && p.slowing.pdr_slow_below_hz < p.slowing.pdr_reference_hz,
      "SlowingParams", "pdr_slow_below_hz", p.slowing.pdr_slow_below_hz,
      "must be in (0, pdr_reference_hz " + dsp::format_value(p.slowing.pdr_reference_hz) + " Hz)");
  validate_detection(p.detection);
  const auto& b = p.bootstrap;
  dsp::require(b.block_s > 0.0 && b.block_s <= 3600.0, "BootstrapParams", "block_s", b.block_s,
               "must be in (0, 3600] s");
  dsp::require(b.resamples >= 100 && b.resamples <= 100000, "BootstrapParams", "resamples",
               static_cast<double>(b.resamples), "must be in [100, 100000]");
  dsp::require(b.level > 0.5 && b.level < 1.0, "BootstrapParams", "level", b.level,
               "must be in (0.5, 1)");
  dsp::require(b.min_blocks >= 2, "BootstrapParams", "min_blocks",
               static_cast<double>(b.min_blocks), "must be >= 2");
}

void derive(AnalyzeParams& p) {
  // The borderline band starts where the grade stops: --pdr-slow-below 8.5 has none.
  p.slowing.pdr_borderline_below_hz =
      std::max(p.slowing.pdr_borderline_below_hz, p.slowing.pdr_slow_below_hz);
}

std::vector<FeatureSpec> epoch_feature_specs(const AnalyzeParams& p) {
  const std::string method = p.method == PsdMethod::Welch ? "Welch" : "multitaper";
  const std::string total = std::to_string(p.total_low_hz).substr(0, 4) + "-" +
                            std::to_string(p.total_high_hz).substr(0, 4) + " Hz";
  std::vector<FeatureSpec> out;
  for (const auto& b : p.bands) {
    out.push_back({b.name + "_power", "uV^2",
                   "absolute " + b.name + " band power (trapezoid integral of the " + method +
                       " PSD of the epoch)",
                   b.low_hz, b.high_hz});
    out.push_back({b.name + "_relative", "1",
                   b.name + " band power divided by the power over " + total, b.low_hz, b.high_hz});
  }
  const auto add = [&](std::string name, std::string units, std::string text) {
    out.push_back({std::move(name), std::move(units), std::move(text)});
  };
  add("total_power", "uV^2", "power over " + total);
  add("rms_uv", "uV", "square root of total_power");
  add("delta_alpha_ratio", "1", "delta power / alpha power (DAR)");
  add("theta_alpha_ratio", "1", "theta power / alpha power (TAR)");
  add("dtabr", "1", "(delta + theta) / (alpha + beta) power (DTABR)");
  add("sef50_hz", "Hz", "median frequency: 50 % spectral edge over " + total);
  add("sef90_hz", "Hz", "90 % spectral edge frequency over " + total);
  add("sef95_hz", "Hz", "95 % spectral edge frequency over " + total);
  add("peak_frequency_hz", "Hz", "frequency of the largest PSD bin over " + total);
  add("spectral_entropy", "1", "normalised Shannon entropy of the PSD over " + total);
  add("aperiodic_exponent", "1",
      "1/f exponent of a FOOOF 'fixed' robust fit (NaN when the fit quality is too low)");
  add("aperiodic_offset", "log10(uV^2/Hz)", "offset at 1 Hz of the same aperiodic fit");
  return out;
}

}  // namespace eegtrack::pipeline
