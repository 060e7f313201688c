#include "eegtrack/dsp/dpss.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/fft.hpp"

namespace eegtrack::dsp {
namespace {

/// LU factorisation with partial pivoting of a tridiagonal matrix (LAPACK dgttrf's scheme),
/// kept for the repeated solves of inverse iteration.
class TridiagonalLu {
 public:
  TridiagonalLu(const Eigen::VectorXd& diag, const Eigen::VectorXd& off, double shift) {
    const Eigen::Index n = diag.size();
    u0_.resize(n);
    u1_.setZero(n);
    u2_.setZero(n);
    l_.setZero(n);
    swap_.assign(static_cast<std::size_t>(n), false);
    // A pivot that is exactly zero (shift equal to an eigenvalue to all bits) is replaced by a
    // tiny value: inverse iteration only needs the direction of the solution.
    const double tiny = std::numeric_limits<double>::epsilon() *
                        (diag.cwiseAbs().maxCoeff() + 2.0 * off.cwiseAbs().maxCoeff());
    double d = diag(0) - shift;
    double c = n > 1 ? off(0) : 0.0;
    for (Eigen::Index i = 0; i + 1 < n; ++i) {
      const double a = off(i);
      const double b = diag(i + 1) - shift;
      const double c_next = i + 2 < n ? off(i + 1) : 0.0;
      if (std::abs(a) <= std::abs(d)) {
        if (d == 0.0)
          d = tiny;
        const double m = a / d;
        u0_(i) = d;
        u1_(i) = c;
        l_(i) = m;
        d = b - m * c;
        c = c_next;
      } else {
        const double m = d / a;
        u0_(i) = a;
        u1_(i) = b;
        u2_(i) = c_next;
        l_(i) = m;
        swap_[static_cast<std::size_t>(i)] = true;
        d = c - m * b;
        c = -m * c_next;
      }
    }
    u0_(n - 1) = d == 0.0 ? tiny : d;
  }

  /// Solves (T - shift I) x = v in place.
  void solve(Eigen::VectorXd& v) const {
    const Eigen::Index n = v.size();
    for (Eigen::Index i = 0; i + 1 < n; ++i) {
      if (swap_[static_cast<std::size_t>(i)])
        std::swap(v(i), v(i + 1));
      v(i + 1) -= l_(i) * v(i);
    }
    v(n - 1) /= u0_(n - 1);
    if (n > 1)
      v(n - 2) = (v(n - 2) - u1_(n - 2) * v(n - 1)) / u0_(n - 2);
    for (Eigen::Index i = n - 3; i >= 0; --i)
      v(i) = (v(i) - u1_(i) * v(i + 1) - u2_(i) * v(i + 2)) / u0_(i);
  }

 private:
  Eigen::VectorXd u0_, u1_, u2_, l_;
  std::vector<bool> swap_;
};

/// Autocorrelation sum_t w[t] w[t + lag] for lags 0 .. M-1, by FFT (as SciPy's _fftautocorr).
Eigen::VectorXd autocorrelation(const Eigen::VectorXd& w) {
  const auto m = static_cast<std::size_t>(w.size());
  std::size_t len = 1;
  while (len < 2 * m - 1)
    len *= 2;
  std::vector<double> padded(len, 0.0);
  for (std::size_t i = 0; i < m; ++i)
    padded[i] = w(static_cast<Eigen::Index>(i));
  std::vector<std::complex<double>> bins(len / 2 + 1);
  rfft(padded, bins);
  for (auto& b : bins)
    b = std::norm(b);
  irfft(bins, padded);
  return Eigen::Map<Eigen::VectorXd>(padded.data(), static_cast<Eigen::Index>(m));
}

/// Number of eigenvalues of the tridiagonal matrix below x (Sturm sequence count).
Eigen::Index count_below(const Eigen::VectorXd& diag, const Eigen::VectorXd& off, double x,
                         double tiny) {
  Eigen::Index count = 0;
  double q = diag(0) - x;
  for (Eigen::Index i = 0;; ++i) {
    if (q == 0.0)
      q = -tiny;
    if (q < 0.0)
      ++count;
    if (i + 1 == diag.size())
      return count;
    q = diag(i + 1) - x - off(i) * off(i) / q;
  }
}

/// The eigenvalue of ascending index j by bisection on the Sturm count (LAPACK dstebz's method,
/// which SciPy's eigh_tridiagonal uses for a selected index range): O(M) per step, so the few
/// largest eigenvalues cost O(M) instead of the O(M^2) of a full QL sweep.
double bisect_eigenvalue(const Eigen::VectorXd& diag, const Eigen::VectorXd& off, Eigen::Index j) {
  double radius = 0.0;
  for (Eigen::Index i = 0; i < diag.size(); ++i) {
    const double r =
        (i > 0 ? std::abs(off(i - 1)) : 0.0) + (i + 1 < diag.size() ? std::abs(off(i)) : 0.0);
    radius = std::max(radius, std::abs(diag(i)) + r);
  }
  const double tiny = std::numeric_limits<double>::min() / std::numeric_limits<double>::epsilon();
  double lo = -radius;
  double hi = radius;
  for (int iter = 0; iter < 200; ++iter) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi)
      break;
    if (count_below(diag, off, mid, tiny) > j)
      hi = mid;
    else
      lo = mid;
  }
  return 0.5 * (lo + hi);
}

