// Spatially whitened view of a discharge: the span's background covariance across the fitted
// channels is inverted, and the discharge is read through the matched spatial filter of the
// focal field that best explains its deflections against that background.

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <utility>

#include "discharge_analysis.hpp"
#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::detect::detail {
namespace {

// The spike detector's robust SD takes the upper central value of an even count.
double robust_sd_of(std::span<const double> v) {
  return dsp::robust_sd(v, dsp::EvenMedian::Upper);
}

std::size_t samples_of(double seconds, double fs) {
  return static_cast<std::size_t>(std::lround(seconds * fs));
}

// sums[i * m + j] += x[i] x[j] for j <= i: one instant's share of the second moments.
EEGTRACK_VECTOR_CLONES void add_lower_products(std::vector<double>& sums,
                                               std::span<const double> x) {
  const std::size_t m = x.size();
  for (std::size_t i = 0; i < m; ++i) {
    const double xi = x[i];
    double* __restrict row = &sums[i * m];
    for (std::size_t j = 0; j <= i; ++j)
      row[j] += xi * x[j];
  }
}

// The broadband traces of the fitted channels, in the order of the filters' weights.
std::vector<const double*> fitted_traces(std::span<const IedChannelView> views,
                                         const IedFieldModel& model) {
  std::vector<const double*> traces;
  traces.reserve(model.fitted.size());
  for (const std::size_t c : model.fitted)
    traces.push_back(views[c].broadband.data());
  return traces;
}

}  // namespace

IedWhitener make_whitener(std::span<const IedChannelView> views, const IedFieldModel& model,
                          const IedParams& p) {
  IedWhitener w;
  const std::size_t m = model.fitted.size();
  if (model.topographies.empty() || m < 4)
    return w;
  const std::size_t n = views[model.fitted[0]].broadband.size();
  // Second moments of the band-passed (zero-mean) background; samples where any channel is
  // beyond whitening_clip_sd x its SD (discharges, artefacts) are left out.
  // Each clean instant's m values are copied side by side first, so that the products of one
  // row of the lower triangle are one contiguous loop the compiler can vectorise; each
  // element still adds its products in the order of k.
  std::vector<double> sums(m * m, 0.0);
  std::vector<double> instant(m);
  std::size_t used = 0;
  for (std::size_t k = 0; k < n; ++k) {
    bool outlier = false;
    for (std::size_t i = 0; i < m && !outlier; ++i) {
      const auto& v = views[model.fitted[i]];
      instant[i] = v.broadband[k];
      outlier = std::abs(instant[i]) > p.whitening_clip_sd * v.sd_uv;
    }
    if (outlier)
      continue;
    ++used;
    add_lower_products(sums, instant);
  }
  Eigen::MatrixXd c =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j <= i; ++j)
      c(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = sums[i * m + j];
  }
  if (used < 10 * m)
    return w;  // too little clean background for a covariance
  c /= static_cast<double>(used);
  c.triangularView<Eigen::StrictlyUpper>() = c.transpose();
  // The average reference makes the covariance singular: a ridge of a fraction of the mean
  // channel variance keeps it invertible (and limits how far any direction is amplified).
  c.diagonal().array() += p.whitening_regularisation * c.trace() / static_cast<double>(m);
  const Eigen::LLT<Eigen::MatrixXd> llt(c);
  if (llt.info() != Eigen::Success)
    return w;
  w.filters.reserve(model.topographies.size());
  for (const auto& t : model.topographies) {
    const Eigen::Map<const Eigen::VectorXd> topography(t.data(), static_cast<Eigen::Index>(m));
    const Eigen::VectorXd filter = llt.solve(topography);
    // Normalised so that the background's variance through the filter is 1.
    const double norm = std::sqrt(std::max(topography.dot(filter), 1e-300));
    w.filters.emplace_back(filter.data(), filter.data() + filter.size());
    for (double& v : w.filters.back())
      v /= norm;
  }
  return w;
}

