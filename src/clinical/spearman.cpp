#include "eegtrack/clinical/spearman.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace eegtrack::clinical {
namespace {

// Ranks 1..n, ties sharing the mean of the ranks they span.
std::vector<double> average_ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] < v[b]; });
  std::vector<double> rank(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
      ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k)
      rank[order[k]] = mean_rank;
    i = j + 1;
  }
  return rank;
}

std::optional<double> pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  if (saa <= 0.0 || sbb <= 0.0)
    return std::nullopt;
  return sab / std::sqrt(saa * sbb);
}

}  // namespace

RankCorrelation spearman(std::span<const double> x, std::span<const double> y,
                         std::size_t min_pairs) {
  if (x.size() != y.size())
    throw std::invalid_argument("spearman: series of different lengths");
  std::vector<double> a, b;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) {
      a.push_back(x[i]);
      b.push_back(y[i]);
    }
  RankCorrelation r;
  r.n_pairs = a.size();
  if (r.n_pairs < min_pairs) {
    r.note =
        "too few pairs (" + std::to_string(r.n_pairs) + " < " + std::to_string(min_pairs) + ")";
    return r;
  }
  r.rho = pearson(average_ranks(a), average_ranks(b));
  if (!r.rho)
    r.note = "one series is constant";
  return r;
}

}  // namespace eegtrack::clinical
