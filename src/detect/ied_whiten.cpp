// Spatially whitened view of a discharge: the span's background covariance across the fitted
// channels is inverted, and the discharge is read through the matched spatial filter of the
// focal field that best explains its deflections against that background.

#include <algorithm>
#include <cmath>

#include "ied_analysis.hpp"

namespace eegtrack::detect::detail {
namespace {

constexpr double kMadToSd = 1.4826;

double robust_sd_of(std::vector<double> v) {
  const double med = median_of(v);
  for (double& e : v)
    e = std::abs(e - med);
  return kMadToSd * median_of(std::move(v));
}

using Matrix = std::vector<std::vector<double>>;

/// Lower Cholesky factor of a symmetric positive definite matrix; empty if it is not.
Matrix cholesky(const Matrix& a) {
  const std::size_t m = a.size();
  Matrix l(m, std::vector<double>(m, 0.0));
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = a[i][j];
      for (std::size_t k = 0; k < j; ++k)
        sum -= l[i][k] * l[j][k];
      if (i == j) {
        if (sum <= 0.0)
          return {};
        l[i][i] = std::sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  return l;
}

/// Solves L L' y = b.
std::vector<double> cholesky_solve(const Matrix& l, std::vector<double> b) {
  const std::size_t m = l.size();
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t k = 0; k < i; ++k)
      b[i] -= l[i][k] * b[k];
    b[i] /= l[i][i];
  }
  for (std::size_t i = m; i-- > 0;) {
    for (std::size_t k = i + 1; k < m; ++k)
      b[i] -= l[k][i] * b[k];
    b[i] /= l[i][i];
  }
  return b;
}

std::size_t samples_of(double seconds, double fs) {
  return static_cast<std::size_t>(std::lround(seconds * fs));
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
  Matrix c(m, std::vector<double>(m, 0.0));
  std::size_t used = 0;
  for (std::size_t k = 0; k < n; ++k) {
    bool outlier = false;
    for (std::size_t i = 0; i < m && !outlier; ++i) {
      const auto& v = views[model.fitted[i]];
      outlier = std::abs(v.broadband[k]) > p.whitening_clip_sd * v.sd_uv;
    }
    if (outlier)
      continue;
    ++used;
    for (std::size_t i = 0; i < m; ++i) {
      const double xi = views[model.fitted[i]].broadband[k];
      for (std::size_t j = 0; j <= i; ++j)
        c[i][j] += xi * views[model.fitted[j]].broadband[k];
    }
  }
  if (used < 10 * m)
    return w;  // too little clean background for a covariance
  double trace = 0.0;
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      c[i][j] /= static_cast<double>(used);
      c[j][i] = c[i][j];
    }
    trace += c[i][i];
  }
  // The average reference makes the covariance singular: a ridge of a fraction of the mean
  // channel variance keeps it invertible (and limits how far any direction is amplified).
  for (std::size_t i = 0; i < m; ++i)
    c[i][i] += p.whitening_regularisation * trace / static_cast<double>(m);
  const Matrix l = cholesky(c);
  if (l.empty())
    return w;
  w.filters.reserve(model.topographies.size());
  for (const auto& t : model.topographies) {
    std::vector<double> a = cholesky_solve(l, t);
    double tct = 0.0;
    for (std::size_t i = 0; i < m; ++i)
      tct += t[i] * a[i];
    const double norm = std::sqrt(std::max(tct, 1e-300));
    for (double& v : a)
      v /= norm;
    w.filters.push_back(std::move(a));
  }
  return w;
}

std::optional<WhitenedDischarge> measure_whitened(
    std::span<const IedChannelView> views, const IedFieldModel& model, const IedWhitener& whitener,
    const IedDischarge& d, std::span<const double> instant, const IedParams& p, double fs) {
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
  const auto& a = whitener.filters[wd.topography];
  const std::size_t n = views[model.fitted[0]].broadband.size();
  std::vector<double> v(n, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    const auto& x = views[model.fitted[i]].broadband;
    for (std::size_t k = 0; k < n; ++k)
      v[k] += a[i] * x[k];
  }
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
  const double deflection = y[peak] - 0.5 * (y[left] + y[right]);
  // Local background of the virtual channel, as for a single channel: +-1 s, the discharge
  // and the 300 ms after it left out.
  const std::size_t reach = samples_of(1.0, fs);
  const std::size_t begin = left > reach ? left - reach : 0;
  const std::size_t skip_end = std::min(n, right + samples_of(0.3, fs));
  const std::size_t end = std::min(n, skip_end + reach);
  std::vector<double> around;
  around.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k) {
    if (k < left || k >= skip_end)
      around.push_back(v[k]);
  }
  wd.local_ratio = deflection / std::max(robust_sd_of(std::move(around)), 1e-12);
  std::vector<double> diff(n - 1);
  for (std::size_t k = 0; k + 1 < n; ++k)
    diff[k] = v[k + 1] - v[k];
  const double slope_sd = std::max(robust_sd_of(std::move(diff)), 1e-12);
  double rise = 0.0;
  double fall = 0.0;
  for (std::size_t k = left + 1; k <= peak; ++k)
    rise = std::max(rise, y[k] - y[k - 1]);
  for (std::size_t k = peak + 1; k <= right; ++k)
    fall = std::max(fall, y[k - 1] - y[k]);
  wd.slope_ratio = std::min(rise, fall) / slope_sd;
  wd.similar = similar_half_waves(v, peak, p, fs);
  return wd;
}

}  // namespace eegtrack::detect::detail
