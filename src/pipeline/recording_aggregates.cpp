// Recording-level aggregates of analyze_recording: bad channels, clean epochs, medians over
// clean epochs (global, per region, per channel), PDR, symmetry and the slowing grade.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis_state.hpp"
#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::pipeline::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void mark_bad_and_clean(const AnalysisState& st, const AnalyzeParams& p, RecordingAnalysis& out,
                        std::vector<bool>& good) {
  const std::size_t ne = out.epochs.size();
  const std::size_t nc = st.n_channels;
  features::ArtifactSummaryParams sp;
  sp.reject_reasons = p.artifacts.reject_reasons;
  sp.bad_channel_fraction = p.bad_channel_fraction;
  good.assign(nc, true);
  std::vector<features::ArtifactReason> masks(ne);
  for (std::size_t c = 0; c < nc; ++c) {
    for (std::size_t e = 0; e < ne; ++e)
      masks[e] = static_cast<features::ArtifactReason>(out.epochs.artifact_mask[e * nc + c]);
    out.channel_artifacts.push_back(features::summarize_channel(masks, sp));
    if (out.channel_artifacts.back().bad) {
      good[c] = false;
      out.bad_channels.push_back(out.channels[c].normalized_label);
    }
  }
  const auto n_good = static_cast<double>(std::count(good.begin(), good.end(), true));
  out.epochs.clean.assign(ne, 0);
  const std::vector<float> first = st.cells->column(0);  // NaN where the cell was rejected
  for (std::size_t e = 0; e < ne; ++e) {
    double clean = 0.0;
    for (std::size_t c = 0; c < nc; ++c)
      clean += good[c] && std::isfinite(first[e * nc + c]) ? 1.0 : 0.0;
    if (n_good > 0.0 && clean >= p.min_clean_channel_fraction * n_good) {
      out.epochs.clean[e] = 1;
      ++out.n_clean_epochs;
    }
  }
  out.clean_fraction =
      ne > 0 ? static_cast<double>(out.n_clean_epochs) / static_cast<double>(ne) : 0.0;
}

// Per clean epoch, the mean of one feature (its column, [epoch][channel]) over the good, clean
// channels in `members`.
Quantiles epoch_mean_quantiles(const std::vector<float>& column, const RecordingAnalysis& out,
                               const std::vector<std::size_t>& members) {
  const std::size_t nc = out.epochs.n_channels;
  std::vector<double> values;
  for (std::size_t e = 0; e < out.epochs.clean.size(); ++e) {
    if (!out.epochs.clean[e])
      continue;
    const double mean = epoch_mean(column, nc, e, members);
    if (!std::isnan(mean))
      values.push_back(mean);
  }
  return quantiles(values);
}

// Mean PSD over clean cells of the given channels (rows) that have any.
Eigen::MatrixXd mean_psd(const AnalysisState& st, std::vector<std::size_t>& rows) {
  const std::size_t nf = st.frequencies_hz.size();
  std::erase_if(rows, [&](std::size_t c) { return st.psd_count[c] == 0; });
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(nf));
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t k = 0; k < nf; ++k)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) =
          st.psd_sum[rows[i] * nf + k] / static_cast<double>(st.psd_count[rows[i]]);
  return m;
}

void posterior_rhythm(const AnalysisState& st, const AnalyzeParams& p,
                      const std::vector<std::size_t>& good, RecordingAnalysis& out) {
  // The occipital channels when there are any, as a reader measures the PDR (O1/O2); the
  // parietal ones otherwise. Parietal alpha can run at another frequency than occipital alpha
  // (1 Hz faster in one healthy sample recording), and their mean would follow whichever
  // stands taller above the background fit.
  std::vector<std::size_t> rows, parietal, anterior;
  for (std::size_t c : good) {
    const auto r = out.channels[c].site.region;
    if (r == sites::Region::Occipital)
      rows.push_back(c);
    else if (r == sites::Region::Parietal)
      parietal.push_back(c);
    else if (r == sites::Region::Frontal)
      anterior.push_back(c);
  }
  if (std::none_of(rows.begin(), rows.end(), [&](std::size_t c) { return st.psd_count[c] > 0; }))
    rows = parietal;
  const auto m = mean_psd(st, rows);
  const auto front = mean_psd(st, anterior);
  if (rows.empty()) {
    out.warnings.push_back("PDR not estimated: no clean posterior (P/O) channel");
    return;
  }
  std::vector<sites::Side> sides;
  sides.reserve(rows.size());
  for (std::size_t c : rows)
    sides.push_back(out.channels[c].site.side);
  auto pp = p.pdr;
  pp.aperiodic.high_hz = std::min(pp.aperiodic.high_hz, st.frequencies_hz.back());
  out.pdr = features::posterior_dominant_rhythm(st.frequencies_hz, m, sides, pp, front);
  out.pdr_computed = true;
}

void symmetry(const AnalysisState& st, const AnalyzeParams& p, const std::vector<std::size_t>& good,
              RecordingAnalysis& out) {
  std::vector<std::size_t> rows;
  for (std::size_t c : good)
    if (out.channels[c].has_site)
      rows.push_back(c);
  const auto m = mean_psd(st, rows);
  std::vector<sites::ElectrodeSite> sites;
  sites.reserve(rows.size());
  for (std::size_t c : rows)
    sites.push_back(out.channels[c].site);
  features::SymmetryParams sp;
  sp.bands = p.bands;
  try {
    const auto s = features::brain_symmetry(st.frequencies_hz, m, sites, sp);
    out.bsi = s.bsi;
    out.bsi_per_band = s.bsi_per_band;
    out.pdbsi = s.pdbsi;
    out.slow_pairs = s.pairs;
    for (const auto& ra : s.regions) {
      for (auto& region : out.regions) {
        if (region.region != ra.region)
          continue;
        region.has_asymmetry = true;
        region.signed_index = ra.signed_index;
        region.slow_signed_index = ra.slow_signed_index;
      }
    }
  } catch (const std::invalid_argument& e) {
    out.warnings.push_back(std::string("symmetry not computed: ") + e.what());
  }
}

