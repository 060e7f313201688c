// Port of scipy.signal.zpk2sos (SciPy 1.10, pairing='nearest', digital) including the helpers
// _cplxreal and _nearest_real_complex_idx, so that sections come out in the same order with the
// same pole/zero pairing, i.e. bit-comparable with SciPy's SOS arrays.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::dsp {
namespace {

using Complex = std::complex<double>;
using Roots = std::vector<Complex>;

bool is_real(const Complex& c) {
  return c.imag() == 0.0;
}

// Conjugate pairs collapse to the member with positive imaginary part (averaged with the
// conjugate of its partner), then the real roots: scipy's concatenate(_cplxreal(z)).
Roots cplxreal(Roots z) {
  const double tol = 100.0 * std::numeric_limits<double>::epsilon();
  std::stable_sort(z.begin(), z.end(), [](const Complex& a, const Complex& b) {
    if (a.real() != b.real())
      return a.real() < b.real();
    return std::abs(a.imag()) < std::abs(b.imag());
  });
  Roots real_roots, pos, neg;
  for (const Complex& c : z) {
    if (std::abs(c.imag()) <= tol * std::abs(c))
      real_roots.emplace_back(c.real(), 0.0);
    else
      (c.imag() > 0 ? pos : neg).push_back(c);
  }
  if (pos.size() != neg.size())
    throw std::invalid_argument("zpk_to_sos: complex root without conjugate (count " +
                                std::to_string(pos.size()) + " vs " + std::to_string(neg.size()) +
                                ")");
  // Runs of (nearly) equal real part are ordered by |imag| within each half.
  std::size_t start = 0;
  while (start < pos.size()) {
    std::size_t stop = start + 1;
    while (stop < pos.size() &&
           pos[stop].real() - pos[stop - 1].real() <= tol * std::abs(pos[stop - 1]))
      ++stop;
    auto by_imag = [](const Complex& a, const Complex& b) {
      return std::abs(a.imag()) < std::abs(b.imag());
    };
    std::stable_sort(pos.begin() + static_cast<std::ptrdiff_t>(start),
                     pos.begin() + static_cast<std::ptrdiff_t>(stop), by_imag);
    std::stable_sort(neg.begin() + static_cast<std::ptrdiff_t>(start),
                     neg.begin() + static_cast<std::ptrdiff_t>(stop), by_imag);
    start = stop;
  }
  Roots out;
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (std::abs(pos[i] - std::conj(neg[i])) > tol * std::abs(neg[i]))
      throw std::invalid_argument("zpk_to_sos: complex root without conjugate (index " +
                                  std::to_string(i) + ")");
    out.push_back((pos[i] + std::conj(neg[i])) / 2.0);
  }
  out.insert(out.end(), real_roots.begin(), real_roots.end());
  return out;
}

enum class Which { Any, RealOnly, ComplexOnly };

// Index of the root in `from` nearest to `to` that satisfies `which` (scipy's argsort order).
std::size_t nearest(const Roots& from, const Complex& to, Which which) {
  std::vector<std::size_t> order(from.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(from[a] - to) < std::abs(from[b] - to);
  });
  for (std::size_t i : order) {
    if (which == Which::Any || (which == Which::RealOnly) == is_real(from[i]))
      return i;
  }
  throw std::invalid_argument("zpk_to_sos: no matching root to pair with (" +
                              std::to_string(from.size()) + " candidates)");
}

Complex take(Roots& r, std::size_t i) {
  const Complex v = r[i];
  r.erase(r.begin() + static_cast<std::ptrdiff_t>(i));
  return v;
}

// "Worst" pole: closest to the unit circle, first on ties (numpy argmin).
std::size_t idx_worst(const Roots& p, const std::vector<std::size_t>& candidates) {
  std::size_t best = candidates.front();
  for (std::size_t i : candidates) {
    if (std::abs(1.0 - std::abs(p[i])) < std::abs(1.0 - std::abs(p[best])))
      best = i;
  }
  return best;
}

std::vector<std::size_t> all_indices(const Roots& r, bool only_real) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (!only_real || is_real(r[i]))
      idx.push_back(i);
  }
  return idx;
}

std::size_t count_real(const Roots& r) {
  return static_cast<std::size_t>(std::count_if(r.begin(), r.end(), is_real));
}

// Monic polynomial through the roots (numpy.poly), right-aligned into 3 coefficients.
std::array<double, 3> poly3(const Roots& roots) {
  Roots c{Complex(1.0, 0.0)};
  for (const Complex& r : roots) {
    Roots next(c.size() + 1, Complex(0.0, 0.0));
    for (std::size_t i = 0; i < c.size(); ++i) {
      next[i] += c[i];
      next[i + 1] += -r * c[i];
    }
    c = next;
  }
  std::array<double, 3> out{0.0, 0.0, 0.0};
  for (std::size_t i = 0; i < c.size(); ++i)
    out[3 - c.size() + i] = c[i].real();
  return out;
}

std::array<double, 6> section(const Roots& z, const Roots& p) {
  const auto b = poly3(z);
  const auto a = poly3(p);
  return {b[0], b[1], b[2], a[0], a[1], a[2]};
}

std::array<double, 6> next_section(Roots& z, Roots& p) {
  const Complex p1 = take(p, idx_worst(p, all_indices(p, false)));
  if (is_real(p1) && count_real(p) == 0) {
    // Last remaining real pole: pair with the nearest real zero (plus origin padding).
    const Complex z1 = take(z, nearest(z, p1, Which::RealOnly));
    return section({z1, 0.0}, {p1, 0.0});
  }
  if (p.size() + 1 == z.size() && !is_real(p1) && count_real(p) == 1 && count_real(z) == 1) {
    // One real pole and one real zero remain: this complex pole must take a complex zero.
    const Complex z1 = take(z, nearest(z, p1, Which::ComplexOnly));
    return section({z1, std::conj(z1)}, {p1, std::conj(p1)});
  }
  Complex p2 = std::conj(p1);
  if (is_real(p1))
    p2 = take(p, idx_worst(p, all_indices(p, true)));
  if (z.empty())
    return section({}, {p1, p2});
  const Complex z1 = take(z, nearest(z, p1, Which::Any));
  if (!is_real(z1))
    return section({z1, std::conj(z1)}, {p1, p2});
  if (z.empty())
    return section({z1}, {p1, p2});
  const Complex z2 = take(z, nearest(z, p1, Which::RealOnly));
  return section({z1, z2}, {p1, p2});
}

}  // namespace

Sos zpk_to_sos(const Zpk& zpk) {
  Roots z = zpk.zeros;
  Roots p = zpk.poles;
  Sos sos;
  if (z.empty() && p.empty()) {
    sos.sections.push_back({zpk.gain, 0.0, 0.0, 1.0, 0.0, 0.0});
    return sos;
  }
  if (z.size() < p.size())
    z.resize(p.size(), Complex(0.0, 0.0));
  if (p.size() < z.size())
    p.resize(z.size(), Complex(0.0, 0.0));
  const std::size_t n_sections = (p.size() + 1) / 2;
  if (p.size() % 2 == 1) {
    p.emplace_back(0.0, 0.0);
    z.emplace_back(0.0, 0.0);
  }
  z = cplxreal(z);
  p = cplxreal(p);
  sos.sections.resize(n_sections);
  for (std::size_t si = n_sections; si-- > 0;)
    sos.sections[si] = next_section(z, p);
  for (int i = 0; i < 3; ++i)
    sos.sections[0][static_cast<std::size_t>(i)] *= zpk.gain;
  return sos;
}

}  // namespace eegtrack::dsp
