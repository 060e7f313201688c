#include "eegtrack/pipeline/analyze_params.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline {
namespace {

void require(bool ok, const std::string& what, double value) {
  if (!ok)
    throw std::invalid_argument("AnalyzeParams: " + what + " (" + std::to_string(value) + ")");
}

bool has_band(const std::vector<features::Band>& bands, const char* name) {
  for (const auto& b : bands)
    if (b.name == name)
      return true;
  return false;
}

}  // namespace

void validate(const AnalyzeParams& p) {
  require(p.epoch_s > 0.0 && std::isfinite(p.epoch_s), "epoch_s must be > 0", p.epoch_s);
  require(p.segment_s > 0.0 && p.segment_s <= p.epoch_s, "segment_s must be in (0, epoch_s]",
          p.segment_s);
  require(p.overlap >= 0.0 && p.overlap < 1.0, "overlap must be in [0, 1)", p.overlap);
  require(p.nw >= 0.5, "nw must be >= 0.5", p.nw);
  require(p.total_low_hz >= 0.0 && p.total_high_hz > p.total_low_hz,
          "total_high_hz must exceed total_low_hz >= 0", p.total_high_hz);
  require(p.bad_channel_fraction >= 0.0 && p.bad_channel_fraction < 1.0,
          "bad_channel_fraction must be in [0, 1)", p.bad_channel_fraction);
  require(p.min_clean_channel_fraction > 0.0 && p.min_clean_channel_fraction <= 1.0,
          "min_clean_channel_fraction must be in (0, 1]", p.min_clean_channel_fraction);
  require(p.spectrogram_step_s > 0.0, "spectrogram_step_s must be > 0", p.spectrogram_step_s);
  require(p.spectrogram_bin_hz > 0.0, "spectrogram_bin_hz must be > 0", p.spectrogram_bin_hz);
  require(p.spectrogram_max_hz > 0.0, "spectrogram_max_hz must be > 0", p.spectrogram_max_hz);
  require(p.chunk_s > 0.0, "chunk_s must be > 0", p.chunk_s);
  require(p.artifacts.amplitude_limit_uv > 0.0, "amplitude_limit_uv must be > 0",
          p.artifacts.amplitude_limit_uv);
  for (const char* name : {"delta", "theta", "alpha", "beta"}) {
    if (!has_band(p.bands, name))
      throw std::invalid_argument(std::string("AnalyzeParams: the bands must include ") + name);
  }
  for (const auto& b : p.bands)
    require(b.low_hz >= p.total_low_hz && b.high_hz <= p.total_high_hz,
            "band " + b.name + " must lie inside [total_low_hz, total_high_hz]", b.high_hz);
  features::validate_continuity_params(p.continuity);
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