double band_median(const RecordingAnalysis& out, const AnalyzeParams& p, const char* name) {
  for (std::size_t b = 0; b < p.bands.size(); ++b)
    if (p.bands[b].name == name)
      return out.global[2 * b + 1].median;
  return kNaN;
}

double feature_median(const RecordingAnalysis& out, const std::string& name) {
  for (std::size_t i = 0; i < out.features.size(); ++i)
    if (out.features[i].name == name)
      return out.global[i].median;
  return kNaN;
}

void grade(const AnalyzeParams& p, RecordingAnalysis& out) {
  features::SlowingInputs s;
  s.pdr_present = out.pdr_computed && out.pdr.present;
  s.pdr_frequency_hz = s.pdr_present ? out.pdr.frequency_hz : 0.0;
  const double rel[] = {band_median(out, p, "delta"), band_median(out, p, "theta"),
                        band_median(out, p, "alpha"), band_median(out, p, "beta")};
  for (double v : rel)
    if (!std::isfinite(v))
      return;  // no clean epoch: nothing to grade
  s.relative_delta = std::clamp(rel[0], 0.0, 1.0);
  s.relative_theta = std::clamp(rel[1], 0.0, 1.0);
  s.relative_alpha = std::clamp(rel[2], 0.0, 1.0);
  s.relative_beta = std::clamp(rel[3], 0.0, 1.0);
  s.suppression_fraction = std::clamp(out.continuity.suppressed_fraction, 0.0, 1.0);
  s.median_frequency_hz = feature_median(out, "sef50_hz");
  features::SymmetryParams sp;
  sp.bands = p.bands;
  for (const auto& r : out.regions) {
    if (!r.has_asymmetry)
      continue;
    features::RegionAsymmetry ra;
    ra.region = r.region;
    ra.signed_index = r.signed_index;
    ra.slow_signed_index = r.slow_signed_index;
    s.regions.push_back(ra);
  }
  s.pairs = out.slow_pairs;
  out.slowing = features::grade_slowing(s, p.slowing);
  out.graded = true;
}

}  // namespace

double epoch_mean(const std::vector<float>& column, std::size_t n_channels, std::size_t e,
                  const std::vector<std::size_t>& channels) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t c : channels) {
    const auto v = static_cast<double>(column[e * n_channels + c]);
    if (std::isfinite(v)) {
      sum += v;
      ++n;
    }
  }
  return n > 0 ? sum / static_cast<double>(n) : kNaN;
}

Quantiles quantiles(std::vector<double>& values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  Quantiles q;
  if (values.empty())
    return q;
  // Linear interpolation between order statistics (numpy's default 'linear' method), selected
  // rather than sorted for (once per feature and channel).
  q.median = dsp::quantile(values, 0.5);
  q.q25 = dsp::quantile(values, 0.25);
  q.q75 = dsp::quantile(values, 0.75);
  return q;
}

void aggregate_recording(const AnalysisState& st, const AnalyzeParams& p, RecordingAnalysis& out) {
  std::vector<bool> good_mask;
  mark_bad_and_clean(st, p, out, good_mask);
  std::vector<std::size_t> good;
  for (std::size_t c = 0; c < st.n_channels; ++c)
    if (good_mask[c])
      good.push_back(c);
  // The regions with good channels, filled below feature by feature.
  std::vector<std::vector<std::size_t>> region_members;
  for (auto region : {sites::Region::Frontal, sites::Region::Central, sites::Region::Temporal,
                      sites::Region::Parietal, sites::Region::Occipital}) {
    std::vector<std::size_t> members;
    for (std::size_t c : good)
      if (out.channels[c].site.region == region)
        members.push_back(c);
    if (members.empty())
      continue;
    RegionSummary r;
    r.region = region;
    r.n_channels = members.size();
    out.regions.push_back(std::move(r));
    region_members.push_back(std::move(members));
  }
  const std::size_t nc = st.n_channels;
  for (std::size_t f = 0; f < st.n_features; ++f) {
    const std::vector<float> column = st.cells->column(f);
    out.global.push_back(epoch_mean_quantiles(column, out, good));
    std::vector<double> per_channel(nc, kNaN);
    for (std::size_t c = 0; c < nc; ++c) {
      std::vector<double> v;
      for (std::size_t e = 0; e < out.epochs.clean.size(); ++e)
        if (out.epochs.clean[e])
          v.push_back(static_cast<double>(column[e * nc + c]));
      per_channel[c] = quantiles(v).median;
    }
    out.channel_median.push_back(std::move(per_channel));
    // Features 2b and 2b + 1 are band b's absolute and relative power.
    if (f < 2 * p.bands.size()) {
      for (std::size_t i = 0; i < out.regions.size(); ++i) {
        auto& powers = f % 2 == 0 ? out.regions[i].abs_power : out.regions[i].rel_power;
        powers.push_back(epoch_mean_quantiles(column, out, region_members[i]));
      }
    }
  }
  if (!st.frequencies_hz.empty()) {
    posterior_rhythm(st, p, good, out);
    symmetry(st, p, good, out);
  }
  grade(p, out);
  if (!st.frequencies_hz.empty())
    out.intervals = bootstrap_intervals(st, p, good, out);
}

}  // namespace eegtrack::pipeline::detail
