#include "eegtrack/pipeline/summary_json.hpp"

#include <cmath>

#include "detection_json.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/pipeline/events_output.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {
namespace {

using nlohmann::json;

json number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json quantiles_json(const Quantiles& q) {
  return {{"median", number(q.median)}, {"q25", number(q.q25)}, {"q75", number(q.q75)}};
}

json artifact_json(const features::ArtifactParams& a) {
  return {{"flat_std_uv", a.flat_std_uv},
          {"flat_run_s", a.flat_run_s},
          {"clip_tolerance", a.clip_tolerance},
          {"clip_fraction", a.clip_fraction},
          {"clip_run_s", a.clip_run_s},
          {"amplitude_limit_uv", a.amplitude_limit_uv},
          {"muscle_low_hz", a.muscle_low_hz},
          {"muscle_high_hz", a.muscle_high_hz},
          {"muscle_ratio", a.muscle_ratio},
          {"line_exclusion_hz", a.line_exclusion_hz},
          {"pop_step_z", a.pop_step_z},
          {"pop_min_step_uv", a.pop_min_step_uv},
          {"pop_window_s", a.pop_window_s},
          {"pop_persistence", a.pop_persistence},
          {"line_prominence_db", a.line_prominence_db},
          {"psd_segment_s", a.psd_segment_s},
          {"reject_reasons", features::to_string(a.reject_reasons)}};
}

json slowing_params_json(const features::SlowingParams& s) {
  return {{"pdr_slow_below_hz", s.pdr_slow_below_hz},
          {"pdr_borderline_below_hz", s.pdr_borderline_below_hz},
          {"excess_relative_theta", s.excess_relative_theta},
          {"excess_relative_delta", s.excess_relative_delta},
          {"severe_relative_delta", s.severe_relative_delta},
          {"moderate_suppression_fraction", s.moderate_suppression_fraction},
          {"severe_suppression_fraction", s.severe_suppression_fraction},
          {"focal_slow_index", s.focal_slow_index},
          {"focal_min_pairs", s.focal_min_pairs},
          {"focal_ignores_frontopolar", s.focal_ignores_frontopolar},
          {"pdr_reference_hz", s.pdr_reference_hz},
          {"pdr_floor_hz", s.pdr_floor_hz},
          {"reference_relative_slow", s.reference_relative_slow},
          {"weight_pdr", s.weight_pdr},
          {"weight_slow", s.weight_slow},
          {"weight_suppression", s.weight_suppression}};
}

json band_values(const RecordingAnalysis& a, const AnalyzeParams& p,
                 const std::vector<Quantiles>& per_band) {
  json out = json::object();
  for (std::size_t b = 0; b < p.bands.size() && b < per_band.size(); ++b)
    out[p.bands[b].name] = number(per_band[b].median);
  (void)a;
  return out;
}

json background_json(const RecordingAnalysis& a, const AnalyzeParams& p) {
  std::vector<Quantiles> rel;
  std::vector<Quantiles> abs;
  for (std::size_t b = 0; b < p.bands.size(); ++b) {
    abs.push_back(a.global[2 * b]);
    rel.push_back(a.global[2 * b + 1]);
  }
  const auto g = [&](const char* name) { return a.global[feature_index(a, name)]; };
  const bool pdr = a.pdr_computed && a.pdr.present;
  json medians = json::object();
  for (std::size_t f = 0; f < a.features.size(); ++f)
    medians[a.features[f].name] = quantiles_json(a.global[f]);
  return {
      {"pdr_hz", pdr ? number(a.pdr.frequency_hz) : json(nullptr)},
      {"pdr_confidence", a.pdr_computed ? number(a.pdr.confidence) : json(nullptr)},
      {"pdr_power_uv2", pdr ? number(a.pdr.power_uv2) : json(nullptr)},
      {"pdr_left_hz", pdr ? number(a.pdr.left_frequency_hz) : json(nullptr)},
      {"pdr_right_hz", pdr ? number(a.pdr.right_frequency_hz) : json(nullptr)},
      {"slower_rhythm_dominates", a.pdr_computed && a.pdr.slower_rhythm_dominates},
      {"rel_power", band_values(a, p, rel)},
      {"abs_power_uv2", band_values(a, p, abs)},
      {"dar", number(g("delta_alpha_ratio").median)},
      {"tar", number(g("theta_alpha_ratio").median)},
      {"dtabr", number(g("dtabr").median)},
      {"sef95_hz", number(g("sef95_hz").median)},
      {"sef90_hz", number(g("sef90_hz").median)},
      {"median_frequency_hz", number(g("sef50_hz").median)},
      {"aperiodic_exponent", number(g("aperiodic_exponent").median)},
      {"bsi", number(a.bsi)},
      {"pdbsi", number(a.pdbsi)},
      {"suppression_fraction", number(a.continuity.suppressed_fraction)},
      {"encephalopathy_index", a.graded ? number(a.slowing.encephalopathy_index) : json(nullptr)},
      {"medians", medians}};
}

json regions_json(const RecordingAnalysis& a, const AnalyzeParams& p) {
  json out = json::object();
  for (const auto& r : a.regions) {
    json region = {{"n_channels", r.n_channels},
                   {"rel_power", band_values(a, p, r.rel_power)},
                   {"abs_power_uv2", band_values(a, p, r.abs_power)}};
    if (r.has_asymmetry) {
      json idx = json::object();
      for (std::size_t b = 0; b < p.bands.size() && b < r.signed_index.size(); ++b)
        idx[p.bands[b].name] = number(r.signed_index[b]);
      region["asymmetry_right_minus_left"] = idx;
      region["slow_asymmetry"] = number(r.slow_signed_index);
    }
    out[sites::to_string(r.region)] = region;
  }
  return out;
}

// Signed delta + theta asymmetry per homologous pair, for review of the focal rule.
json pairs_json(const std::vector<features::PairAsymmetry>& pairs) {
  json out = json::object();
  for (const auto& pair : pairs)
    out[pair.right + "/" + pair.left] = number(pair.slow_signed_index);
  return out;
}

json slowing_json(const RecordingAnalysis& a) {
  if (!a.graded)
    return {{"grade", nullptr}, {"distribution", nullptr}, {"side", nullptr}, {"region", nullptr}};
  const auto& s = a.slowing;
  const bool focal = s.distribution == features::SlowingDistribution::Focal;
  return {{"grade", features::to_string(s.grade)},
          {"distribution", features::to_string(s.distribution)},
          {"side", focal ? json(sites::to_string(s.focal_side)) : json(nullptr)},
          {"region", focal ? json(sites::to_string(s.focal_region)) : json(nullptr)},
          {"focal_slow_index", number(s.focal_slow_index)},
          {"focal_pairs", s.focal_pairs},
          {"slow_asymmetry_pairs", pairs_json(a.slow_pairs)},
          {"criteria", s.criteria},
          {"pdr_component", s.pdr_component},
          {"slow_component", s.slow_component},
          {"suppression_component", s.suppression_component}};
}

}  // namespace

