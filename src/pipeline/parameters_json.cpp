// summary.json "parameters" (also /parameters in the HDF5 store): every analysis parameter by
// name, with units in the names.
#include "detection_json.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/pipeline/summary_json.hpp"

namespace eegtrack::pipeline {
namespace {

using nlohmann::json;

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
          {"reject_reasons", features::to_string(a.reject_reasons)},
          {"spare_high_amplitude_fields", a.spare_high_amplitude_fields},
          {"field_neighbour_deg", a.field_neighbour_deg},
          {"field_min_neighbours", a.field_min_neighbours},
          {"field_max_clip_run_s", a.field_max_clip_run_s},
          {"screen_ocular", a.screen_ocular},
          {"ocular_ratio", a.ocular_ratio},
          {"ocular_min_uv", a.ocular_min_uv},
          {"ocular_smooth_s", a.ocular_smooth_s}};
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

}  // namespace

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
          {"detection", detail::detection_parameters_json(p.detection)},
          {"bootstrap",
           {{"block_s", p.bootstrap.block_s},
            {"resamples", p.bootstrap.resamples},
            {"seed", p.bootstrap.seed},
            {"level", p.bootstrap.level},
            {"min_blocks", p.bootstrap.min_blocks},
            {"method", "block bootstrap over clean epochs, percentile interval"}}}};
}

}  // namespace eegtrack::pipeline
