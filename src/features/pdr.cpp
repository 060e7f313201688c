#include "eegtrack/features/pdr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/band_power.hpp"
#include "spectrum_checks.hpp"

namespace eegtrack::features {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Peak {
  bool found = false;  ///< a local maximum of the flattened spectrum lies in the search range
  double frequency_hz = kNaN;
  double height_log10 = kNaN;
  AperiodicFit fit{};
  bool slower_dominates = false;  ///< a taller peak lies in [dominance_low_hz, search_low_hz)
};

// Mean of the rows whose side passes `wanted` (all rows when wanted is empty); empty if none.
std::vector<double> mean_rows(const Eigen::Ref<const Eigen::MatrixXd>& psd,
                              std::span<const sites::Side> sides,
                              std::optional<sites::Side> wanted) {
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(psd.cols());
  int n = 0;
  for (Eigen::Index r = 0; r < psd.rows(); ++r) {
    if (wanted && sides[static_cast<std::size_t>(r)] != *wanted)
      continue;
    sum += psd.row(r).transpose();
    ++n;
  }
  if (n == 0)
    return {};
  sum /= n;
  return {sum.data(), sum.data() + sum.size()};
}

// Vertex offset (in bins, within ±0.5) of the parabola through (-1, a), (0, b), (1, c), or
// nullopt when b is not a strict maximum of a concave parabola.
std::optional<double> vertex(double a, double b, double c) {
  const double curvature = a - 2.0 * b + c;
  if (!(curvature < 0.0) || b < a || b < c)
    return std::nullopt;
  return 0.5 * (a - c) / curvature;
}

Peak find_peak(std::span<const double> f, const std::vector<double>& psd, const PdrParams& p) {
  Peak peak;
  peak.fit = fit_aperiodic(f, psd, p.aperiodic);
  if (std::isnan(peak.fit.exponent))
    return peak;
  const auto flat = [&](std::size_t i) {
    return std::log10(psd[i]) - aperiodic_log10_psd(peak.fit, f[i]);
  };
  // Scan from the lower of the two limits so a taller, slower rhythm can veto the PDR.
  const auto bins =
      detail::bins_in(f, std::min(p.dominance_low_hz, p.search_low_hz), p.search_high_hz);
  std::size_t best = 0;
  double slower_height = -std::numeric_limits<double>::infinity();
  for (std::size_t i = std::max<std::size_t>(bins.first, 1); i < bins.last && i + 1 < f.size();
       ++i) {
    if (!(f[i - 1] > 0.0 && psd[i - 1] > 0.0 && psd[i] > 0.0 && psd[i + 1] > 0.0))
      continue;
    const double h = flat(i);
    if (!(h > flat(i - 1) && h >= flat(i + 1)))
      continue;
    if (f[i] < p.search_low_hz) {
      slower_height = std::max(slower_height, h);
    } else if (!peak.found || h > peak.height_log10) {
      peak.found = true;
      peak.height_log10 = h;
      best = i;
    }
  }
  peak.slower_dominates = peak.found && slower_height > peak.height_log10;
  if (!peak.found)
    return peak;
  // Refine on the flattened log power: on raw log power the aperiodic slope drags the vertex
  // toward lower frequencies (0.1-0.15 Hz for a 1/f^1.3 background, see the tests).
  const auto offset = vertex(flat(best - 1), flat(best), flat(best + 1));
  peak.frequency_hz = f[best] + offset.value_or(0.0) * (f[best + 1] - f[best]);
  return peak;
}

void validate(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& psd,
              std::span<const sites::Side> sides, const PdrParams& p) {
  constexpr const char* fn = "posterior_dominant_rhythm";
  if (psd.rows() == 0)
    throw std::invalid_argument("posterior_dominant_rhythm: no channels (0)");
  if (sides.size() != static_cast<std::size_t>(psd.rows()))
    throw std::invalid_argument("posterior_dominant_rhythm: sides and PSD rows differ (" +
                                std::to_string(sides.size()) + " vs " + std::to_string(psd.rows()) +
                                ")");
  if (static_cast<std::size_t>(psd.cols()) != f.size())
    throw std::invalid_argument("posterior_dominant_rhythm: frequency and PSD sizes differ (" +
                                std::to_string(f.size()) + " vs " + std::to_string(psd.cols()) +
                                ")");
  detail::check_spectrum(fn, f, f);
  detail::check_range(fn, f, p.search_low_hz, p.search_high_hz);
  if (!(p.dominance_low_hz > 0.0))
    throw std::invalid_argument("posterior_dominant_rhythm: dominance_low_hz must be > 0 " +
                                detail::value(p.dominance_low_hz));
  for (const double v : {p.min_peak_height_log10, p.full_confidence_height_log10,
                         p.power_half_width_hz, p.max_side_difference_hz}) {
    if (!(v > 0.0))
      throw std::invalid_argument("posterior_dominant_rhythm: thresholds must be > 0 " +
                                  detail::value(v));
  }
}

// Frequency of a side's own peak, NaN if the side has no channel or no peak above threshold.
double side_frequency(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& psd,
                      std::span<const sites::Side> sides, sites::Side side, const PdrParams& p) {
  const auto mean = mean_rows(psd, sides, side);
  if (mean.empty())
    return kNaN;
  const Peak peak = find_peak(f, mean, p);
  return peak.found && !peak.slower_dominates && peak.height_log10 >= p.min_peak_height_log10
             ? peak.frequency_hz
             : kNaN;
}

}  // namespace

PdrResult posterior_dominant_rhythm(std::span<const double> frequencies_hz,
                                    Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
                                    std::span<const sites::Side> sides, const PdrParams& p) {
  validate(frequencies_hz, psd_uv2_per_hz, sides, p);
  const auto& f = frequencies_hz;
  const auto mean = mean_rows(psd_uv2_per_hz, sides, std::nullopt);
  const Peak peak = find_peak(f, mean, p);
  PdrResult out;
  out.aperiodic = peak.fit;
  out.peak_height_log10 = peak.height_log10;
  out.left_frequency_hz = side_frequency(f, psd_uv2_per_hz, sides, sites::Side::Left, p);
  out.right_frequency_hz = side_frequency(f, psd_uv2_per_hz, sides, sites::Side::Right, p);
  out.slower_rhythm_dominates = peak.slower_dominates;
  out.present =
      peak.found && !peak.slower_dominates && peak.height_log10 >= p.min_peak_height_log10;
  if (!out.present) {
    out.frequency_hz = out.power_uv2 = kNaN;
    return out;
  }
  out.frequency_hz = peak.frequency_hz;
  const double lo = std::max(f.front(), out.frequency_hz - p.power_half_width_hz);
  const double hi = std::min(f.back(), out.frequency_hz + p.power_half_width_hz);
  out.power_uv2 = dsp::band_power(f, mean, lo, hi);
  const bool has_left = std::find(sides.begin(), sides.end(), sites::Side::Left) != sides.end();
  const bool has_right = std::find(sides.begin(), sides.end(), sites::Side::Right) != sides.end();
  double agreement = 1.0;
  if (has_left && has_right) {
    const double diff = std::abs(out.left_frequency_hz - out.right_frequency_hz);
    agreement =
        std::isnan(diff) ? 0.0 : std::clamp(1.0 - diff / p.max_side_difference_hz, 0.0, 1.0);
  }
  const double prominence =
      std::clamp(peak.height_log10 / p.full_confidence_height_log10, 0.0, 1.0);
  out.confidence = prominence * (0.5 + 0.5 * agreement);
  return out;
}

}  // namespace eegtrack::features