namespace {

// r[j] = sum over k >= j of x[k] x[k - j], for j = 0..order, each sum's products added in the
// order of k. Written as r[j] = sum over m of x[m] x[m + j] (m = k - j, the same products in
// the same order), kLags lags go side by side in vector registers: one forward load of
// x[m + first ..] per four lags and no shuffle. Summing every lag of the order in one pass
// kept the sums in memory, each waiting on its own previous store; eight lags in scalar
// registers left the compiler vectorising over k and shuffling the products back into lanes.
// Lags past the order in the last group are computed and dropped.
constexpr std::size_t kVectors = 5;  // 20 lags: the whole order at 256 Hz in one pass
constexpr std::size_t kLags = 4 * kVectors;
using FourLags = double __attribute__((vector_size(32)));

EEGTRACK_VECTOR_CLONES void add_lag_group(std::span<const double> x, std::size_t first,
                                          std::size_t order, std::vector<double>& r) {
  const std::size_t n = x.size();
  const double* p = x.data();
  FourLags sums[kVectors];
  for (auto& v : sums)
    v = FourLags{0.0, 0.0, 0.0, 0.0};
  std::size_t m = 0;
  // While m + first + kLags - 1 < n, every lag of the group has a product.
  for (; m + first + kLags <= n; ++m) {
#pragma GCC unroll 5
    for (std::size_t v = 0; v < kVectors; ++v) {
      FourLags later;
      std::memcpy(&later, p + m + first + 4 * v, sizeof later);
      sums[v] += p[m] * later;
    }
  }
  double sum[kLags];
  std::memcpy(sum, sums, sizeof sums);
  for (; m + first < n; ++m)
    for (std::size_t t = 0; t < kLags && m + first + t < n; ++t)
      sum[t] += p[m] * p[m + first + t];
  for (std::size_t t = 0; t < kLags && first + t <= order; ++t)
    r[first + t] = sum[t];
}

}  // namespace

std::vector<double> lag_products(std::span<const double> x, std::size_t order) {
  std::vector<double> r(order + 1, 0.0);
  for (std::size_t first = 0; first <= order; first += kLags)
    add_lag_group(x, first, order, r);
  return r;
}

InnovationModel fit_innovation_model(std::span<const double> x, const IedParams& p, double fs) {
  InnovationModel model;
  const std::size_t n = x.size();
  const std::size_t order =
      std::clamp<std::size_t>(samples_of(p.innovation_order_s, fs), 2, n > 8 ? n / 4 : 2);
  if (n < 4 * order)
    return model;
  // Yule-Walker fit (Levinson-Durbin) of the whole span: the background's rhythm.
  std::vector<double> r = lag_products(x, order);
  r[0] *= 1.0 + 1e-9;
  if (r[0] <= 0.0)
    return model;
  std::vector<double> ar(order + 1, 0.0);
  std::vector<double> previous(order + 1, 0.0);
  double error = r[0];
  for (std::size_t i = 1; i <= order; ++i) {
    double acc = r[i];
    for (std::size_t j = 1; j < i; ++j)
      acc -= ar[j] * r[i - j];
    const double reflection = acc / error;
    previous = ar;
    ar[i] = reflection;
    for (std::size_t j = 1; j < i; ++j)
      ar[j] = previous[j] - reflection * previous[i - j];
    error *= 1.0 - reflection * reflection;
    if (error <= 0.0)
      return model;
  }
  model.valid = true;
  model.ar = std::move(ar);
  return model;
}

