// Spatial field test of the IED detector: the deflections of all channels at a discharge's
// peak are compared with smooth focal fields (a Gaussian of the angular distance from a
// centre electrode, seen through the montage's reference), by least squares.

#include <algorithm>
#include <cmath>
#include <map>

#include "discharge_analysis.hpp"

namespace eegtrack::detect::detail {
namespace {

double gaussian_weight(const sites::ElectrodePosition& centre, const sites::ElectrodePosition& at,
                       double spread_deg) {
  const double z = sites::electrode_angle_deg(centre, at) / spread_deg;
  return std::exp(-0.5 * z * z);
}

/// Electrodes that can be a field's centre: every positioned electrode of the montage.
std::map<std::string, sites::ElectrodePosition> centre_electrodes(
    std::span<const DetectionChannel> channels) {
  std::map<std::string, sites::ElectrodePosition> out;
  for (const auto& ch : channels) {
    for (const std::string& name : {ch.plus, ch.minus}) {
      if (auto pos = sites::electrode_position(name))
        out.emplace(name, *pos);
    }
  }
  return out;
}

}  // namespace

IedFieldModel make_field_model(std::span<const DetectionChannel> channels,
                               std::span<const double> spreads_deg) {
  IedFieldModel m;
  // A channel enters the fit when both of its inputs have a model value: a positioned plus,
  // and a minus that is positioned, the average reference, or nothing (referential).
  std::vector<std::optional<sites::ElectrodePosition>> minus_pos(channels.size());
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const auto& ch = channels[c];
    if (!ch.position)
      continue;
    minus_pos[c] = sites::electrode_position(ch.minus);
    if (ch.minus.empty() || ch.minus == sites::kAverageReference || minus_pos[c])
      m.fitted.push_back(c);
  }
  if (m.fitted.size() < 4)
    return m;
  for (const auto& [name, centre] : centre_electrodes(channels)) {
    for (double spread : spreads_deg) {
      std::vector<double> t;
      double avg = 0.0;
      int n_avg = 0;
      for (std::size_t c : m.fitted) {
        t.push_back(gaussian_weight(centre, *channels[c].position, spread));
        if (channels[c].minus == sites::kAverageReference) {
          avg += t.back();
          ++n_avg;
        }
      }
      double norm = 0.0;
      for (std::size_t k = 0; k < t.size(); ++k) {
        const auto& ch = channels[m.fitted[k]];
        if (ch.minus == sites::kAverageReference)
          t[k] -= avg / n_avg;
        else if (minus_pos[m.fitted[k]])
          t[k] -= gaussian_weight(centre, *minus_pos[m.fitted[k]], spread);
        norm += t[k] * t[k];
      }
      if (norm < 1e-12)
        continue;
      for (double& v : t)
        v /= std::sqrt(norm);
      m.topographies.push_back(std::move(t));
      m.centres.push_back(name);
      m.spreads_deg.push_back(spread);
    }
  }
  return m;
}

FieldFit fit_field(const IedFieldModel& model, std::span<const double> deflection) {
  FieldFit best;
  if (model.topographies.empty())
    return best;  // too few channels for a field: r2 stays NaN, the test is skipped
  double energy = 0.0;
  for (std::size_t c : model.fitted)
    energy += deflection[c] * deflection[c];
  best.r2 = 0.0;
  if (energy <= 0.0)
    return best;
  for (std::size_t k = 0; k < model.topographies.size(); ++k) {
    double a = 0.0;
    const auto& t = model.topographies[k];
    for (std::size_t i = 0; i < t.size(); ++i)
      a += t[i] * deflection[model.fitted[i]];
    if (a <= 0.0)
      continue;  // a surface-positive field
    const double r2 = a * a / energy;
    if (r2 > best.r2) {
      best.r2 = r2;
      best.amplitude = a;
      best.centre = model.centres[k];
      best.spread_deg = model.spreads_deg[k];
      best.topography = k;
    }
  }
  return best;
}

}  // namespace eegtrack::detect::detail
