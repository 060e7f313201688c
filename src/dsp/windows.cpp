#include "eegtrack/dsp/windows.hpp"

#include <cmath>
#include <numbers>
#include <span>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp {
namespace {

std::vector<double> general_cosine(std::span<const double> a, std::size_t m) {
  // Same evaluation as scipy.signal.windows.general_cosine (phase from -pi to pi), so that the
  // last bits agree too.
  std::vector<double> w(m, 0.0);
  const double step = 2.0 * std::numbers::pi / static_cast<double>(m - 1);
  for (std::size_t i = 0; i < m; ++i) {
    // np.linspace: start + i * step, with the last point set exactly to the stop value.
    const double fac =
        i + 1 == m ? std::numbers::pi : static_cast<double>(i) * step - std::numbers::pi;
    double v = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k)
      v += a[k] * std::cos(static_cast<double>(k) * fac);
    w[i] = v;
  }
  return w;
}

std::vector<double> compute_window(WindowKind kind, std::size_t n, bool periodic);

// The analyses ask for the same few windows for every epoch and every detector frame; their
// cosines were a measurable share of a whole analysis. Each thread keeps the last few it made.
struct CachedWindow {
  WindowKind kind;
  std::size_t n;
  bool periodic;
  std::vector<double> w;
};

}  // namespace

std::vector<double> make_window(WindowKind kind, std::size_t n, bool periodic) {
  if (n == 0)
    throw std::invalid_argument("make_window: window length must be >= 1 (0)");
  thread_local std::vector<CachedWindow> cache;
  for (const auto& c : cache) {
    if (c.kind == kind && c.n == n && c.periodic == periodic)
      return c.w;
  }
  auto w = compute_window(kind, n, periodic);
  constexpr std::size_t kKept = 8;
  if (cache.size() == kKept)
    cache.erase(cache.begin());
  cache.push_back({kind, n, periodic, w});
  return w;
}

namespace {

std::vector<double> compute_window(WindowKind kind, std::size_t n, bool periodic) {
  if (n == 1 || kind == WindowKind::Boxcar)
    return std::vector<double>(n, 1.0);
  const std::size_t m = periodic ? n + 1 : n;
  std::vector<double> w;
  switch (kind) {
    case WindowKind::Hann: {
      const double a[] = {0.5, 0.5};
      w = general_cosine(a, m);
      break;
    }
    case WindowKind::Hamming: {
      const double a[] = {0.54, 0.46};
      w = general_cosine(a, m);
      break;
    }
    case WindowKind::Blackman: {
      const double a[] = {0.42, 0.50, 0.08};
      w = general_cosine(a, m);
      break;
    }
    case WindowKind::Boxcar:
      break;
  }
  w.resize(n);
  return w;
}

}  // namespace

WindowKind parse_window_kind(std::string_view text) {
  if (text == "hann" || text == "hanning")
    return WindowKind::Hann;
  if (text == "hamming")
    return WindowKind::Hamming;
  if (text == "blackman")
    return WindowKind::Blackman;
  if (text == "boxcar" || text == "rectangular")
    return WindowKind::Boxcar;
  throw std::invalid_argument("parse_window_kind: unknown window (" + std::string(text) + ")");
}

std::string_view to_string(WindowKind kind) {
  switch (kind) {
    case WindowKind::Hann:
      return "hann";
    case WindowKind::Hamming:
      return "hamming";
    case WindowKind::Blackman:
      return "blackman";
    case WindowKind::Boxcar:
      return "boxcar";
  }
  return "unknown";
}

}  // namespace eegtrack::dsp