void validate(std::size_t n, double nw, std::size_t k_max) {
  if (n < 2)
    throw std::invalid_argument("dpss: length must be >= 2 (" + std::to_string(n) + ")");
  if (k_max == 0 || k_max > n) {
    throw std::invalid_argument("dpss: k_max must be in [1, n] (" + std::to_string(k_max) + ")");
  }
  if (!(nw > 0.0))
    throw std::invalid_argument("dpss: nw must be > 0 (" + std::to_string(nw) + ")");
  if (!(nw < 0.5 * static_cast<double>(n)))
    throw std::invalid_argument("dpss: nw must be < n/2 (" + std::to_string(nw) + ")");
}

void fix_sign(Eigen::Ref<Eigen::VectorXd> w, std::size_t order) {
  if (order % 2 == 0) {
    if (w.sum() < 0.0)
      w = -w;
    return;
  }
  const double thresh = std::max(1e-7, 1.0 / static_cast<double>(w.size()));
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    if (w(i) * w(i) > thresh) {
      if (w(i) < 0.0)
        w = -w;
      return;
    }
  }
}

}  // namespace

Dpss dpss(std::size_t n, double nw, std::size_t k_max, bool periodic) {
  validate(n, nw, k_max);
  const std::size_t m = periodic ? n + 1 : n;
  const auto mi = static_cast<Eigen::Index>(m);
  const double w_band = nw / static_cast<double>(m);
  Eigen::VectorXd diag(mi);
  Eigen::VectorXd off(mi > 1 ? mi - 1 : 0);
  const double c = std::cos(2.0 * std::numbers::pi * w_band);
  for (Eigen::Index t = 0; t < mi; ++t) {
    const double h = (static_cast<double>(mi - 1) - 2.0 * static_cast<double>(t)) / 2.0;
    diag(t) = h * h * c;
  }
  for (Eigen::Index t = 1; t < mi; ++t)
    off(t - 1) = static_cast<double>(t) * static_cast<double>(mi - t) / 2.0;

  Dpss out;
  out.tapers.resize(static_cast<Eigen::Index>(k_max), static_cast<Eigen::Index>(n));
  out.concentration_ratios.resize(k_max);
  Eigen::VectorXd r(mi);
  r(0) = 2.0 * w_band;
  for (Eigen::Index t = 1; t < mi; ++t) {
    const double arg = 2.0 * std::numbers::pi * w_band * static_cast<double>(t);
    r(t) = 4.0 * w_band * std::sin(arg) / arg;
  }
  for (std::size_t k = 0; k < k_max; ++k) {
    const TridiagonalLu lu(diag, off,
                           bisect_eigenvalue(diag, off, mi - 1 - static_cast<Eigen::Index>(k)));
    // A start vector with components along every eigenvector (neither even nor odd).
    Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(mi, 1.0, 2.0) +
                        Eigen::VectorXd::LinSpaced(mi, 0.0, 1.0).array().square().matrix();
    for (int iter = 0; iter < 4; ++iter) {
      lu.solve(v);
      v.normalize();
    }
    fix_sign(v, k);
    out.concentration_ratios[k] = autocorrelation(v).dot(r);
    out.tapers.row(static_cast<Eigen::Index>(k)) = v.head(static_cast<Eigen::Index>(n)).transpose();
  }
  return out;
}

}  // namespace eegtrack::dsp
