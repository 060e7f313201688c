// The spike detector's whitened stage reads each field's virtual channel: the candidate search
// computes only the values it reads, and the decision computes each field's channel and its
// autoregressive (innovation) model once per span, however many discharges choose the field.
// Both must give what the whole channel-by-channel sum gives, and the innovation energy must
// measure what it claims on processes whose innovations are known.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "spikes/discharge_analysis.hpp"

namespace eegtrack::detect::detail {
namespace {

constexpr double kFs = 256.0;

// An AR(1) process x[k] = phi x[k-1] + e[k] with unit-variance Gaussian innovations e.
std::vector<double> ar1(std::size_t n, double phi, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> innovation(0.0, 1.0);
  std::vector<double> x(n);
  double previous = 0.0;
  for (double& v : x) {
    v = phi * previous + innovation(rng);
    previous = v;
  }
  return x;
}

// The lag sums of the fit, as first written: every lag in one pass over k. Bit for bit, for
// orders below, at and past a group of twenty lags (and two groups), and spans as short as the
// fit accepts.
TEST(LagProducts, TheSameBitsAsAllLagsInOnePass) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> g(0.0, 30.0);
  for (const std::size_t order : {1U, 2U, 7U, 17U, 19U, 20U, 21U, 39U, 40U, 41U}) {
    for (const std::size_t n : {order + 1, 4 * order, 4 * order + 3, std::size_t{1000}}) {
      std::vector<double> x(n);
      for (auto& v : x)
        v = g(rng);
      std::vector<double> expected(order + 1, 0.0);
      for (std::size_t k = 0; k < n; ++k)
        for (std::size_t j = 0; j <= std::min(k, order); ++j)
          expected[j] += x[k] * x[k - j];
      const auto r = lag_products(x, order);
      ASSERT_EQ(r.size(), order + 1);
      for (std::size_t j = 0; j <= order; ++j)
        EXPECT_EQ(r[j], expected[j]) << "order " << order << " n " << n << " lag " << j;
    }
  }
}

TEST(InnovationEnergy, CountsUnitInnovationsOfAnAutoregressiveBackground) {
  const auto x = ar1(5120, 0.9, 3);
  const IedParams p;
  const InnovationModel model = fit_innovation_model(x, p, kFs);
  ASSERT_TRUE(model.valid);
  // The fit recovers the process: phi at lag 1, nothing much beyond.
  EXPECT_NEAR(model.ar[1], 0.9, 0.03);
  for (std::size_t j = 2; j < model.ar.size(); ++j)
    EXPECT_NEAR(model.ar[j], 0.0, 0.05) << "lag " << j;
  // Over 26 samples of background, the squared standardised innovations sum to about 26
  // (chi-squared with 26 degrees of freedom: 26 +- 7.2 at one SD).
  const std::size_t left = 2500;
  const std::size_t right = 2525;
  const double energy = innovation_energy(x, model, left, right, kFs);
  EXPECT_GT(energy, 26.0 - 3 * 7.2);
  EXPECT_LT(energy, 26.0 + 3 * 7.2);
  EXPECT_DOUBLE_EQ(innovation_energy(x, left, right, p, kFs), energy);
}

TEST(InnovationEnergy, ATransientTheModelCannotPredictStandsOut) {
  auto x = ar1(5120, 0.9, 4);
  const IedParams p;
  const double quiet = innovation_energy(x, 2500, 2525, p, kFs);
  // A 10-SD step of the innovation at one sample: its square alone adds about 100.
  for (std::size_t k = 2510; k < x.size(); ++k)
    x[k] += 10.0 * std::pow(0.9, static_cast<double>(k - 2510));
  const double transient = innovation_energy(x, 2500, 2525, p, kFs);
  EXPECT_GT(transient, quiet + 60.0);
}

TEST(InnovationEnergy, TooShortOrOutOfRangeIsZero) {
  const IedParams p;
  // The order is at most a quarter of the trace and at least 2: seven samples cannot hold
  // four orders.
  const auto x = ar1(7, 0.5, 5);
  EXPECT_FALSE(fit_innovation_model(x, p, kFs).valid);
  EXPECT_EQ(innovation_energy(x, 2, 4, p, kFs), 0.0);
  const auto y = ar1(1024, 0.5, 6);
  EXPECT_EQ(innovation_energy(y, 1000, 1024, p, kFs), 0.0);  // right beyond the trace
}

TEST(SampledSd, IsTheSpanSdOfTheStridedSamples) {
  const auto x = ar1(5123, 0.95, 7);
  std::vector<double> every;
  for (std::size_t i = 0; i < x.size(); i += kSpanStatisticStride)
    every.push_back(x[i]);
  EXPECT_EQ(sampled_sd(every), span_sd(x));
}

const std::vector<std::string> kLabels = {"Fp1-avg", "Fp2-avg", "F7-avg", "F3-avg", "Fz-avg",
                                          "F4-avg",  "F8-avg",  "T7-avg", "C3-avg", "Cz-avg",
                                          "C4-avg",  "T8-avg",  "P7-avg", "P3-avg", "Pz-avg",
                                          "P4-avg",  "P8-avg",  "O1-avg", "O2-avg"};

// A 19-channel average-reference span of AR(1) background, with surface-negative 60-ms
// discharges of field `field` (of the model) at the given samples.
struct Span {
  IedFieldModel model;
  std::vector<IedChannelView> views;
  IedWhitener whitener;
};

Span make_span(std::size_t n, std::span<const double> spreads, std::size_t field,
               const std::vector<std::size_t>& discharges, double depth_uv) {
  Span s;
  const auto channels = detection_channels(kLabels);
  s.model = make_field_model(channels, spreads);
  std::vector<std::vector<double>> raw(channels.size());
  for (std::size_t c = 0; c < raw.size(); ++c)
    raw[c] = ar1(n, 0.8, 100 + static_cast<unsigned>(c));
  const auto& t = s.model.topographies.at(field);
  const auto half = static_cast<std::size_t>(0.03 * kFs);
  for (const std::size_t at : discharges) {
    for (std::size_t i = 0; i < s.model.fitted.size(); ++i) {
      for (std::size_t k = at - half; k <= at + half && k < n; ++k) {
        const double phase =
            (static_cast<double>(k) - static_cast<double>(at)) / static_cast<double>(half);
        raw[s.model.fitted[i]][k] -= depth_uv * t[i] * std::cos(0.5 * std::numbers::pi * phase);
      }
    }
  }
  const IedParams p;
  for (std::size_t c = 0; c < raw.size(); ++c)
    s.views.push_back(view_channel(raw[c], raw[c], raw[c], p, kFs));
  s.whitener = make_whitener(s.views, s.model, p);
  return s;
}

// The candidate search as first written: every field's whole virtual channel, its span_sd,
// and the local minima below the depth. The oracle of the search that computes less.
std::vector<IedDischarge> whole_channel_candidates(const Span& span, std::size_t begin,
                                                   std::size_t end, const IedParams& p) {
  std::vector<IedDischarge> out;
  IedParams relaxed = p;
  relaxed.min_amplitude_ratio = 0.0;
  relaxed.min_slope_ratio = 0.0;
  relaxed.min_local_ratio = 0.0;
  const auto& model = span.model;
  const std::size_t n = span.views[model.fitted[0]].broadband.size();
  end = std::min(end, n);
  const std::size_t guard = std::max<std::size_t>(1, std::lround(0.5 * p.min_duration_s * kFs));
  const auto tolerance = static_cast<std::size_t>(std::lround(p.field_tolerance_s * kFs));
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t k = 0; k < span.whitener.filters.size(); ++k) {
    if (model.spreads_deg[k] < p.min_field_spread_deg)
      continue;
    const auto& a = span.whitener.filters[k];
    std::vector<double> v(n, 0.0);
    for (std::size_t i = 0; i < model.fitted.size(); ++i) {
      for (std::size_t s = 0; s < n; ++s)
        v[s] += a[i] * span.views[model.fitted[i]].broadband[s];
    }
    const double depth = -p.whitened_candidate_ratio * span_sd(v);
    const auto& t = model.topographies[k];
    const std::size_t centre =
        model.fitted[static_cast<std::size_t>(std::max_element(t.begin(), t.end()) - t.begin())];
    const auto& x = span.views[centre].broadband;
    for (std::size_t s = std::max(begin, guard); s < end && s + guard < n; ++s) {
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
      if (auto d = measure_discharge(span.views[centre], centre, peak, relaxed, kFs))
        out.push_back(*d);
    }
  }
  return out;
}

