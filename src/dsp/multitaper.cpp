#include "eegtrack/dsp/multitaper.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/dpss.hpp"
#include "eegtrack/dsp/fft.hpp"

namespace eegtrack::dsp {
namespace {

using Spectra = Eigen::MatrixXd;  // |X_k(f)|², tapers x freqs

struct Tapers {
  Eigen::MatrixXd windows;  // tapers x n
  Eigen::VectorXd eigvals;
};

void validate(std::size_t n, double fs, const MultitaperParams& p) {
  if (n < 2)
    throw std::invalid_argument("multitaper_psd: need at least 2 samples (" + std::to_string(n) +
                                ")");
  if (!(fs > 0.0) || !std::isfinite(fs))
    throw std::invalid_argument("multitaper_psd: sample rate must be > 0 (" + std::to_string(fs) +
                                ")");
  if (!(p.time_bandwidth >= 0.5)) {
    throw std::invalid_argument("multitaper_psd: time_bandwidth must be >= 0.5 (" +
                                std::to_string(p.time_bandwidth) + ")");
  }
  if (!(p.time_bandwidth < 0.5 * static_cast<double>(n))) {
    throw std::invalid_argument("multitaper_psd: time_bandwidth must be < n/2 (" +
                                std::to_string(p.time_bandwidth) + ")");
  }
  if (p.max_iter < 1)
    throw std::invalid_argument("multitaper_psd: max_iter must be >= 1 (" +
                                std::to_string(p.max_iter) + ")");
}

Tapers make_tapers(std::size_t n, const MultitaperParams& p) {
  const auto k_max = static_cast<std::size_t>(2.0 * p.time_bandwidth);
  Dpss d = dpss(n, p.time_bandwidth, k_max, true);
  std::vector<Eigen::Index> keep;
  for (std::size_t k = 0; k < k_max; ++k) {
    if (!p.low_bias || d.concentration_ratios[k] > 0.9)
      keep.push_back(static_cast<Eigen::Index>(k));
  }
  if (keep.empty()) {
    const auto best =
        std::max_element(d.concentration_ratios.begin(), d.concentration_ratios.end());
    keep.push_back(best - d.concentration_ratios.begin());
  }
  Tapers t{Eigen::MatrixXd(static_cast<Eigen::Index>(keep.size()), static_cast<Eigen::Index>(n)),
           Eigen::VectorXd(static_cast<Eigen::Index>(keep.size()))};
  for (std::size_t i = 0; i < keep.size(); ++i) {
    t.windows.row(static_cast<Eigen::Index>(i)) = d.tapers.row(keep[i]);
    t.eigvals(static_cast<Eigen::Index>(i)) =
        d.concentration_ratios[static_cast<std::size_t>(keep[i])];
  }
  return t;
}

/// |rfft(taper_k * (x - mean))|², with DC and even-n Nyquist halved (MNE divides those bins by
/// sqrt(2) so that the later doubling leaves them single).
Spectra eigenspectra(const double* x, std::ptrdiff_t stride, const Tapers& t) {
  const auto n = static_cast<std::size_t>(t.windows.cols());
  double sum = 0.0;
  std::vector<double> centred(n);
  for (std::size_t i = 0; i < n; ++i) {
    centred[i] = x[static_cast<std::ptrdiff_t>(i) * stride];
    sum += centred[i];
  }
  if (!std::isfinite(sum))
    throw std::invalid_argument("multitaper_psd: non-finite sample (sum " + std::to_string(sum) +
                                ")");
  const double mean = sum / static_cast<double>(n);
  for (double& v : centred)
    v -= mean;
  const std::size_t nf = n / 2 + 1;
  Spectra s(t.windows.rows(), static_cast<Eigen::Index>(nf));
  std::vector<double> tapered(n);
  std::vector<std::complex<double>> bins(nf);
  for (Eigen::Index k = 0; k < t.windows.rows(); ++k) {
    for (std::size_t i = 0; i < n; ++i)
      tapered[i] = centred[i] * t.windows(k, static_cast<Eigen::Index>(i));
    rfft(tapered, bins);
    for (std::size_t f = 0; f < nf; ++f)
      s(k, static_cast<Eigen::Index>(f)) = std::norm(bins[f]);
  }
  s.col(0) *= 0.5;
  if (n % 2 == 0)
    s.col(static_cast<Eigen::Index>(nf) - 1) *= 0.5;
  return s;
}

/// MNE's _psd_from_mt: 2 sum_k w_k² S_k / sum_k w_k², per frequency (weights tapers x freqs).
Eigen::RowVectorXd combine(const Spectra& s, const Eigen::MatrixXd& weights) {
  const Eigen::MatrixXd w2 = weights.array().square();
  return 2.0 * (w2.array() * s.array()).colwise().sum() / w2.array().colwise().sum();
}

/// Thomson's adaptive weights, iterated exactly as MNE's _psd_from_mt_adaptive.
Eigen::RowVectorXd adaptive(const Spectra& s, const Eigen::VectorXd& eig, int max_iter) {
  const Eigen::Index nf = s.cols();
  const Eigen::VectorXd rt = eig.array().sqrt();
  const Eigen::RowVectorXd est = combine(s, rt.replicate(1, nf));
  // np.trapz(est, dx=pi/nf) / (2 pi)
  const double dx = std::numbers::pi / static_cast<double>(nf);
  const double var = (est.sum() - 0.5 * (est(0) + est(nf - 1))) * dx / (2.0 * std::numbers::pi);
  Eigen::RowVectorXd psd = combine(s.topRows(2), rt.head(2).replicate(1, nf));
  Eigen::MatrixXd err = Eigen::MatrixXd::Zero(s.rows(), nf);
  Eigen::MatrixXd d(s.rows(), nf);
  for (int iter = 0; iter < max_iter; ++iter) {
    for (Eigen::Index k = 0; k < s.rows(); ++k) {
      d.row(k) = (psd.array() / (eig(k) * psd.array() + (1.0 - eig(k)) * var)) * rt(k);
    }
    err -= d;
    if (err.array().square().colwise().mean().maxCoeff() < 1e-10)
      break;
    psd = combine(s, d);
    err = d;
  }
  return psd;
}

void estimate(const double* x, std::ptrdiff_t stride, const Tapers& t, double fs,
              const MultitaperParams& p, double* out) {
  const Spectra s = eigenspectra(x, stride, t);
  const bool use_adaptive = p.weighting == MultitaperWeighting::Adaptive && t.eigvals.size() >= 3;
  Eigen::RowVectorXd psd =
      use_adaptive ? adaptive(s, t.eigvals, p.max_iter)
                   : combine(s, t.eigvals.array().sqrt().matrix().replicate(1, s.cols()));
  if (p.normalization == MultitaperNormalization::Full)
    psd /= fs;
  std::copy(psd.data(), psd.data() + psd.size(), out);
}

std::vector<double> frequencies(std::size_t n, double fs) {
  std::vector<double> f(n / 2 + 1);
  const double val = 1.0 / (static_cast<double>(n) * (1.0 / fs));
  for (std::size_t k = 0; k < f.size(); ++k)
    f[k] = static_cast<double>(k) * val;
  return f;
}

}  // namespace

Psd multitaper_psd(std::span<const double> x, double sample_rate_hz, const MultitaperParams& p) {
  validate(x.size(), sample_rate_hz, p);
  const Tapers t = make_tapers(x.size(), p);
  Psd out{frequencies(x.size(), sample_rate_hz), {}};
  out.psd_uv2_per_hz.resize(out.frequencies_hz.size());
  estimate(x.data(), 1, t, sample_rate_hz, p, out.psd_uv2_per_hz.data());
  return out;
}

PsdMatrix multitaper_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                         const MultitaperParams& p) {
  if (x.rows() == 0)
    throw std::invalid_argument("multitaper_psd: no channel (0 rows)");
  const auto n = static_cast<std::size_t>(x.cols());
  validate(n, sample_rate_hz, p);
  const Tapers t = make_tapers(n, p);
  PsdMatrix out{frequencies(n, sample_rate_hz), {}};
  const auto nf = static_cast<Eigen::Index>(out.frequencies_hz.size());
  out.psd_uv2_per_hz.resize(x.rows(), nf);
  std::vector<double> row(static_cast<std::size_t>(nf));
  for (Eigen::Index c = 0; c < x.rows(); ++c) {
    estimate(x.data() + c, x.outerStride(), t, sample_rate_hz, p, row.data());
    out.psd_uv2_per_hz.row(c) = Eigen::Map<const Eigen::RowVectorXd>(row.data(), nf);
  }
  return out;
}