RecordingProvenance recording_provenance(const io::EdfReader& reader) {
  const auto& h = reader.header();
  RecordingProvenance p;
  p.file_name = h.path.filename().string();
  p.size_bytes = static_cast<std::uint64_t>(std::filesystem::file_size(h.path));
  p.sha256 = io::sha256_file(h.path);
  p.start = io::to_iso8601(h.start);
  p.file_type = io::to_string(h.file_type);
  p.duration_s = reader.duration_s();
  return p;
}

json parameters_json(const AnalyzeParams& p) {
  json bands = json::array();
  for (const auto& b : p.bands)
    bands.push_back({{"name", b.name}, {"low_hz", b.low_hz}, {"high_hz", b.high_hz}});
  const auto& c = p.continuity;
  return {{"montage", io::to_string(p.montage)},
          {"epoch_s", p.epoch_s},
          {"bands", bands},
          {"method", to_string(p.method)},
          {"segment_s", p.segment_s},
          {"overlap", p.overlap},
          {"window", "hann"},
          {"nw", p.nw},
          {"total_low_hz", p.total_low_hz},
          {"total_high_hz", p.total_high_hz},
          {"aperiodic_low_hz", p.aperiodic_low_hz},
          {"aperiodic_high_hz", p.aperiodic_high_hz},
          {"artifacts", artifact_json(p.artifacts)},
          {"artifact_screening_on", "recorded (referential) channels, physical limits from header"},
          {"bad_channel_fraction", p.bad_channel_fraction},
          {"min_clean_channel_fraction", p.min_clean_channel_fraction},
          {"continuity",
           {{"threshold_ptp_uv", c.threshold_ptp_uv},
            {"min_suppression_s", c.min_suppression_s},
            {"window_s", c.window_s},
            {"min_burst_s", c.min_burst_s},
            {"max_burst_s", c.max_burst_s},
            {"bsr_window_s", c.bsr_window_s}}},
          {"pdr",
           {{"search_low_hz", p.pdr.search_low_hz},
            {"search_high_hz", p.pdr.search_high_hz},
            {"dominance_low_hz", p.pdr.dominance_low_hz},
            {"min_peak_height_log10", p.pdr.min_peak_height_log10},
            {"channels", "parietal and occipital channels of the analysis montage"}}},
          {"slowing", slowing_params_json(p.slowing)},
          {"spectrogram_step_s", p.spectrogram_step_s},
          {"spectrogram_bin_hz", p.spectrogram_bin_hz},
          {"spectrogram_max_hz", p.spectrogram_max_hz},
          {"detection", detail::detection_parameters_json(p.detection)}};
}

json summary_json(const RecordingAnalysis& a, const AnalyzeParams& p,
                  const RecordingProvenance& prov) {
  json channels = json::array();
  for (std::size_t c = 0; c < a.channels.size(); ++c) {
    channels.push_back(
        {{"label", a.channels[c].normalized_label},
         {"region", a.channels[c].has_site ? sites::to_string(a.channels[c].site.region) : ""},
         {"side", a.channels[c].has_site ? sites::to_string(a.channels[c].site.side) : ""},
         {"rejected_fraction", a.channel_artifacts[c].rejected_fraction}});
  }
  return {{"recording",
           {{"file", prov.file_name},
            {"duration_s", prov.duration_s},
            {"sha256", prov.sha256},
            {"start", prov.start},
            {"size_bytes", prov.size_bytes},
            {"file_type", prov.file_type},
            {"sample_rate_hz", a.sample_rate_hz},
            {"montage_used", io::to_string(a.montage)}}},
          {"eegtrack_version", kVersion},
          {"parameters", parameters_json(p)},
          {"quality",
           {{"clean_fraction", a.clean_fraction},
            {"n_epochs", a.epoch_onset_s.size()},
            {"n_clean_epochs", a.n_clean_epochs},
            {"bad_channels", a.bad_channels},
            {"channels", channels}}},
          {"background", background_json(a, p)},
          {"regions", regions_json(a, p)},
          {"slowing", slowing_json(a)},
          {"continuity",
           {{"suppressed_fraction", number(a.continuity.suppressed_fraction)},
            {"n_bursts", a.continuity.n_bursts},
            {"classification", features::to_string(a.continuity.classification)}}},
          {"epileptiform", detail::epileptiform_json(a.epileptiform, a.detection)},
          {"events", events_json(a.detection.events)},
          {"warnings", a.warnings}};
}

}  // namespace eegtrack::pipeline