TEST(WhitenedCandidates, TheSameAsTheWholeVirtualChannelsGive) {
  const double spreads[] = {15.0, 20.0, 35.0};
  const IedParams p;
  const std::size_t n = 5120;
  // Discharges inside the searched part, just inside and just outside its ends.
  const std::vector<std::size_t> at = {600, 1197, 1203, 2000, 2600, 3895, 3903, 4500};
  for (const std::size_t field : {std::size_t{4}, std::size_t{20}}) {
    const Span span = make_span(n, spreads, field, at, 40.0);
    ASSERT_FALSE(span.whitener.filters.empty());
    for (const auto& [begin, end] :
         {std::pair<std::size_t, std::size_t>{1200, 3900}, {0, n}, {1201, 1203}, {3000, 3000}}) {
      const auto want = whole_channel_candidates(span, begin, end, p);
      const auto got =
          whitened_candidates(span.views, span.model, span.whitener, begin, end, p, kFs);
      ASSERT_EQ(got.size(), want.size())
          << "field " << field << ", [" << begin << ", " << end << ")";
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].channel, want[i].channel);
        EXPECT_EQ(got[i].peak, want[i].peak);
        EXPECT_EQ(got[i].left, want[i].left);
        EXPECT_EQ(got[i].right, want[i].right);
        EXPECT_EQ(got[i].amplitude_uv, want[i].amplitude_uv);
      }
      if (begin == 1200 && end == 3900) {
        EXPECT_GE(got.size(), 4U) << "the injected discharges inside the searched part";
      }
    }
  }
}