EpochPsd epoch_multitaper_psd(Eigen::Ref<const Eigen::MatrixXd> x, double sample_rate_hz,
                              double epoch_s, const MultitaperParams& p) {
  if (x.rows() == 0)
    throw std::invalid_argument("epoch_multitaper_psd: no channel (0 rows)");
  const double epoch_samples = std::round(epoch_s * sample_rate_hz);
  if (!(epoch_samples >= 2.0) || epoch_samples > static_cast<double>(x.cols())) {
    throw std::invalid_argument("epoch_multitaper_psd: epoch_s must give 2 to " +
                                std::to_string(x.cols()) + " samples (" + std::to_string(epoch_s) +
                                ")");
  }
  const auto ne = static_cast<std::size_t>(epoch_samples);
  validate(ne, sample_rate_hz, p);
  // The tapers depend only on the epoch length: computed once for the whole recording.
  const Tapers t = make_tapers(ne, p);
  EpochPsd out;
  out.frequencies_hz = frequencies(ne, sample_rate_hz);
  out.n_epochs = static_cast<std::size_t>(x.cols()) / ne;
  out.n_channels = static_cast<std::size_t>(x.rows());
  const std::size_t nf = out.frequencies_hz.size();
  out.psd_uv2_per_hz.resize(out.n_epochs * out.n_channels * nf);
  double* dst = out.psd_uv2_per_hz.data();
  for (std::size_t e = 0; e < out.n_epochs; ++e) {
    const double* epoch = x.data() + static_cast<std::ptrdiff_t>(e * ne) * x.outerStride();
    for (Eigen::Index c = 0; c < x.rows(); ++c, dst += nf)
      estimate(epoch + c, x.outerStride(), t, sample_rate_hz, p, dst);
  }
  return out;
}

double multitaper_bandwidth_hz(double time_bandwidth, std::size_t n_samples,
                               double sample_rate_hz) {
  return 2.0 * time_bandwidth * sample_rate_hz / static_cast<double>(n_samples);
}

}  // namespace eegtrack::dsp
