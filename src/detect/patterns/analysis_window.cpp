#include "analysis_window.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/robust_stats.hpp"
#include "eegtrack/dsp/sos_filter.hpp"

namespace eegtrack::detect::detail {
namespace {

// A candidate must exceed the largest deflection 150-300 ms before it by this factor.
constexpr double kStandOut = 1.8;
// A candidate whose field is this much larger on the other hemisphere belongs to that side.
constexpr double kOtherSideDominates = 1.25;

struct Candidate {
  std::size_t index = 0;  ///< sample within the window data
  int channel = 0;
  double ratio = 0.0;
};

// Every channel of the window, zero-phase band-passed (side by side: see sosfiltfilt_channels).
std::vector<std::vector<double>> band(std::span<const std::span<const double>> channels,
                                      double low_hz, double high_hz, double fs) {
  const dsp::Sos sos = dsp::butterworth({.order = 2,
                                         .type = dsp::FilterType::BandPass,
                                         .low_hz = low_hz,
                                         .high_hz = std::min(high_hz, 0.45 * fs),
                                         .sample_rate_hz = fs});
  return dsp::sosfiltfilt_channels(sos, channels);
}

// Background level: the lower quartile of the RMS of 100-ms blocks. Discharges of a 2-Hz train
// fill up to half the window, so a median would follow the discharges; the quieter quarter of
// the blocks lies between them.
double background_rms(const std::vector<double>& x, double fs) {
  const auto block = std::max<std::size_t>(1, static_cast<std::size_t>(0.1 * fs));
  std::vector<double> rms;
  for (std::size_t i = 0; i + block <= x.size(); i += block) {
    double sum = 0.0;
    for (std::size_t j = i; j < i + block; ++j)
      sum += x[j] * x[j];
    rms.push_back(std::sqrt(sum / static_cast<double>(block)));
  }
  if (rms.empty())
    return 0.0;
  return dsp::order_statistic(rms, rms.size() / 4);
}

// Local maxima of |x| over the threshold, at most one per +-half_width.
void channel_candidates(const std::vector<double>& x, int channel, double threshold_ratio,
                        double fs, std::vector<Candidate>& out) {
  const auto half_width = static_cast<std::size_t>(0.15 * fs);
  const double sd = background_rms(x, fs);
  if (sd <= 0.0)
    return;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double a = std::abs(x[i]);
    if (a < threshold_ratio * sd)
      continue;
    const std::size_t lo = i >= half_width ? i - half_width : 0;
    const std::size_t hi = std::min(x.size(), i + half_width + 1);
    bool is_max = true;
    for (std::size_t j = lo; j < hi && is_max; ++j)
      is_max = std::abs(x[j]) < a || (std::abs(x[j]) == a && j >= i);
    if (!is_max)
      continue;
    // A discharge stands out from what precedes it; in an alpha burst the previous waves are
    // as large as the peak.
    const auto before_lo = i >= 2 * half_width ? i - 2 * half_width : 0;
    const auto before_hi = i >= half_width ? i - half_width : 0;
    double before = 0.0;
    for (std::size_t j = before_lo; j < before_hi; ++j)
      before = std::max(before, std::abs(x[j]));
    if (a >= kStandOut * before)
      out.push_back({i, channel, a / sd});
  }
}

// Span of the discharge around `peak`: samples above 30 % of the peak and above twice the
// background, bridging dips < 40 ms, at most 0.4 s either side (the next discharge of a 2.5-Hz
// train must stay outside).
std::pair<std::size_t, std::size_t> discharge_extent(const std::vector<double>& x, std::size_t peak,
                                                     double background_sd, double fs) {
  const double level = std::max(0.3 * std::abs(x[peak]), 2.0 * background_sd);
  const auto bridge = static_cast<std::size_t>(0.04 * fs);
  const auto reach = static_cast<std::size_t>(0.4 * fs);
  std::size_t right = peak;
  for (std::size_t j = peak; j < x.size() && j <= peak + reach && j - right <= bridge; ++j) {
    if (std::abs(x[j]) >= level)
      right = j;
  }
  std::size_t left = peak;
  for (std::size_t j = peak; j + reach >= peak && left - j <= bridge; --j) {
    if (std::abs(x[j]) >= level)
      left = j;
    if (j == 0)
      break;
  }
  return {left, right};
}

Discharge make_discharge(const FilteredWindow& f, const Candidate& c, const WindowSpan& span,
                         std::pair<std::size_t, std::size_t> extent) {
  const double fs = span.sample_rate_hz;
  Discharge d;
  d.time_s = span.segment_start_s + static_cast<double>(span.data_begin + c.index) / fs;
  d.ratio = c.ratio;
  d.channel = c.channel;
  d.duration_s = static_cast<double>(extent.second - extent.first + 1) / fs;
  const auto& strongest = f.discharge_band[static_cast<std::size_t>(c.channel)];
  const double sign = strongest[c.index] >= 0.0 ? 1.0 : -1.0;
  for (const auto& x : f.discharge_band)
    d.snapshot.push_back(sign * x[c.index]);
  const auto& wide = f.wide_band[static_cast<std::size_t>(c.channel)];
  const auto step = std::max<std::ptrdiff_t>(1, std::lround(fs / 100.0));
  const auto before = static_cast<std::ptrdiff_t>(std::lround(0.3 * fs));
  const auto after = static_cast<std::ptrdiff_t>(std::lround(0.5 * fs));
  const auto centre = static_cast<std::ptrdiff_t>(c.index);
  const auto n = static_cast<std::ptrdiff_t>(wide.size());
  for (std::ptrdiff_t k = -before; k <= after; k += step) {
    const std::ptrdiff_t i = std::clamp<std::ptrdiff_t>(centre + k, 0, n - 1);
    d.waveform.push_back(wide[static_cast<std::size_t>(i)]);
  }
  return d;
}

struct SideAmplitudes {
  double left = 0.0;
  double right = 0.0;
};

// Spatial range (largest minus smallest value) of each hemisphere's channels, the largest
// within +-reach of `index`. The average reference adds the same offset to every channel (with
// 19 channels and a broad field, the far hemisphere shows a mirror image about half the size of
// the discharge); a common offset has no range, so the mirror hemisphere stays flat while the
// hemisphere holding the field does not.
SideAmplitudes field_by_side(const std::vector<std::vector<double>>& x, std::size_t index,
                             std::size_t reach, const std::vector<PatternChannel>& channels) {
  SideAmplitudes out;
  const std::size_t lo = index >= reach ? index - reach : 0;
  const std::size_t hi = std::min(x.front().size(), index + reach + 1);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (std::size_t i = lo; i < hi; ++i) {
    double left_max = -kInf;
    double left_min = kInf;
    double right_max = -kInf;
    double right_min = kInf;
    for (std::size_t c = 0; c < x.size(); ++c) {
      if (channels[c].side == sites::Side::Left) {
        left_max = std::max(left_max, x[c][i]);
        left_min = std::min(left_min, x[c][i]);
      } else if (channels[c].side == sites::Side::Right) {
        right_max = std::max(right_max, x[c][i]);
        right_min = std::min(right_min, x[c][i]);
      }
    }
    out.left = std::max(out.left, left_max - left_min);
    out.right = std::max(out.right, right_max - right_min);
  }
  return out;
}

// Greedy across the channels of one hemisphere: the strongest candidate is a discharge; weaker
// candidates at the same time (its field) or inside its extent on its channel (after-wave)
// belong to it.
std::vector<Discharge> hemisphere_discharges(const FilteredWindow& f,
                                             const std::vector<Candidate>& all, sites::Side side,
                                             const WindowSpan& span,
                                             const std::vector<PatternChannel>& channels,
                                             const PatternParams& p) {
  const double fs = span.sample_rate_hz;
  std::vector<Candidate> mine;
  for (const auto& c : all) {
    if (channels[static_cast<std::size_t>(c.channel)].side == side)
      mine.push_back(c);
  }
  std::stable_sort(mine.begin(), mine.end(),
                   [](const Candidate& a, const Candidate& b) { return a.ratio > b.ratio; });
  const auto sync = static_cast<std::size_t>(0.06 * fs);
  const auto guard = static_cast<std::size_t>(0.05 * fs);
  std::vector<char> taken(mine.size(), 0);
  std::vector<Discharge> out;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    if (taken[k] != 0)
      continue;
    const Candidate& c = mine[k];
    const auto& x = f.discharge_band[static_cast<std::size_t>(c.channel)];
    const auto extent = discharge_extent(x, c.index, std::abs(x[c.index]) / c.ratio, fs);
    const std::size_t lo = extent.first >= guard ? extent.first - guard : 0;
    const std::size_t hi = extent.second + guard;
    int field = 0;  // channels (either side) with a candidate at the same time
    for (const auto& other : all)
      field += (other.index + sync >= c.index && other.index <= c.index + sync) ? 1 : 0;
    for (std::size_t m = k; m < mine.size(); ++m) {
      const bool same_time = mine[m].index + sync >= c.index && mine[m].index <= c.index + sync;
      const bool same_wave =
          mine[m].channel == c.channel && mine[m].index >= lo && mine[m].index <= hi;
      if (same_time || same_wave)
        taken[m] = 1;
    }
    const std::size_t at = span.data_begin + c.index;
    if (at < span.core_begin || at >= span.core_end || field < p.pd_min_channels)
      continue;
    const SideAmplitudes sides = field_by_side(f.discharge_band, c.index, sync, channels);
    const bool left = side == sites::Side::Left;
    const double own = left ? sides.left : sides.right;
    const double other = left ? sides.right : sides.left;
    if (other > kOtherSideDominates * own)
      continue;  // the other hemisphere's discharge, mirrored by the average reference
    out.push_back(make_discharge(f, c, span, extent));
  }
  std::sort(out.begin(), out.end(),
            [](const Discharge& a, const Discharge& b) { return a.time_s < b.time_s; });
  return out;
}

}  // namespace

