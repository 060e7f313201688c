// Field stage of the IED detector: discharges of all channels become events with a focus,
// a side, a region and a confidence.

#include <algorithm>
#include <cmath>
#include <limits>

#include "discharge_analysis.hpp"

namespace eegtrack::detect::detail {
namespace {

/// 0.5 at the threshold, 1 at twice the threshold, 0 at zero: how far a criterion is met.
double criterion_score(double value, double threshold) {
  return std::clamp(0.5 * value / threshold, 0.0, 1.0);
}

/// Same-polarity (negative) deflection of channel c at the discharge's time: the deepest
/// sample within +-tolerance of the peak against the mean at the discharge's two troughs.
double deflection_uv(const IedChannelView& view, const IedDischarge& d, std::size_t tolerance) {
  const auto& x = view.broadband;
  const std::size_t lo = d.peak > tolerance ? d.peak - tolerance : 0;
  const std::size_t hi = std::min(x.size(), d.peak + tolerance + 1);
  double deepest = std::numeric_limits<double>::infinity();
  for (std::size_t i = lo; i < hi; ++i)
    deepest = std::min(deepest, x[i]);
  return 0.5 * (x[d.left] + x[d.right]) - deepest;
}

struct FieldMeasure {
  std::vector<double> instant;     ///< per channel, deflection at the peak instant, µV
  std::vector<double> deflection;  ///< per channel, µV (NaN without a view)
  double best_neighbour_ratio = 0.0;
  int weaker_neighbours = 0;
  int neighbours = 0;
  FieldFit fit;
};

/// Negative deflection of channel c at the discharge's peak instant (mean of +-2 ms) against
/// the mean at the discharge's troughs: a field is instantaneous, so every channel is read at
/// the same time.
double instant_deflection_uv(const IedChannelView& view, const IedDischarge& d, std::size_t half) {
  const auto& x = view.broadband;
  const std::size_t lo = d.peak > half ? d.peak - half : 0;
  const std::size_t hi = std::min(x.size(), d.peak + half + 1);
  double sum = 0.0;
  for (std::size_t i = lo; i < hi; ++i)
    sum += x[i];
  return 0.5 * (x[d.left] + x[d.right]) - sum / static_cast<double>(hi - lo);
}

FieldMeasure measure_field(std::span<const IedChannelView> views, const IedDischarge& d,
                           std::span<const DetectionChannel> channels, const IedFieldModel& model,
                           const IedParams& p, double fs) {
  FieldMeasure f;
  {
    const auto half = static_cast<std::size_t>(std::lround(0.002 * fs));
    f.instant.resize(views.size());
    for (std::size_t c = 0; c < views.size(); ++c)
      f.instant[c] = instant_deflection_uv(views[c], d, half);
    f.fit = fit_field(model, f.instant);
  }
  const auto tolerance = static_cast<std::size_t>(std::lround(p.field_tolerance_s * fs));
  f.deflection.resize(views.size());
  for (std::size_t c = 0; c < views.size(); ++c)
    f.deflection[c] = deflection_uv(views[c], d, tolerance);
  const auto& focus = channels[d.channel];
  if (!focus.position)
    return f;
  for (std::size_t c = 0; c < views.size(); ++c) {
    if (c == d.channel || !channels[c].position)
      continue;
    if (sites::electrode_angle_deg(*focus.position, *channels[c].position) > p.neighbour_max_deg)
      continue;
    ++f.neighbours;
    const double ratio = f.deflection[c] / f.deflection[d.channel];
    f.best_neighbour_ratio = std::max(f.best_neighbour_ratio, ratio);
    if (ratio < 1.0)
      ++f.weaker_neighbours;
  }
  return f;
}

sites::Laterality side_of(const DetectionChannel& focus, std::span<const DetectionChannel> channels,
                          const std::vector<double>& deflection, std::size_t focus_index,
                          double bilateral_ratio) {
  if (!focus.site)
    return sites::Laterality::Unknown;
  if (focus.site->side == sites::Side::Midline)
    return sites::Laterality::Midline;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (channels[c].label == focus.site->homologous &&
        deflection[c] >= bilateral_ratio * deflection[focus_index])
      return sites::Laterality::Bilateral;
  }
  return focus.site->side == sites::Side::Left ? sites::Laterality::Left : sites::Laterality::Right;
}

/// The decision's score: the innovation energy of the discharge on the spatially whitened
/// virtual channel of its best matched field (the focus channel's own when the montage has too
/// few channels for a field), divided by sqrt(1 + similar half-waves around it: mean of the
/// counts on the focus channel and on the virtual channel).
struct Sharpness {
  std::optional<WhitenedDischarge> whitened;
  double similar = 0.0;
  double score = 0.0;
};

Sharpness sharpness_of(std::span<const IedChannelView> views, const IedDischarge& d,
                       const FieldMeasure& f, const IedFieldModel& model,
                       const IedWhitener& whitener, WhitenedTraces& traces, const IedParams& p,
                       double fs) {
  Sharpness s;
  s.whitened = measure_whitened(views, model, whitener, d, f.instant, traces, p, fs);
  // Rhythm context on the focus channel (what a reader sees) and on the virtual channel (what
  // the score is measured on), averaged.
  const int focus_similar = similar_waves(views[d.channel], d, p, fs);
  s.similar = s.whitened ? 0.5 * (focus_similar + s.whitened->similar) : focus_similar;
  const double energy = s.whitened
                            ? s.whitened->innovation
                            : innovation_energy(views[d.channel].broadband, d.left, d.right, p, fs);
  s.score = energy / std::sqrt(1.0 + s.similar);
  return s;
}

Event make_event(const IedDischarge& d, const FieldMeasure& f, const Sharpness& sharpness,
                 std::span<const DetectionChannel> channels, double span_start_s,
                 const IedParams& p, double fs) {
  Event e;
  e.type = d.duration_s < p.spike_max_duration_s ? EventType::Spike : EventType::Sharp;
  e.onset_s = span_start_s + static_cast<double>(d.left) / fs;
  e.duration_s = static_cast<double>(d.right - d.left) / fs;
  std::vector<std::size_t> involved;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (c == d.channel || f.deflection[c] >= p.channel_involved_ratio * f.deflection[d.channel])
      involved.push_back(c);
  }
  std::stable_sort(involved.begin(), involved.end(),
                   [&](std::size_t a, std::size_t b) { return f.deflection[a] > f.deflection[b]; });
  for (std::size_t c : involved)
    e.channels.push_back(channels[c].label);
  const DetectionChannel& focus = channels[involved.front()];
  e.focus = focus.plus;
  e.side = side_of(focus, channels, f.deflection, involved.front(), p.bilateral_ratio);
  if (focus.site && e.side != sites::Laterality::Bilateral)
    e.region = focus.site->region;
  // Confidence: how far the decision criteria are exceeded (0.5 at each threshold).
  const double r2_score = std::isnan(f.fit.r2) ? 0.5 : criterion_score(f.fit.r2, p.min_field_r2);
  const double scores[] = {criterion_score(sharpness.score, p.min_discharge_score), r2_score,
                           criterion_score(d.slow_wave, p.min_slow_wave_fraction),
                           criterion_score(d.asymmetry, p.min_asymmetry)};
  double sum = 0.0;
  for (double s : scores)
    sum += s;
  e.confidence = sum / 4.0;
  if (d.slow_wave >= p.min_slow_wave_fraction)
    e.modifiers = "slow_wave";
  // A focus deflecting more than every neighbour reverses phase in the bipolar chains
  // through it; a focus at the edge of the array shows no reversal (end of chain).
  if (f.neighbours >= 2 && f.weaker_neighbours == f.neighbours)
    e.modifiers += e.modifiers.empty() ? "phase_reversal" : " phase_reversal";
  return e;
}

