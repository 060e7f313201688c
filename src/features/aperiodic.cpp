#include "eegtrack/features/aperiodic.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/robust_stats.hpp"
#include "spectrum_checks.hpp"

namespace eegtrack::features {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Line {
  double intercept = 0.0;
  double slope = 0.0;
};

// Ordinary least squares y = intercept + slope * x over the points with keep[i] (every point
// when keep is null). The mask is a byte per point: fit_aperiodic runs for every channel of
// every epoch, and std::vector<bool>'s bit lookups and allocations were most of its time.
Line least_squares(std::span<const double> x, std::span<const double> y,
                   const unsigned char* keep) {
  double n = 0.0, sx = 0.0, sy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (keep == nullptr || keep[i] != 0) {
      n += 1.0;
      sx += x[i];
      sy += y[i];
    }
  }
  const double mx = sx / n;
  const double my = sy / n;
  double sxx = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (keep == nullptr || keep[i] != 0) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
  }
  const double slope = sxx > 0.0 ? sxy / sxx : 0.0;
  return {my - slope * mx, slope};
}

struct Quality {
  double r_squared = 0.0;
  double mean_abs_error = 0.0;
};

// Coefficient of determination and mean absolute residual of the line over the kept points
// (every point when keep is null).
Quality quality(std::span<const double> x, std::span<const double> y, const Line& line,
                const unsigned char* keep) {
  double n = 0.0, mean = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (keep == nullptr || keep[i] != 0) {
      n += 1.0;
      mean += y[i];
    }
  }
  mean /= n;
  double ss_res = 0.0, ss_tot = 0.0, abs_err = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (keep != nullptr && keep[i] == 0)
      continue;
    const double r = y[i] - (line.intercept + line.slope * x[i]);
    ss_res += r * r;
    ss_tot += (y[i] - mean) * (y[i] - mean);
    abs_err += std::abs(r);
  }
  // A perfectly flat spectrum has no variance to explain: R² is 1 only if the fit is exact.
  const double r2 = ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : (ss_res == 0.0 ? 1.0 : 0.0);
  return {r2, abs_err / n};
}

// log10 of the fitted bins' frequencies, computed again only when they change: every epoch of
// a recording has the same frequency grid.
std::span<const double> log10_frequencies(std::span<const double> f) {
  thread_local std::vector<double> cached_hz;
  thread_local std::vector<double> logs;
  if (!std::equal(f.begin(), f.end(), cached_hz.begin(), cached_hz.end())) {
    cached_hz.assign(f.begin(), f.end());
    logs.resize(f.size());
    for (std::size_t i = 0; i < f.size(); ++i)
      logs[i] = std::log10(f[i]);
  }
  return logs;
}

void validate(std::span<const double> f, std::span<const double> psd, const AperiodicParams& p) {
  detail::check_spectrum("fit_aperiodic", f, psd);
  if (!(p.robust_percentile >= 0.0 && p.robust_percentile <= 100.0))
    throw std::invalid_argument("fit_aperiodic: robust_percentile must be in [0, 100] " +
                                detail::value(p.robust_percentile));
  if (!std::isfinite(p.min_r_squared))
    throw std::invalid_argument("fit_aperiodic: min_r_squared must be finite " +
                                detail::value(p.min_r_squared));
}

}  // namespace

AperiodicFit fit_aperiodic(std::span<const double> frequencies_hz,
                           std::span<const double> psd_uv2_per_hz, const AperiodicParams& p) {
  validate(frequencies_hz, psd_uv2_per_hz, p);
  AperiodicFit fit;
  const auto first_positive = std::upper_bound(frequencies_hz.begin(), frequencies_hz.end(), 0.0);
  fit.low_hz =
      first_positive == frequencies_hz.end() ? p.low_hz : std::max(p.low_hz, *first_positive);
  fit.high_hz = std::min(p.high_hz, frequencies_hz.back());
  const auto bins = fit.low_hz < fit.high_hz
                        ? detail::bins_in(frequencies_hz, fit.low_hz, fit.high_hz)
                        : detail::BinRange{};
  if (bins.size() < 3) {
    throw std::invalid_argument("fit_aperiodic: fit range holds fewer than 3 bins (" +
                                std::to_string(bins.size()) + " in " + std::to_string(p.low_hz) +
                                "-" + std::to_string(p.high_hz) + " Hz)");
  }
  fit.n_bins = bins.size();
  const std::size_t n = bins.size();
  thread_local std::vector<double> y;
  thread_local std::vector<double> flat;
  thread_local std::vector<unsigned char> keep;
  y.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double power = psd_uv2_per_hz[bins.first + i];
    if (!(power > 0.0)) {
      fit.offset_log10 = fit.exponent = kNaN;
      fit.r_squared = fit.floor_r_squared = fit.mean_abs_error_log10 = kNaN;
      return fit;
    }
    y[i] = std::log10(power);
  }
  const std::span<const double> x = log10_frequencies(frequencies_hz.subspan(bins.first, n));
  const Line initial = least_squares(x, y, nullptr);
  flat.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    flat[i] = std::max(0.0, y[i] - (initial.intercept + initial.slope * x[i]));
  // numpy.percentile's default ('linear') rule, as dsp::quantile forms it.
  const double threshold = dsp::quantile(flat, p.robust_percentile / 100.0);
  keep.resize(n);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    keep[i] = flat[i] <= threshold ? 1 : 0;
    kept += keep[i];
  }
  // With fewer than two points the refit is undetermined; keep the initial line then.
  const Line line = kept >= 2 ? least_squares(x, y, keep.data()) : initial;
  fit.offset_log10 = line.intercept;
  fit.exponent = -line.slope;
  fit.n_floor_bins = kept >= 2 ? kept : n;
  const Quality all = quality(x, y, line, nullptr);
  const Quality floor = quality(x, y, line, kept >= 2 ? keep.data() : nullptr);
  fit.r_squared = all.r_squared;
  fit.mean_abs_error_log10 = all.mean_abs_error;
  fit.floor_r_squared = floor.r_squared;
  fit.valid = fit.floor_r_squared >= p.min_r_squared;
  return fit;
}

double aperiodic_log10_psd(const AperiodicFit& fit, double f_hz) {
  if (!(f_hz > 0.0))
    throw std::invalid_argument("aperiodic_log10_psd: frequency must be > 0 " +
                                detail::value(f_hz));
  return fit.offset_log10 - fit.exponent * std::log10(f_hz);
}

}  // namespace eegtrack::features
