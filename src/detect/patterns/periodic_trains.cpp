#include "periodic_trains.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "eegtrack/dsp/robust_stats.hpp"
#include "train_morphology.hpp"

namespace eegtrack::detect::detail {
namespace {

// The upper median x_(n/2); 0 for no values (one discharge has no interval).
double median(const std::vector<double>& v) {
  return v.empty() ? 0.0 : dsp::median(v, dsp::EvenMedian::Upper);
}

std::vector<double> mean_field(const std::vector<Discharge>& d) {
  std::vector<double> map(d.front().snapshot.size(), 0.0);
  for (const auto& x : d) {
    for (std::size_t c = 0; c < map.size(); ++c)
      map[c] += x.snapshot[c] / static_cast<double>(d.size());
  }
  return map;
}

// Fraction of the discharges whose field (every channel at the peak) correlates with the
// train's mean field: the discharges of a PD share one field, while background peaks that
// happen to fall into a rhythm come from changing places (posterior alpha, frontal eye
// movements).
double field_consistency(const std::vector<Discharge>& d, const std::vector<double>& mean) {
  constexpr double kSameField = 0.5;
  std::size_t consistent = 0;
  for (const auto& x : d)
    consistent += pearson_correlation(x.snapshot, mean) >= kSameField ? 1 : 0;
  return static_cast<double>(consistent) / static_cast<double>(d.size());
}

struct Run {
  std::size_t first_pair = 0;
  std::size_t last_pair = 0;  ///< inclusive
  std::size_t regular = 0;
};

// Runs of regular interval pairs, joined across isolated irregular pairs (a jittered or
// missed discharge) while more than min_fraction of the joined pairs stay regular.
std::vector<Run> regular_runs(const std::vector<double>& intervals, const PatternParams& p) {
  std::vector<Run> runs;
  for (std::size_t k = 0; k + 1 < intervals.size(); ++k) {
    if (std::abs(intervals[k + 1] - intervals[k]) >= p.max_period_change * intervals[k])
      continue;
    if (!runs.empty()) {
      Run& last = runs.back();
      const std::size_t pairs = k - last.first_pair + 1;
      const bool near = k - last.last_pair <= 3;
      if (near && static_cast<double>(last.regular + 1) >
                      p.min_regular_pair_fraction * static_cast<double>(pairs)) {
        last.last_pair = k;
        ++last.regular;
        continue;
      }
    }
    runs.push_back({k, k, 1});
  }
  return runs;
}

std::optional<PdTrain> check_train(const std::vector<Discharge>& d, int hemisphere,
                                   const std::vector<PatternChannel>& channels,
                                   const PatternParams& p) {
  if (static_cast<int>(d.size()) < p.min_cycles)
    return std::nullopt;
  std::vector<double> intervals;
  std::vector<double> durations;
  for (std::size_t k = 0; k < d.size(); ++k) {
    durations.push_back(d[k].duration_s);
    if (k + 1 < d.size())
      intervals.push_back(d[k + 1].time_s - d[k].time_s);
  }
  const double period = median(intervals);
  const double duration = median(durations);
  PdTrain t;
  t.hemisphere = hemisphere;
  t.rate_hz = 1.0 / period;
  t.onset_s = d.front().time_s - 0.5 * duration;
  t.end_s = d.back().time_s + 0.5 * duration;
  // ACNS allows > 2.5 Hz PDs shorter than 10 s, but such brief fast trains are where alpha and
  // muscle look periodic: they are not reported; >= 10 s they are seizures (seizure detector).
  if (t.rate_hz > p.pd_max_rate_hz || t.rate_hz < p.pd_min_rate_hz ||
      duration >= p.pd_max_discharge_s || duration >= period)
    return std::nullopt;  // not periodic discharges with a clear interval
  const Morphology m = train_morphology(d, p.pd_min_correlation);
  if (m.uniform_fraction < p.pd_min_uniform_fraction)
    return std::nullopt;
  t.triphasic = m.triphasic;
  t.map = mean_field(d);
  if (field_consistency(d, t.map) < p.pd_min_field_consistency)
    return std::nullopt;  // background peaks of changing fields (alpha, eye movements)
  t.lateral_side = field_side(t.map, channels, p.lateral_amplitude_ratio);
  // The average reference adds the same offset to every channel, which would make a focal
  // field look bilateral; the median channel stands for that offset (most channels lie outside
  // a focal field).
  const double offset = median(t.map);
  double largest = 0.0;  // of either polarity
  for (double& v : t.map) {
    largest = std::max(largest, std::abs(v - offset));
    // Channels, region and focus follow the discharge's own polarity; the opposite-polarity
    // far channels (the reference's mirror) are not where it is.
    v = std::max(0.0, v - offset);
  }
  // One field for the whole train: the mean map keeps most of a single discharge's amplitude.
  std::vector<double> peaks;
  for (const auto& x : d)
    peaks.push_back(x.snapshot[static_cast<std::size_t>(x.channel)]);
  if (largest < p.pd_min_field_coherence * median(peaks))
    return std::nullopt;
  const double regular = regular_pair_fraction(intervals, p.max_period_change);
  const double margin = std::min({(regular - p.min_regular_pair_fraction) / 0.5,
                                  (m.uniform_fraction - p.pd_min_uniform_fraction) / 0.4,
                                  static_cast<double>(d.size()) / (2.0 * p.min_cycles)});
  t.confidence = std::clamp(0.5 + 0.5 * margin, 0.0, 1.0);
  return t;
}

}  // namespace

std::vector<PdTrain> qualifying_trains(const std::vector<Discharge>& chain, int hemisphere,
                                       const std::vector<PatternChannel>& channels,
                                       const PatternParams& p) {
  std::vector<double> intervals;
  for (std::size_t k = 0; k + 1 < chain.size(); ++k)
    intervals.push_back(chain[k + 1].time_s - chain[k].time_s);
  std::vector<PdTrain> out;
  for (const Run& run : regular_runs(intervals, p)) {
    // Pair k links discharges k, k + 1 and k + 2.
    auto first = chain.begin() + static_cast<std::ptrdiff_t>(run.first_pair);
    auto last = chain.begin() + static_cast<std::ptrdiff_t>(run.last_pair + 3);
    // Background peaks that happen to continue the rhythm are weaker than the discharges.
    std::vector<double> ratios;
    for (auto it = first; it != last; ++it)
      ratios.push_back(it->ratio);
    const double typical = median(ratios);
    while (first != last && first->ratio < 0.6 * typical)
      ++first;
    while (last != first && std::prev(last)->ratio < 0.6 * typical)
      --last;
    if (auto t = check_train(std::vector<Discharge>(first, last), hemisphere, channels, p))
      out.push_back(std::move(*t));
  }
  return out;
}

std::optional<DischargeChain::Chain> DischargeChain::add(const Discharge& d) {
  std::optional<Chain> closed;
  if (!discharges_.empty() && (d.time_s - discharges_.back().time_s > max_gap_s ||
                               d.time_s - discharges_.front().time_s > max_length_s))
    closed = close();
  if (!discharges_.empty() && d.time_s - discharges_.back().time_s < min_interval_s) {
    // Closer than the fastest PD rate allows: one discharge seen twice, keep the stronger.
    if (d.ratio > discharges_.back().ratio)
      discharges_.back() = d;
    return closed;
  }
  discharges_.push_back(d);
  return closed;
}

std::optional<DischargeChain::Chain> DischargeChain::advance(double now_s) {
  if (!discharges_.empty() && now_s - discharges_.back().time_s > max_gap_s)
    return close();
  return std::nullopt;
}

std::optional<DischargeChain::Chain> DischargeChain::close() {
  if (discharges_.empty())
    return std::nullopt;
  Chain out = std::move(discharges_);
  discharges_.clear();
  return out;
}

std::optional<double> DischargeChain::open_since() const {
  if (discharges_.empty())
    return std::nullopt;
  return discharges_.front().time_s - 1.0;
}

}  // namespace eegtrack::detect::detail
