#include "eegtrack/features/spectral_features.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/band_power.hpp"
#include "spectrum_checks.hpp"

namespace eegtrack::features {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) {
  return denominator > 0.0 ? numerator / denominator : kNaN;
}

// Absolute power of the band with this name, or NaN when the caller's bands lack it.
double named_power(const std::vector<Band>& bands, const std::vector<double>& powers,
                   const char* name) {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].name == name)
      return powers[i];
  }
  return kNaN;
}

void check_fraction(double fraction) {
  if (!(fraction > 0.0 && fraction <= 1.0))
    throw std::invalid_argument("spectral_edge_frequency: fraction must be in (0, 1] " +
                                detail::value(fraction));
}

// The cumulative power over [low, high] that every spectral edge frequency reads: built once
// for SEF50, SEF90 and SEF95 of a spectrum. Nodes: the range edges (PSD interpolated there, as
// band_power does) and the grid bins strictly inside, so the cumulative sum ends exactly at
// band_power(low, high).
struct EdgeCurve {
  std::vector<double> x;
  std::vector<double> cumulative;

  EdgeCurve(std::span<const double> f, std::span<const double> psd, double low_hz, double high_hz) {
    const auto interp = [&](double at) {
      const std::size_t i = std::min<std::size_t>(
          static_cast<std::size_t>(std::upper_bound(f.begin(), f.end(), at) - f.begin()),
          f.size() - 1);
      const std::size_t j = i == 0 ? 0 : i - 1;
      if (j + 1 >= f.size())
        return psd[j];
      return psd[j] + (psd[j + 1] - psd[j]) * (at - f[j]) / (f[j + 1] - f[j]);
    };
    std::vector<double> y{interp(low_hz)};
    x.push_back(low_hz);
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f[i] > low_hz && f[i] < high_hz) {
        x.push_back(f[i]);
        y.push_back(psd[i]);
      }
    }
    x.push_back(high_hz);
    y.push_back(interp(high_hz));
    cumulative.assign(x.size(), 0.0);
    for (std::size_t i = 1; i < x.size(); ++i)
      cumulative[i] = cumulative[i - 1] + 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
  }
};

double edge_at(const EdgeCurve& curve, double fraction) {
  const auto& x = curve.x;
  const auto& cumulative = curve.cumulative;
  const double total = cumulative.back();
  if (!(total > 0.0))
    return kNaN;
  const double target = fraction * total;
  const std::size_t i = static_cast<std::size_t>(
      std::lower_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin());
  if (i == 0)
    return x.front();
  const double step = cumulative[i] - cumulative[i - 1];
  const double t = step > 0.0 ? (target - cumulative[i - 1]) / step : 0.0;
  return x[i - 1] + t * (x[i] - x[i - 1]);
}

void validate(std::span<const double> f, std::span<const double> psd, const SpectralParams& p) {
  constexpr const char* fn = "spectral_features";
  detail::check_spectrum(fn, f, psd);
  if (p.bands.empty())
    throw std::invalid_argument("spectral_features: no bands (0)");
  for (const auto& band : p.bands)
    detail::check_range(fn, f, band.low_hz, band.high_hz);
  detail::check_range(fn, f, p.total_low_hz, p.total_high_hz);
  detail::check_range(fn, f, p.edge_low_hz, p.edge_high_hz);
  detail::check_range(fn, f, p.entropy_low_hz, p.entropy_high_hz);
  detail::check_range(fn, f, p.peak_low_hz, p.peak_high_hz);
}

}  // namespace

