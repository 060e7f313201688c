#include "epoch_trends.hpp"

#include <cmath>
#include <limits>

namespace eegtrack::pipeline::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Regions drawn as left/right pairs, front to back.
constexpr sites::Region kRegions[] = {sites::Region::Frontal, sites::Region::Central,
                                      sites::Region::Temporal, sites::Region::Parietal,
                                      sites::Region::Occipital};

double signed_index(double right, double left) {
  const double sum = right + left;
  return sum > 0.0 ? (right - left) / sum : kNaN;
}

}  // namespace

EpochTrendBuilder::EpochTrendBuilder(const std::vector<AnalysisChannel>& channels,
                                     const std::vector<FeatureSpec>& features,
                                     const features::SymmetryParams& symmetry)
    : channels_(&channels), symmetry_(symmetry), n_features_(features.size()) {
  bool found_delta = false, found_theta = false;
  for (std::size_t f = 0; f < features.size(); ++f) {
    if (features[f].name == "delta_power") {
      delta_ = f;
      found_delta = true;
    } else if (features[f].name == "theta_power") {
      theta_ = f;
      found_theta = true;
    }
  }
  has_slow_bands_ = found_delta && found_theta;
  for (const auto region : kRegions) {
    bool left = false, right = false;
    for (const auto& c : channels) {
      left |= c.has_site && c.site.region == region && c.site.side == sites::Side::Left;
      right |= c.has_site && c.site.region == region && c.site.side == sites::Side::Right;
    }
    if (left && right) {
      out_.regions.push_back(region);
      out_.region_slow_asymmetry.emplace_back();
    }
  }
}

void EpochTrendBuilder::add(const EpochResult& r) {
  const auto& channels = *channels_;
  const auto& f = r.psd.frequencies_hz;
  left_psd_.assign(f.size(), 0.0);
  right_psd_.assign(f.size(), 0.0);
  std::size_t n_left = 0, n_right = 0;
  double slow_left = 0.0, slow_right = 0.0;
  std::vector<double> region_left(out_.regions.size(), 0.0), region_right(out_.regions.size(), 0.0);
  std::vector<std::size_t> region_n_left(out_.regions.size(), 0),
      region_n_right(out_.regions.size(), 0);
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const auto& ch = channels[c];
    if (r.rejected[c] || !ch.has_site || ch.site.side == sites::Side::Midline)
      continue;
    const bool left = ch.site.side == sites::Side::Left;
    auto& psd = left ? left_psd_ : right_psd_;
    for (std::size_t k = 0; k < f.size(); ++k)
      psd[k] += r.psd.psd_uv2_per_hz(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
    (left ? n_left : n_right) += 1;
    if (!has_slow_bands_)
      continue;
    const double slow = r.values[c * n_features_ + delta_] + r.values[c * n_features_ + theta_];
    if (!std::isfinite(slow))
      continue;
    (left ? slow_left : slow_right) += slow;
    for (std::size_t g = 0; g < out_.regions.size(); ++g) {
      if (ch.site.region != out_.regions[g])
        continue;
      (left ? region_left[g] : region_right[g]) += slow;
      (left ? region_n_left[g] : region_n_right[g]) += 1;
    }
  }
  double bsi = kNaN;
  if (n_left > 0 && n_right > 0 && f.size() > 1) {
    for (std::size_t k = 0; k < f.size(); ++k) {
      left_psd_[k] /= static_cast<double>(n_left);
      right_psd_[k] /= static_cast<double>(n_right);
    }
    try {
      bsi = features::revised_bsi(f, right_psd_, left_psd_, symmetry_.bsi_low_hz,
                                  symmetry_.bsi_high_hz);
    } catch (const std::invalid_argument&) {
      bsi = kNaN;  // the range lies outside this recording's spectrum
    }
  }
  out_.bsi.push_back(bsi);
  out_.slow_asymmetry.push_back(n_left > 0 && n_right > 0 && has_slow_bands_
                                    ? signed_index(slow_right / static_cast<double>(n_right),
                                                   slow_left / static_cast<double>(n_left))
                                    : kNaN);
  for (std::size_t g = 0; g < out_.regions.size(); ++g)
    out_.region_slow_asymmetry[g].push_back(
        region_n_left[g] > 0 && region_n_right[g] > 0
            ? signed_index(region_right[g] / static_cast<double>(region_n_right[g]),
                           region_left[g] / static_cast<double>(region_n_left[g]))
            : kNaN);
}

EpochTrends EpochTrendBuilder::finish(const features::ContinuityResult& continuity,
                                      const findings::EpochTable& epochs) {
  // The running BSR is sampled every bsr_step_s from each segment start; an epoch takes the
  // last value at or before its end that lies after its onset (same segment).
  const auto& series = continuity.bsr_series;
  std::size_t j = 0;
  out_.bsr.reserve(epochs.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    const double onset = epochs.onset_s[i];
    const double end = onset + epochs.epoch_s;
    while (j + 1 < series.size() && series[j + 1].time_s <= end + 1e-6)
      ++j;
    const bool found =
        !series.empty() && series[j].time_s <= end + 1e-6 && series[j].time_s > onset + 1e-6;
    out_.bsr.push_back(found ? series[j].bsr : kNaN);
  }
  out_.bsr_window_s = continuity.params.bsr_window_s;
  return std::move(out_);
}

}  // namespace eegtrack::pipeline::detail