double innovation_energy(std::span<const double> x, const InnovationModel& model, std::size_t left,
                         std::size_t right, double fs) {
  const std::size_t n = x.size();
  if (!model.valid || right >= n)
    return 0.0;
  const auto& ar = model.ar;
  const std::size_t order = ar.size() - 1;
  // Prediction errors over +-1 s of the discharge; the discharge and the 300 ms after it are
  // left out of the local level, as for the local ratio.
  const std::size_t reach = samples_of(1.0, fs);
  const std::size_t begin = std::max(order, left > reach ? left - reach : 0);
  const std::size_t skip_end = std::min(n, right + samples_of(0.3, fs));
  const std::size_t end = std::min(n, skip_end + reach);
  auto innovation = [&](std::size_t k) {
    double predicted = 0.0;
    for (std::size_t j = 1; j <= order; ++j)
      predicted += ar[j] * x[k - j];
    return x[k] - predicted;
  };
  std::vector<double> around;
  around.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k) {
    if (k < left || k >= skip_end)
      around.push_back(innovation(k));
  }
  if (around.size() < 2 * order)
    return 0.0;
  const double level = std::max(robust_sd_of(around), 1e-12);
  double energy = 0.0;
  for (std::size_t k = std::max(left, order); k <= right; ++k) {
    const double z = innovation(k) / level;
    energy += z * z;
  }
  return energy;
}

double innovation_energy(std::span<const double> x, std::size_t left, std::size_t right,
                         const IedParams& p, double fs) {
  if (right >= x.size())
    return 0.0;  // before the fit, which would be of no use
  return innovation_energy(x, fit_innovation_model(x, p, fs), left, right, fs);
}

const WhitenedTraces::Trace& WhitenedTraces::of(std::span<const IedChannelView> views,
                                                const IedFieldModel& model,
                                                const IedWhitener& whitener, std::size_t topography,
                                                const IedParams& p, double fs) {
  const auto found = traces_.find(topography);
  if (found != traces_.end())
    return found->second;
  Trace t;
  t.v.resize(views[model.fitted[0]].broadband.size());
  virtual_channel(fitted_traces(views, model), whitener.filters[topography], t.v);
  t.model = fit_innovation_model(t.v, p, fs);
  return traces_.emplace(topography, std::move(t)).first->second;
}

std::optional<WhitenedDischarge> measure_whitened(
    std::span<const IedChannelView> views, const IedFieldModel& model, const IedWhitener& whitener,
    const IedDischarge& d, std::span<const double> instant, WhitenedTraces& traces,
    const IedParams& p, double fs) {
  if (whitener.filters.empty())
    return std::nullopt;
  const std::size_t m = model.fitted.size();
  // Generalised likelihood ratio of a surface-negative focal field in coloured background:
  // the field whose matched filter gives the largest (unit-variance) deflection.
  WhitenedDischarge wd;
  double best = -std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < whitener.filters.size(); ++k) {
    double z = 0.0;
    for (std::size_t i = 0; i < m; ++i)
      z += whitener.filters[k][i] * instant[model.fitted[i]];
    if (z > best) {
      best = z;
      wd.topography = k;
    }
  }
  wd.spread_deg = model.spreads_deg[wd.topography];
  // The virtual channel: the span seen through the matched filter.
  const WhitenedTraces::Trace& trace = traces.of(views, model, whitener, wd.topography, p, fs);
  const std::vector<double>& v = trace.v;
  const std::size_t n = v.size();
  // The discharge as the virtual channel shows it: its most negative point within
  // +-field_tolerance_s of the focus peak, flanks walked down as on a single channel.
  std::vector<double> y(n);
  for (std::size_t k = 0; k < n; ++k)
    y[k] = -v[k];
  const std::size_t tolerance = samples_of(p.field_tolerance_s, fs);
  std::size_t peak = d.peak;
  for (std::size_t k = d.peak > tolerance ? d.peak - tolerance : 0;
       k <= std::min(n - 1, d.peak + tolerance); ++k) {
    if (y[k] > y[peak])
      peak = k;
  }
  const std::size_t max_len = samples_of(p.max_duration_s, fs);
  const std::size_t left = flank_end(y, peak, -1, max_len, p.trough_hysteresis, 0.1);
  const std::size_t right = flank_end(y, peak, +1, max_len, p.trough_hysteresis, 0.1);
  wd.innovation = innovation_energy(v, trace.model, left, right, fs);
  wd.similar = similar_half_waves(v, peak, p, fs);
  return wd;
}

