#include "eegtrack/features/pdr.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <sstream>
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
  double prominence_log10 = kNaN;  ///< of the chosen candidate (see local_prominence)
  AperiodicFit fit{};
  bool slower_dominates =
      false;  ///< a more prominent peak lies in [dominance_low_hz, search_low_hz)
};

// How far the flattened spectrum `flat` falls from bin i on its lower side within window_hz,
// or on its higher side, whichever falls less: a shoulder (a spectrum that is high up to an
// edge and drops beyond it) falls on one side only and has little prominence.
template <class Flat>
double local_prominence(std::span<const double> f, std::size_t i, double window_hz,
                        const Flat& flat) {
  double low_min = flat(i);
  for (std::size_t j = i; j-- > 0 && f[j] > 0.0 && f[j] >= f[i] - window_hz;)
    low_min = std::min(low_min, flat(j));
  double high_min = flat(i);
  for (std::size_t j = i + 1; j < f.size() && f[j] <= f[i] + window_hz; ++j)
    high_min = std::min(high_min, flat(j));
  return flat(i) - std::max(low_min, high_min);
}

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
    return psd[i] > 0.0 ? std::log10(psd[i]) - aperiodic_log10_psd(peak.fit, f[i])
                        : -std::numeric_limits<double>::infinity();
  };
  // Scan from the lower of the two limits so a slower rhythm can veto the PDR.
  const auto bins =
      detail::bins_in(f, std::min(p.dominance_low_hz, p.search_low_hz), p.search_high_hz);
  struct Candidate {
    std::size_t bin;
    double height;
    double prominence;
  };
  std::vector<Candidate> candidates;  // in frequency order
  for (std::size_t i = std::max<std::size_t>(bins.first, 1); i < bins.last && i + 1 < f.size();
       ++i) {
    if (!(f[i - 1] > 0.0 && psd[i - 1] > 0.0 && psd[i] > 0.0 && psd[i + 1] > 0.0))
      continue;
    const double h = flat(i);
    if (!(h > flat(i - 1) && h >= flat(i + 1)))
      continue;
    // Only peaks count, on either side of search_low_hz: a shoulder is neither a rhythm nor
    // a slower rhythm that could veto one.
    const double prominence = local_prominence(f, i, p.prominence_window_hz, flat);
    if (prominence >= p.min_local_prominence_log10)
      candidates.push_back({i, h, prominence});
  }
  // The tallest peak in the search range, unless a slower peak is more prominent: where the
  // spectrum is cut (a low-pass edge, beta that stops) the aperiodic fit tilts and the levels
  // below the cut, harmonics included, stand high above it, while prominence stays local. A
  // more prominent slower peak is the rhythm; below search_low_hz it vetoes the PDR.
  const Candidate* best = nullptr;
  for (const auto& c : candidates)
    if (f[c.bin] >= p.search_low_hz && (best == nullptr || c.height > best->height))
      best = &c;
  if (best == nullptr)
    return peak;
  for (const auto& c : candidates)
    if (c.bin < best->bin && c.prominence > best->prominence)
      best = &c;
  peak.found = true;
  peak.height_log10 = best->height;
  peak.prominence_log10 = best->prominence;
  peak.slower_dominates = f[best->bin] < p.search_low_hz;
  if (peak.slower_dominates)
    return peak;
  const std::size_t bin = best->bin;
  // Refine on the flattened log power: on raw log power the aperiodic slope drags the vertex
  // toward lower frequencies (0.1-0.15 Hz for a 1/f^1.3 background, see the tests).
  const auto offset = vertex(flat(bin - 1), flat(bin), flat(bin + 1));
  peak.frequency_hz = f[bin] + offset.value_or(0.0) * (f[bin + 1] - f[bin]);
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
  if (!(p.min_local_prominence_log10 >= 0.0))
    throw std::invalid_argument(
        "posterior_dominant_rhythm: min_local_prominence_log10 must be >= 0 " +
        detail::value(p.min_local_prominence_log10));
  if (!std::isfinite(p.min_posterior_predominance_log10))
    throw std::invalid_argument(
        "posterior_dominant_rhythm: min_posterior_predominance_log10 must be finite " +
        detail::value(p.min_posterior_predominance_log10));
  for (const double v : {p.min_peak_height_log10, p.full_confidence_height_log10,
                         p.power_half_width_hz, p.max_side_difference_hz, p.prominence_window_hz}) {
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

// Height of the anterior mean spectrum above its own aperiodic fit at frequency_hz (nearest
// bin), NaN when there is no anterior spectrum or its fit failed.
double anterior_height(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& anterior,
                       double frequency_hz, const PdrParams& p) {
  if (anterior.rows() == 0)
    return kNaN;
  const std::vector<sites::Side> midline(static_cast<std::size_t>(anterior.rows()),
                                         sites::Side::Midline);
  const auto mean = mean_rows(anterior, midline, std::nullopt);
  const AperiodicFit fit = fit_aperiodic(f, mean, p.aperiodic);
  const auto bin =
      static_cast<std::size_t>(std::lower_bound(f.begin(), f.end(), frequency_hz) - f.begin());
  std::size_t i = std::min(bin, f.size() - 1);
  if (i > 0 && frequency_hz - f[i - 1] < f[i] - frequency_hz)
    --i;
  if (std::isnan(fit.exponent) || !(mean[i] > 0.0))
    return kNaN;
  return std::log10(mean[i]) - aperiodic_log10_psd(fit, f[i]);
}

// x with 3 significant digits, for the absent_reason texts.
std::string number(double x) {
  std::ostringstream out;
  out << std::setprecision(3) << x;
  return out.str();
}

std::string absent_reason(const Peak& peak, const PdrParams& p) {
  if (std::isnan(peak.fit.exponent))
    return "no valid aperiodic fit of the posterior spectrum";
  if (!peak.found)
    return "no peak in " + number(p.search_low_hz) + "-" + number(p.search_high_hz) +
           " Hz stands out of the background (height and local prominence)";
  if (peak.slower_dominates)
    return "a slower rhythm dominates (taller peak below " + number(p.search_low_hz) + " Hz)";
  return "the best peak is " + number(peak.height_log10) +
         " log10 above the aperiodic fit, below the " + number(p.min_peak_height_log10) +
         " required";
}

}  // namespace