SpectralFeatures spectral_features(std::span<const double> frequencies_hz,
                                   std::span<const double> psd_uv2_per_hz,
                                   const SpectralParams& p) {
  validate(frequencies_hz, psd_uv2_per_hz, p);
  const auto& f = frequencies_hz;
  const auto& psd = psd_uv2_per_hz;
  SpectralFeatures out;
  out.total_power_uv2 = dsp::band_power(f, psd, p.total_low_hz, p.total_high_hz);
  out.rms_uv = std::sqrt(std::max(0.0, out.total_power_uv2));
  for (const auto& band : p.bands) {
    const double power = dsp::band_power(f, psd, band.low_hz, band.high_hz);
    out.absolute_uv2.push_back(power);
    out.relative.push_back(ratio(power, out.total_power_uv2));
  }
  const double delta = named_power(p.bands, out.absolute_uv2, "delta");
  const double theta = named_power(p.bands, out.absolute_uv2, "theta");
  const double alpha = named_power(p.bands, out.absolute_uv2, "alpha");
  const double beta = named_power(p.bands, out.absolute_uv2, "beta");
  out.delta_alpha_ratio = ratio(delta, alpha);
  out.theta_alpha_ratio = ratio(theta, alpha);
  out.dtabr = ratio(delta + theta, alpha + beta);
  const EdgeCurve edge(f, psd, p.edge_low_hz, p.edge_high_hz);  // checked by validate
  out.sef50_hz = edge_at(edge, 0.50);
  out.sef90_hz = edge_at(edge, 0.90);
  out.sef95_hz = edge_at(edge, 0.95);
  out.peak_frequency_hz = peak_frequency(f, psd, p.peak_low_hz, p.peak_high_hz);
  out.spectral_entropy = spectral_entropy(f, psd, p.entropy_low_hz, p.entropy_high_hz);
  return out;
}

double spectral_edge_frequency(std::span<const double> frequencies_hz,
                               std::span<const double> psd_uv2_per_hz, double fraction,
                               double low_hz, double high_hz) {
  constexpr const char* fn = "spectral_edge_frequency";
  detail::check_spectrum(fn, frequencies_hz, psd_uv2_per_hz);
  detail::check_range(fn, frequencies_hz, low_hz, high_hz);
  check_fraction(fraction);
  return edge_at(EdgeCurve(frequencies_hz, psd_uv2_per_hz, low_hz, high_hz), fraction);
}

double spectral_entropy(std::span<const double> frequencies_hz,
                        std::span<const double> psd_uv2_per_hz, double low_hz, double high_hz) {
  constexpr const char* fn = "spectral_entropy";
  detail::check_spectrum(fn, frequencies_hz, psd_uv2_per_hz);
  detail::check_range(fn, frequencies_hz, low_hz, high_hz);
  const auto bins = detail::bins_in(frequencies_hz, low_hz, high_hz);
  if (bins.size() < 2)
    throw std::invalid_argument("spectral_entropy: range holds fewer than 2 bins (" +
                                std::to_string(bins.size()) + ")");
  double sum = 0.0;
  for (std::size_t i = bins.first; i < bins.last; ++i)
    sum += std::max(0.0, psd_uv2_per_hz[i]);
  if (!(sum > 0.0))
    return kNaN;
  double entropy = 0.0;
  for (std::size_t i = bins.first; i < bins.last; ++i) {
    const double q = std::max(0.0, psd_uv2_per_hz[i]) / sum;
    if (q > 0.0)
      entropy -= q * std::log(q);
  }
  return entropy / std::log(static_cast<double>(bins.size()));
}

double peak_frequency(std::span<const double> frequencies_hz,
                      std::span<const double> psd_uv2_per_hz, double low_hz, double high_hz) {
  constexpr const char* fn = "peak_frequency";
  detail::check_spectrum(fn, frequencies_hz, psd_uv2_per_hz);
  detail::check_range(fn, frequencies_hz, low_hz, high_hz);
  const auto bins = detail::bins_in(frequencies_hz, low_hz, high_hz);
  if (bins.size() < 2)
    throw std::invalid_argument("peak_frequency: range holds fewer than 2 bins (" +
                                std::to_string(bins.size()) + ")");
  const auto& f = frequencies_hz;
  const auto& psd = psd_uv2_per_hz;
  const std::size_t k = static_cast<std::size_t>(
      std::max_element(psd.begin() + bins.first, psd.begin() + bins.last) - psd.begin());
  if (k == 0 || k + 1 >= f.size() || !(psd[k - 1] > 0.0 && psd[k + 1] > 0.0))
    return f[k];
  const double a = std::log10(psd[k - 1]);
  const double b = std::log10(psd[k]);
  const double c = std::log10(psd[k + 1]);
  const double curvature = a - 2.0 * b + c;
  if (!(curvature < 0.0) || b < a || b < c)
    return f[k];
  // Vertex of the parabola through three equally spaced points (offset in bins, |.| <= 0.5).
  const double offset = 0.5 * (a - c) / curvature;
  return std::clamp(f[k] + offset * (f[k + 1] - f[k]), low_hz, high_hz);
}

}  // namespace eegtrack::features
