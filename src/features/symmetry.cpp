#include "eegtrack/features/symmetry.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/band_power.hpp"
#include "spectrum_checks.hpp"

namespace eegtrack::features {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> row(const Eigen::Ref<const Eigen::MatrixXd>& m, std::size_t r) {
  std::vector<double> out(static_cast<std::size_t>(m.cols()));
  for (Eigen::Index c = 0; c < m.cols(); ++c)
    out[static_cast<std::size_t>(c)] = m(static_cast<Eigen::Index>(r), c);
  return out;
}

// Mean PSD of the channels on `side` (optionally only in `region`); empty when none.
std::vector<double> mean_psd(const Eigen::Ref<const Eigen::MatrixXd>& psd,
                             std::span<const sites::ElectrodeSite> sites, sites::Side side,
                             const sites::Region* region, std::size_t* count) {
  std::vector<double> sum(static_cast<std::size_t>(psd.cols()), 0.0);
  std::size_t n = 0;
  for (std::size_t r = 0; r < sites.size(); ++r) {
    if (sites[r].side != side || (region && sites[r].region != *region))
      continue;
    for (std::size_t c = 0; c < sum.size(); ++c)
      sum[c] += psd(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    ++n;
  }
  if (count)
    *count = n;
  if (n == 0)
    return {};
  for (double& v : sum)
    v /= static_cast<double>(n);
  return sum;
}

double signed_index(double right, double left) {
  return right + left > 0.0 ? (right - left) / (right + left) : kNaN;
}

std::vector<double> band_powers_of(std::span<const double> f, const std::vector<double>& psd,
                                   const std::vector<Band>& bands) {
  std::vector<double> out;
  for (const auto& band : bands)
    out.push_back(dsp::band_power(f, psd, band.low_hz, band.high_hz));
  return out;
}

double named_sum(const std::vector<Band>& bands, const std::vector<double>& powers) {
  double sum = 0.0;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].name == "delta" || bands[i].name == "theta")
      sum += powers[i];
  }
  return sum;
}

void validate(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& psd,
              std::span<const sites::ElectrodeSite> sites, const SymmetryParams& p) {
  constexpr const char* fn = "brain_symmetry";
  if (sites.size() != static_cast<std::size_t>(psd.rows()))
    throw std::invalid_argument("brain_symmetry: sites and PSD rows differ (" +
                                std::to_string(sites.size()) + " vs " + std::to_string(psd.rows()) +
                                ")");
  if (static_cast<std::size_t>(psd.cols()) != f.size())
    throw std::invalid_argument("brain_symmetry: frequency and PSD sizes differ (" +
                                std::to_string(f.size()) + " vs " + std::to_string(psd.cols()) +
                                ")");
  detail::check_spectrum(fn, f, f);
  detail::check_range(fn, f, p.bsi_low_hz, p.bsi_high_hz);
  for (const auto& band : p.bands)
    detail::check_range(fn, f, band.low_hz, band.high_hz);
}

// pdBSI over the homologous pairs (right channel -> left channel named in `homologous`).
void pairwise_bsi(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& psd,
                  std::span<const sites::ElectrodeSite> sites, const SymmetryParams& p,
                  SymmetryResult& out) {
  out.pdbsi = 0.0;
  out.pdbsi_per_band.assign(p.bands.size(), 0.0);
  for (std::size_t r = 0; r < sites.size(); ++r) {
    if (sites[r].side != sites::Side::Right || sites[r].homologous.empty())
      continue;
    for (std::size_t l = 0; l < sites.size(); ++l) {
      if (sites[l].side != sites::Side::Left || sites[l].name != sites[r].homologous)
        continue;
      const auto right = row(psd, r);
      const auto left = row(psd, l);
      out.pairs.push_back({sites[r].name, sites[l].name, sites[r].region,
                           signed_index(named_sum(p.bands, band_powers_of(f, right, p.bands)),
                                        named_sum(p.bands, band_powers_of(f, left, p.bands)))});
      out.pdbsi += revised_bsi(f, right, left, p.bsi_low_hz, p.bsi_high_hz);
      for (std::size_t b = 0; b < p.bands.size(); ++b)
        out.pdbsi_per_band[b] +=
            revised_bsi(f, right, left, p.bands[b].low_hz, p.bands[b].high_hz, true);
      ++out.n_pairs;
      break;
    }
  }
  const double n = static_cast<double>(out.n_pairs);
  out.pdbsi = out.n_pairs ? out.pdbsi / n : kNaN;
  for (double& v : out.pdbsi_per_band)
    v = out.n_pairs ? v / n : kNaN;
}