std::vector<IedDischarge> whitened_candidates(std::span<const IedChannelView> views,
                                              const IedFieldModel& model,
                                              const IedWhitener& whitener, std::size_t begin,
                                              std::size_t end, const IedParams& p, double fs) {
  std::vector<IedDischarge> out;
  if (whitener.filters.empty() || !(p.whitened_candidate_ratio > 0.0))
    return out;
  // The single channel's amplitude, slope and local-ratio gates are not applied: the evidence
  // is pooled on the virtual channel, where the decision is taken. Duration, isolation and
  // the flat-stretch guard still hold.
  IedParams relaxed = p;
  relaxed.min_amplitude_ratio = 0.0;
  relaxed.min_slope_ratio = 0.0;
  relaxed.min_local_ratio = 0.0;
  const std::size_t n = views[model.fitted[0]].broadband.size();
  end = std::min(end, n);
  const std::size_t guard = std::max<std::size_t>(1, samples_of(0.5 * p.min_duration_s, fs));
  const std::size_t tolerance = samples_of(p.field_tolerance_s, fs);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  const auto channels = fitted_traces(views, model);
  const std::size_t search_begin = std::max(begin, guard);
  const std::size_t search_end = std::min(end, n > guard ? n - guard : 0);
  if (search_begin >= search_end)
    return out;  // nothing to search
  // Each field's virtual channel is needed in two places only: the span's SD reads its every
  // kSpanStatisticStride-th value (span_sd), and the search reads it around [begin, end).
  // The sampled values come from a compact copy of the channels' samples at the stride, which
  // stays in cache for every field; the sums, and so the values, are the same.
  const std::size_t sampled_n = (n + kSpanStatisticStride - 1) / kSpanStatisticStride;
  std::vector<std::vector<double>> sampled(channels.size(), std::vector<double>(sampled_n));
  std::vector<const double*> sampled_channels;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    for (std::size_t j = 0; j < sampled_n; ++j)
      sampled[i][j] = channels[i][j * kSpanStatisticStride];
    sampled_channels.push_back(sampled[i].data());
  }
  std::vector<double> sampled_v(sampled_n);
  std::vector<double> v(n);
  const std::size_t dense_begin = search_begin - guard;
  const std::size_t dense_end = search_end + guard;
  for (std::size_t k = 0; k < whitener.filters.size(); ++k) {
    if (model.spreads_deg[k] < p.min_field_spread_deg)
      continue;  // the decision rejects fields this narrow
    const auto& t = model.topographies[k];
    const auto& a = whitener.filters[k];
    virtual_channel(sampled_channels, a, sampled_v);
    const double depth = -p.whitened_candidate_ratio * sampled_sd(sampled_v);
    virtual_channel(channels, a, v, dense_begin, dense_end);
    // The field's centre channel carries the discharge.
    const std::size_t centre =
        model.fitted[static_cast<std::size_t>(std::max_element(t.begin(), t.end()) - t.begin())];
    const auto& x = views[centre].broadband;
    for (std::size_t s = search_begin; s < search_end; ++s) {
      if (v[s] > depth)
        continue;
      bool is_min = true;
      for (std::size_t j = s - guard; j <= s + guard && is_min; ++j)
        is_min = v[j] >= v[s];
      if (!is_min)
        continue;
      std::size_t peak = s;
      for (std::size_t j = s > tolerance ? s - tolerance : 0; j <= std::min(n - 1, s + tolerance);
           ++j) {
        if (x[j] < x[peak])
          peak = j;
      }
      s += guard;
      if (!seen.insert({centre, peak}).second)
        continue;
      if (auto d = measure_discharge(views[centre], centre, peak, relaxed, fs))
        out.push_back(*d);
    }
  }
  return out;
}

}  // namespace eegtrack::detect::detail
