#include "train_morphology.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/dsp/robust_stats.hpp"
namespace eegtrack::detect::detail {
namespace {

std::vector<double> median_waveform(const std::vector<Discharge>& train) {
  const std::size_t n = train.front().waveform.size();
  std::vector<double> out(n);
  std::vector<double> column(train.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < train.size(); ++k)
      column[k] = train[k].waveform[i];
    out[i] = dsp::median(column, dsp::EvenMedian::Upper);
  }
  return out;
}

struct Phase {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< exclusive
  double peak = 0.0;    ///< signed extreme
};

std::vector<Phase> sign_runs(const std::vector<double>& w) {
  std::vector<Phase> runs;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool positive = w[i] >= 0.0;
    if (runs.empty() || (runs.back().peak >= 0.0) != positive)
      runs.push_back({i, i, 0.0});
    Phase& r = runs.back();
    r.end = i + 1;
    if (std::abs(w[i]) > std::abs(r.peak) || r.end == r.begin + 1)
      r.peak = w[i];
  }
  return runs;
}

// Phases adjacent to the largest one that reach 15 % of it: one before, up to one after.
Morphology shape(const std::vector<double>& w) {
  Morphology m;
  const auto runs = sign_runs(w);
  if (runs.empty())
    return m;
  std::size_t main = 0;
  for (std::size_t k = 1; k < runs.size(); ++k) {
    if (std::abs(runs[k].peak) > std::abs(runs[main].peak))
      main = k;
  }
  const double floor = 0.15 * std::abs(runs[main].peak);
  std::vector<Phase> phases;
  if (main > 0 && std::abs(runs[main - 1].peak) >= floor && runs[main - 1].begin > 0)
    phases.push_back(runs[main - 1]);
  phases.push_back(runs[main]);
  if (main + 1 < runs.size() && std::abs(runs[main + 1].peak) >= floor)
    phases.push_back(runs[main + 1]);
  m.phases = static_cast<int>(phases.size());
  bool lengthening = phases.size() >= 2;
  for (std::size_t k = 1; k < phases.size(); ++k)
    lengthening =
        lengthening && phases[k].end - phases[k].begin > phases[k - 1].end - phases[k - 1].begin;
  m.triphasic = lengthening && runs[main].peak > 0.0;
  return m;
}

}  // namespace

Morphology train_morphology(const std::vector<Discharge>& train, double min_correlation) {
  if (train.empty())
    return {};
  const std::vector<double> templ = median_waveform(train);
  Morphology m = shape(templ);
  std::size_t uniform = 0;
  for (const auto& d : train)
    uniform += pearson_correlation(d.waveform, templ) >= min_correlation ? 1 : 0;
  m.uniform_fraction = static_cast<double>(uniform) / static_cast<double>(train.size());
  return m;
}

double pearson_correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const auto n = static_cast<double>(a.size());
  double ma = 0.0;
  double mb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  double ab = 0.0;
  double aa = 0.0;
  double bb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return aa > 0.0 && bb > 0.0 ? ab / std::sqrt(aa * bb) : 0.0;
}

}  // namespace eegtrack::detect::detail
