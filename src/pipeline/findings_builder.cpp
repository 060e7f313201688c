#include "eegtrack/pipeline/findings_builder.hpp"

#include <cmath>
#include <map>

#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {
namespace {

// NaN means "not computed" in the analysis; the findings say so with an absent value.
std::optional<double> value(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

findings::Quantiles quantiles_of(const Quantiles& q) {
  return {value(q.median), value(q.q25), value(q.q75)};
}

std::vector<findings::BandPower> band_powers(const AnalyzeParams& p,
                                             const std::vector<Quantiles>& rel,
                                             const std::vector<Quantiles>& abs) {
  std::vector<findings::BandPower> out;
  for (std::size_t b = 0; b < p.bands.size() && b < rel.size() && b < abs.size(); ++b)
    out.push_back({p.bands[b].name, value(rel[b].median), value(abs[b].median)});
  return out;
}

findings::Quality quality_of(const RecordingAnalysis& a) {
  findings::Quality q;
  q.clean_fraction = a.clean_fraction;
  q.n_epochs = a.epochs.size();
  q.n_clean_epochs = a.n_clean_epochs;
  q.bad_channels = a.bad_channels;
  for (std::size_t c = 0; c < a.channels.size(); ++c) {
    findings::ChannelQuality ch;
    ch.label = a.channels[c].normalized_label;
    if (a.channels[c].has_site) {
      ch.region = a.channels[c].site.region;
      ch.side = a.channels[c].site.side;
    }
    ch.rejected_fraction = a.channel_artifacts[c].rejected_fraction;
    q.channels.push_back(std::move(ch));
  }
  return q;
}

findings::Background background_of(const RecordingAnalysis& a, const AnalyzeParams& p) {
  findings::Background b;
  // A PDR without a finite frequency cannot be stated: it counts as absent.
  if (a.pdr_computed && a.pdr.present && std::isfinite(a.pdr.frequency_hz))
    b.pdr =
        findings::PosteriorRhythm{a.pdr.frequency_hz, value(a.pdr.power_uv2),
                                  value(a.pdr.left_frequency_hz), value(a.pdr.right_frequency_hz)};
  if (a.pdr_computed)
    b.pdr_confidence = value(a.pdr.confidence);
  b.slower_rhythm_dominates = a.pdr_computed && a.pdr.slower_rhythm_dominates;
  if (!b.pdr)
    b.pdr_absent_reason = !a.pdr_computed ? "not estimated: no clean posterior channel"
                          : a.pdr.present ? "no finite frequency"
                                          : a.pdr.absent_reason;
  std::vector<Quantiles> rel, abs;
  for (std::size_t k = 0; k < p.bands.size(); ++k) {
    abs.push_back(a.global[2 * k]);
    rel.push_back(a.global[2 * k + 1]);
  }
  b.band_powers = band_powers(p, rel, abs);
  const auto median = [&](const char* name) {
    return value(a.global[feature_index(a, name)].median);
  };
  b.delta_alpha_ratio = median("delta_alpha_ratio");
  b.theta_alpha_ratio = median("theta_alpha_ratio");
  b.dtabr = median("dtabr");
  b.sef95_hz = median("sef95_hz");
  b.sef90_hz = median("sef90_hz");
  b.median_frequency_hz = median("sef50_hz");
  b.aperiodic_exponent = median("aperiodic_exponent");
  b.bsi = value(a.bsi);
  b.intervals = a.intervals;
  b.pdbsi = value(a.pdbsi);
  b.suppression_fraction = value(a.continuity.suppressed_fraction);
  if (a.graded)
    b.encephalopathy_index = value(a.slowing.encephalopathy_index);
  for (std::size_t f = 0; f < a.features.size(); ++f)
    b.feature_quantiles[a.features[f].name] = quantiles_of(a.global[f]);
  return b;
}

std::vector<findings::RegionFindings> regions_of(const RecordingAnalysis& a,
                                                 const AnalyzeParams& p) {
  std::vector<findings::RegionFindings> out;
  for (const auto& r : a.regions) {
    findings::RegionFindings f;
    f.region = r.region;
    f.n_channels = r.n_channels;
    f.band_powers = band_powers(p, r.rel_power, r.abs_power);
    if (r.has_asymmetry) {
      findings::RegionAsymmetry asym;
      for (std::size_t b = 0; b < p.bands.size() && b < r.signed_index.size(); ++b)
        asym.right_minus_left.push_back({p.bands[b].name, value(r.signed_index[b])});
      asym.slow = value(r.slow_signed_index);
      f.asymmetry = std::move(asym);
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<findings::Slowing> slowing_of(const RecordingAnalysis& a) {
  if (!a.graded)
    return std::nullopt;
  const auto& s = a.slowing;
  findings::Slowing out;
  out.grade = s.grade;
  out.distribution = s.distribution;
  if (s.distribution == features::SlowingDistribution::Focal)
    out.focus = findings::SlowingFocus{s.focal_side, s.focal_region};
  out.focal_slow_index = value(s.focal_slow_index);
  out.focal_pairs = s.focal_pairs;
  // Keyed by "right/left" as in summary.json, so a pair named twice keeps its last value.
  std::map<std::string, findings::SlowAsymmetryPair> pairs;
  for (const auto& pair : a.slow_pairs)
    pairs[pair.right + "/" + pair.left] = {pair.right, pair.left, value(pair.slow_signed_index)};
  for (auto& [key, pair] : pairs)
    out.slow_asymmetry_pairs.push_back(std::move(pair));
  out.criteria = s.criteria;
  out.pdr_component = s.pdr_component;
  out.slow_component = s.slow_component;
  out.suppression_component = s.suppression_component;
  out.frequency_component = s.frequency_component;
  return out;
}

}  // namespace

findings::RecordingFindings make_findings(const RecordingAnalysis& a, const AnalyzeParams& p,
                                          const RecordingProvenance& prov) {
  findings::RecordingFindings f;
  f.recording = {prov.size_bytes, prov.sha256, prov.file_type, prov.duration_s, kVersion};
  f.time = {prov.start, prov.segments};
  f.sample_rate_hz = a.sample_rate_hz;
  f.montage_used = a.montage;
  f.parameters = parameters_json(p);
  f.quality = quality_of(a);
  f.background = background_of(a, p);
  f.regions = regions_of(a, p);
  f.slowing = slowing_of(a);
  f.continuity = {value(a.continuity.suppressed_fraction), a.continuity.n_bursts,
                  a.continuity.classification};
  f.epileptiform = a.epileptiform;
  f.events = a.detection.events;
  f.warnings = a.warnings;
  return f;
}

}  // namespace eegtrack::pipeline