/// The decision after grouping: sharp enough against the background seen through the best
/// matched field filter and not one of many similar waves of the channel's rhythm (the
/// score), and a deflection pattern explained by one smooth, not too narrow,
/// surface-negative field, both by least squares and against the whitened background (eye
/// movements, electrode artefacts and muscle fit poorly or only with the narrowest field).
bool is_focal_discharge(const FieldMeasure& f, const Sharpness& s, const IedParams& p) {
  if (s.score < p.min_discharge_score)
    return false;
  if (std::isnan(f.fit.r2))
    return true;  // too few positioned channels for a field fit
  if (s.whitened && s.whitened->spread_deg < p.min_field_spread_deg)
    return false;
  return f.fit.r2 >= p.min_field_r2 && f.fit.spread_deg >= p.min_field_spread_deg;
}

/// Largest positive value of any channel within +-300 ms of the discharge's peak.
double opposite_deflection_uv(std::span<const IedChannelView> views, const IedDischarge& d,
                              double fs) {
  const auto reach = static_cast<std::size_t>(std::lround(0.3 * fs));
  double positive = 0.0;
  for (const auto& v : views) {
    const std::size_t hi = std::min(v.broadband.size(), d.peak + reach + 1);
    for (std::size_t k = d.peak > reach ? d.peak - reach : 0; k < hi; ++k)
      positive = std::max(positive, v.broadband[k]);
  }
  return positive;
}

}  // namespace