TEST(WhitenedTraces, EachFieldOnceAndTheFullSum) {
  const double spreads[] = {20.0, 35.0};
  const Span span = make_span(2048, spreads, 0, {}, 0.0);
  const auto& model = span.model;
  const auto& views = span.views;
  const auto& whitener = span.whitener;
  ASSERT_GE(model.topographies.size(), 2U);
  const IedParams p;
  ASSERT_EQ(whitener.filters.size(), model.topographies.size());
  WhitenedTraces traces;
  for (const std::size_t k : {std::size_t{1}, std::size_t{0}, std::size_t{1}}) {
    const auto& trace = traces.of(views, model, whitener, k, p, kFs);
    const auto& a = whitener.filters[k];
    std::size_t differing = 0;
    for (std::size_t s = 0; s < trace.v.size(); ++s) {
      double sum = 0.0;
      for (std::size_t i = 0; i < model.fitted.size(); ++i)
        sum += a[i] * views[model.fitted[i]].broadband[s];
      differing += trace.v[s] == sum ? 0 : 1;
    }
    EXPECT_EQ(trace.v.size(), 2048U);
    EXPECT_EQ(differing, 0U) << "field " << k;
    EXPECT_EQ(trace.model.ar, fit_innovation_model(trace.v, p, kFs).ar);
    // Asked again, the same trace (not a second computation).
    EXPECT_EQ(&traces.of(views, model, whitener, k, p, kFs), &trace);
  }
}

}  // namespace
}  // namespace eegtrack::detect::detail