PdrResult posterior_dominant_rhythm(std::span<const double> frequencies_hz,
                                    Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
                                    std::span<const sites::Side> sides, const PdrParams& p,
                                    Eigen::Ref<const Eigen::MatrixXd> anterior_psd_uv2_per_hz) {
  validate(frequencies_hz, psd_uv2_per_hz, sides, p);
  if (anterior_psd_uv2_per_hz.rows() > 0 && anterior_psd_uv2_per_hz.cols() != psd_uv2_per_hz.cols())
    throw std::invalid_argument("posterior_dominant_rhythm: anterior and posterior PSDs have " +
                                std::to_string(anterior_psd_uv2_per_hz.cols()) + " and " +
                                std::to_string(psd_uv2_per_hz.cols()) + " frequencies");
  const auto& f = frequencies_hz;
  const auto mean = mean_rows(psd_uv2_per_hz, sides, std::nullopt);
  const Peak peak = find_peak(f, mean, p);
  PdrResult out;
  out.aperiodic = peak.fit;
  out.peak_height_log10 = peak.height_log10;
  out.left_frequency_hz = side_frequency(f, psd_uv2_per_hz, sides, sites::Side::Left, p);
  out.right_frequency_hz = side_frequency(f, psd_uv2_per_hz, sides, sites::Side::Right, p);
  out.slower_rhythm_dominates = peak.slower_dominates;
  out.local_prominence_log10 = peak.prominence_log10;
  out.posterior_predominance_log10 = kNaN;
  out.present =
      peak.found && !peak.slower_dominates && peak.height_log10 >= p.min_peak_height_log10;
  if (out.present) {
    out.posterior_predominance_log10 =
        peak.height_log10 - anterior_height(f, anterior_psd_uv2_per_hz, peak.frequency_hz, p);
    if (!std::isnan(out.posterior_predominance_log10) &&
        !(out.posterior_predominance_log10 > p.min_posterior_predominance_log10)) {
      out.present = false;
      out.absent_reason = "the " + number(peak.frequency_hz) +
                          " Hz peak is not posterior-predominant (posterior minus anterior "
                          "height " +
                          number(out.posterior_predominance_log10) + " log10)";
    }
  } else {
    out.absent_reason = absent_reason(peak, p);
  }
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