std::vector<Event> field_events(std::span<const IedChannelView> views,
                                std::vector<IedDischarge> discharges,
                                std::span<const DetectionChannel> channels,
                                const IedFieldModel& model, const IedWhitener& whitener,
                                std::size_t core_begin, std::size_t core_end, double span_start_s,
                                const IedParams& p, double fs) {
  // The largest discharge of a cluster speaks for it; smaller ones within merge_s of it or in
  // its after-going slow wave (slow_wave_window_s after its end), on the same channel
  // (polyspikes) or on a channel its event moves (deflecting there, either way, by at least
  // min_field_ratio x its own deflection) are absorbed. A discharge on a channel the event
  // does not reach is another event: a distant background wave does not absorb it.
  std::stable_sort(
      discharges.begin(), discharges.end(),
      [](const IedDischarge& a, const IedDischarge& b) { return a.amplitude_uv > b.amplitude_uv; });
  const auto merge = static_cast<std::size_t>(std::lround(p.merge_s * fs));
  const auto after = static_cast<std::size_t>(std::lround(p.slow_wave_window_s * fs));
  struct Taken {
    std::size_t peak;
    std::size_t right;
    std::size_t channel;
    std::vector<double> deflection;  ///< every channel's, at the leader's time
  };
  std::vector<Taken> taken;
  std::vector<Event> events;
  WhitenedTraces traces;
  for (const IedDischarge& d : discharges) {
    const bool absorbed = std::any_of(taken.begin(), taken.end(), [&](const Taken& t) {
      const bool near = (t.peak > d.peak ? t.peak - d.peak : d.peak - t.peak) < merge;
      const bool in_slow_wave = d.peak > t.peak && d.peak <= t.right + after;
      return (near || in_slow_wave) &&
             (t.channel == d.channel ||
              std::abs(t.deflection[d.channel]) >= p.min_field_ratio * t.deflection[t.channel]);
    });
    if (absorbed)
      continue;
    const FieldMeasure f = measure_field(views, d, channels, model, p, fs);
    if (f.best_neighbour_ratio < p.min_field_ratio)
      continue;  // no physiological field: a pop or a single-channel artefact
    taken.push_back({d.peak, d.right, d.channel, f.deflection});
    if (d.peak < core_begin || d.peak >= core_end)
      continue;
    const Sharpness sharpness = sharpness_of(views, d, f, model, whitener, traces, p, fs);
    if (!is_focal_discharge(f, sharpness, p))
      continue;
    if (opposite_deflection_uv(views, d, fs) > p.max_opposite_ratio * d.amplitude_uv)
      continue;  // dwarfed by a positive deflection nearby: an eye blink or a movement
    Event e = make_event(d, f, sharpness, channels, span_start_s, p, fs);
    if (e.confidence >= p.min_confidence)
      events.push_back(std::move(e));
  }
  return events;
}

}  // namespace eegtrack::detect::detail
