#include "eegtrack/features/aperiodic.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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

// Ordinary least squares y = intercept + slope * x over the points with keep[i].
Line least_squares(const std::vector<double>& x, const std::vector<double>& y,
                   const std::vector<bool>& keep) {
  double n = 0.0, sx = 0.0, sy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (keep[i]) {
      n += 1.0;
      sx += x[i];
      sy += y[i];
    }
  }
  const double mx = sx / n;
  const double my = sy / n;
  double sxx = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (keep[i]) {
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

// Coefficient of determination and mean absolute residual of the line over the kept points.
Quality quality(const std::vector<double>& x, const std::vector<double>& y, const Line& line,
                const std::vector<bool>& keep) {
  double n = 0.0, mean = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (keep[i]) {
      n += 1.0;
      mean += y[i];
    }
  }
  mean /= n;
  double ss_res = 0.0, ss_tot = 0.0, abs_err = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!keep[i])
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
  std::vector<double> x, y;
  for (std::size_t i = bins.first; i < bins.last; ++i) {
    if (!(psd_uv2_per_hz[i] > 0.0)) {
      fit.offset_log10 = fit.exponent = kNaN;
      fit.r_squared = fit.floor_r_squared = fit.mean_abs_error_log10 = kNaN;
      return fit;
    }
    x.push_back(std::log10(frequencies_hz[i]));
    y.push_back(std::log10(psd_uv2_per_hz[i]));
  }
  const Line initial = least_squares(x, y, std::vector<bool>(x.size(), true));
  std::vector<double> flat(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    flat[i] = std::max(0.0, y[i] - (initial.intercept + initial.slope * x[i]));
  // numpy.percentile's default ('linear') rule, as dsp::quantile forms it.
  const double threshold = dsp::quantile(flat, p.robust_percentile / 100.0);
  std::vector<bool> keep(x.size());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    keep[i] = flat[i] <= threshold;
    kept += keep[i] ? 1 : 0;
  }
  // With fewer than two points the refit is undetermined; keep the initial line then.
  const Line line = kept >= 2 ? least_squares(x, y, keep) : initial;
  fit.offset_log10 = line.intercept;
  fit.exponent = -line.slope;
  fit.n_floor_bins = kept >= 2 ? kept : x.size();
  const Quality all = quality(x, y, line, std::vector<bool>(x.size(), true));
  const Quality floor = quality(x, y, line, kept >= 2 ? keep : std::vector<bool>(x.size(), true));
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