double regular_pair_fraction(const std::vector<double>& periods, double max_change) {
  if (periods.size() < 2)
    return 0.0;
  std::size_t regular = 0;
  for (std::size_t k = 0; k + 1 < periods.size(); ++k) {
    if (std::abs(periods[k + 1] - periods[k]) < max_change * periods[k])
      ++regular;
  }
  return static_cast<double>(regular) / static_cast<double>(periods.size() - 1);
}

WindowResult analyse_window(const std::vector<std::vector<double>>& data, const WindowSpan& span,
                            const std::vector<PatternChannel>& channels, const PatternParams& p) {
  const double fs = span.sample_rate_hz;
  FilteredWindow f;
  const std::vector<std::span<const double>> channel_data(data.begin(), data.end());
  f.discharge_band = band(channel_data, p.pd_band_low_hz, p.pd_band_high_hz, fs);
  f.wide_band = band(channel_data, 0.4, 30.0, fs);
  f.delta_band = band(channel_data, 0.5, 5.0, fs);
  std::vector<Candidate> candidates;
  for (std::size_t c = 0; c < f.discharge_band.size(); ++c)
    channel_candidates(f.discharge_band[c], static_cast<int>(c), p.pd_amplitude_ratio, fs,
                       candidates);
  WindowResult r;
  r.left = hemisphere_discharges(f, candidates, sites::Side::Left, span, channels, p);
  r.right = hemisphere_discharges(f, candidates, sites::Side::Right, span, channels, p);
  r.frames = rda_frames(f, span, p);
  return r;
}

}  // namespace eegtrack::detect::detail