void regional(std::span<const double> f, const Eigen::Ref<const Eigen::MatrixXd>& psd,
              std::span<const sites::ElectrodeSite> sites, const SymmetryParams& p,
              SymmetryResult& out) {
  for (const sites::Region region :
       {sites::Region::Frontal, sites::Region::Central, sites::Region::Temporal,
        sites::Region::Parietal, sites::Region::Occipital}) {
    RegionAsymmetry r;
    r.region = region;
    const auto left = mean_psd(psd, sites, sites::Side::Left, &region, &r.n_left);
    const auto right = mean_psd(psd, sites, sites::Side::Right, &region, &r.n_right);
    if (left.empty() || right.empty())
      continue;
    r.left_uv2 = band_powers_of(f, left, p.bands);
    r.right_uv2 = band_powers_of(f, right, p.bands);
    for (std::size_t b = 0; b < p.bands.size(); ++b)
      r.signed_index.push_back(signed_index(r.right_uv2[b], r.left_uv2[b]));
    r.slow_signed_index =
        signed_index(named_sum(p.bands, r.right_uv2), named_sum(p.bands, r.left_uv2));
    out.regions.push_back(std::move(r));
  }
}

}  // namespace

double revised_bsi(std::span<const double> frequencies_hz, std::span<const double> right_psd,
                   std::span<const double> left_psd, double low_hz, double high_hz,
                   bool half_open) {
  constexpr const char* fn = "revised_bsi";
  detail::check_spectrum(fn, frequencies_hz, right_psd);
  detail::check_spectrum(fn, frequencies_hz, left_psd);
  detail::check_range(fn, frequencies_hz, low_hz, high_hz);
  auto bins = detail::bins_in(frequencies_hz, low_hz, high_hz);
  if (half_open && bins.last > bins.first && frequencies_hz[bins.last - 1] >= high_hz)
    --bins.last;
  if (bins.size() == 0)
    throw std::invalid_argument("revised_bsi: range holds no bin (" + std::to_string(low_hz) + "-" +
                                std::to_string(high_hz) + " Hz)");
  double sum = 0.0;
  for (std::size_t i = bins.first; i < bins.last; ++i) {
    const double total = right_psd[i] + left_psd[i];
    if (total > 0.0)
      sum += std::abs((right_psd[i] - left_psd[i]) / total);
  }
  return sum / static_cast<double>(bins.size());
}

SymmetryResult brain_symmetry(std::span<const double> frequencies_hz,
                              Eigen::Ref<const Eigen::MatrixXd> psd_uv2_per_hz,
                              std::span<const sites::ElectrodeSite> sites,
                              const SymmetryParams& p) {
  validate(frequencies_hz, psd_uv2_per_hz, sites, p);
  const auto& f = frequencies_hz;
  const auto left = mean_psd(psd_uv2_per_hz, sites, sites::Side::Left, nullptr, nullptr);
  const auto right = mean_psd(psd_uv2_per_hz, sites, sites::Side::Right, nullptr, nullptr);
  if (left.empty() || right.empty())
    throw std::invalid_argument("brain_symmetry: need left and right channels (" +
                                std::to_string(left.empty() ? 0 : 1) + " left side, " +
                                std::to_string(right.empty() ? 0 : 1) + " right side)");
  SymmetryResult out;
  out.bsi = revised_bsi(f, right, left, p.bsi_low_hz, p.bsi_high_hz);
  const auto left_bands = band_powers_of(f, left, p.bands);
  const auto right_bands = band_powers_of(f, right, p.bands);
  for (std::size_t b = 0; b < p.bands.size(); ++b) {
    out.bsi_per_band.push_back(
        revised_bsi(f, right, left, p.bands[b].low_hz, p.bands[b].high_hz, true));
    out.signed_index_per_band.push_back(signed_index(right_bands[b], left_bands[b]));
  }
  pairwise_bsi(f, psd_uv2_per_hz, sites, p, out);
  regional(f, psd_uv2_per_hz, sites, p, out);
  return out;
}

}  // namespace eegtrack::features
