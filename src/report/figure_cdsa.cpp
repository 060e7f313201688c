#include "eegtrack/report/figure_cdsa.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/chart.hpp"
#include "eegtrack/report/colour_map.hpp"
#include "eegtrack/report/svg.hpp"
#include "eegtrack/report/time_axis.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 1100.0;
constexpr double kLeft = 78.0;
constexpr double kRight = 120.0;
constexpr double kPanelHeight = 78.0;
constexpr double kHeading = 17.0;
constexpr double kPanelGap = 8.0;
constexpr double kStrip = 10.0;

// Rows of the map: indices of the bins above 0 Hz and up to max_hz.
std::vector<std::size_t> shown_bins(const findings::RecordingTrends& t, double max_hz) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < t.spectrogram_frequencies_hz.size(); ++k) {
    const double f = t.spectrogram_frequencies_hz[k];
    if (f > 0.0 && f <= max_hz + 1e-9)
      out.push_back(k);
  }
  return out;
}

double bin_width(const findings::RecordingTrends& t) {
  const auto& f = t.spectrogram_frequencies_hz;
  return f.size() > 1 ? f[1] - f[0] : 1.0;
}

std::string region_name(const findings::SpectrogramMap& m) {
  if (!m.region)
    return "All channels";
  std::string name = sites::to_string(*m.region);
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

// Epochs that did not count as clean: the clean flag, or for stores without it, half or more of
// the channels rejected.
std::vector<bool> artifact_flags(const findings::RecordingTrends& t) {
  std::vector<bool> out(t.size(), false);
  for (std::size_t i = 0; i < t.size(); ++i)
    out[i] = t.clean.empty() ? t.rejected_fraction[i] >= 0.5 : t.clean[i] == 0;
  return out;
}

std::string colour_bar_uri() {
  RgbImage bar(1, 128);
  for (std::size_t y = 0; y < 128; ++y)
    bar.set(0, y, viridis(1.0 - static_cast<double>(y) / 127.0));
  return png_data_uri(bar);
}

void colour_bar(Svg& svg, double x, double top, double height, ColourLimits limits) {
  svg.image(x, top, 14.0, height, colour_bar_uri(), false);
  svg.rect(x, top, 14.0, height, {"frame", "", "none", -1.0, "", -1.0});
  const LogScale scale(std::pow(10.0, limits.low), std::pow(10.0, limits.high), top + height, top);
  PlotArea area{x, top, 14.0, height};
  right_axis(
      svg, area, [&](double v) { return scale(v); },
      log_ticks(scale.domain_low(), scale.domain_high()), "Power (µV²/Hz, log scale)");
}

}  // namespace

ColourLimits cdsa_colour_limits(const findings::RecordingTrends& t, double max_hz) {
  const auto bins = shown_bins(t, max_hz);
  const std::size_t nf = t.spectrogram_frequencies_hz.size();
  std::vector<double> logs;
  for (const auto& m : t.spectrograms)
    for (std::size_t w = 0; w < t.spectrogram_time_s.size(); ++w)
      for (const auto k : bins) {
        const double v = m.power_uv2_per_hz[w * nf + k];
        if (std::isfinite(v) && v > 0.0)
          logs.push_back(std::log10(v));
      }
  if (logs.empty())
    return {};
  std::sort(logs.begin(), logs.end());
  const auto at = [&](double q) {
    return logs[static_cast<std::size_t>(std::lround(q * static_cast<double>(logs.size() - 1)))];
  };
  ColourLimits out{at(0.02), at(0.98)};
  if (!(out.high > out.low))
    out = {out.low - 0.5, out.low + 0.5};
  return out;
}

RgbImage cdsa_image(const findings::RecordingTrends& t, const findings::SpectrogramMap& m,
                    double max_hz, ColourLimits limits, std::size_t max_columns) {
  const auto bins = shown_bins(t, max_hz);
  const std::size_t nw = t.spectrogram_time_s.size(), nf = t.spectrogram_frequencies_hz.size();
  if (nw == 0 || bins.empty())
    return {};
  const std::size_t group = std::max<std::size_t>(1, (nw + max_columns - 1) / max_columns);
  const std::size_t columns = (nw + group - 1) / group;
  RgbImage image(columns, bins.size());
  for (std::size_t c = 0; c < columns; ++c)
    for (std::size_t r = 0; r < bins.size(); ++r) {
      const std::size_t k = bins[bins.size() - 1 - r];
      double sum = 0.0;
      std::size_t n = 0;
      for (std::size_t w = c * group; w < std::min(nw, (c + 1) * group); ++w) {
        const double v = m.power_uv2_per_hz[w * nf + k];
        if (std::isfinite(v) && v > 0.0) {
          sum += v;
          ++n;
        }
      }
      image.set(c, r,
                n == 0 ? kMissingColour
                       : viridis((std::log10(sum / static_cast<double>(n)) - limits.low) /
                                 (limits.high - limits.low)));
    }
  return image;
}

std::string cdsa_figure(const findings::RecordingTrends& t, double duration_s, std::string_view id,
                        double max_hz) {
  if (t.spectrograms.empty() || t.spectrogram_time_s.empty())
    return "";
  std::vector<const findings::SpectrogramMap*> maps;
  for (const auto& m : t.spectrograms)
    if (m.region)
      maps.push_back(&m);
  if (maps.empty())
    maps.push_back(&t.spectrograms.front());
  const auto bins = shown_bins(t, max_hz);
  if (bins.empty())
    return "";
  const double top_hz = t.spectrogram_frequencies_hz[bins.back()] + bin_width(t) / 2.0;
  const double low_hz = t.spectrogram_frequencies_hz[bins.front()] - bin_width(t) / 2.0;
  const auto limits = cdsa_colour_limits(t, max_hz);
  const auto unit = time_unit_for(duration_s);
  const double plot_width = kWidth - kLeft - kRight;
  const double panels = static_cast<double>(maps.size()) * (kHeading + kPanelHeight + kPanelGap);
  const double height = 8.0 + panels + kStrip + 48.0;
  Svg svg(kWidth, height, id, "Colour density spectral array per region");
  const LinearScale x(0.0, duration_s / unit.seconds, kLeft, kLeft + plot_width);
  const auto x_of = [&](double seconds) { return x(seconds / unit.seconds); };
  const auto artifacts = flagged_spans(t.onset_s, t.epoch_s, artifact_flags(t));
  const double half = t.spectrogram_window_s / 2.0;
  const double image_x0 = x_of(t.spectrogram_time_s.front() - half);
  const double image_x1 = x_of(t.spectrogram_time_s.back() + half);

  double top = 8.0;
  std::size_t panel = 0;
  for (const auto* m : maps) {
    svg.text(kLeft, top + 12.0,
             region_name(*m) + " (" + std::to_string(m->n_channels) +
                 (m->n_channels == 1 ? " channel)" : " channels)"),
             {Anchor::Start, "panel-title"});
    top += kHeading;
    const PlotArea area{kLeft, top, plot_width, kPanelHeight};
    const LinearScale y(low_hz, top_hz, area.bottom(), area.top);
    svg.rect(area.left, area.top, area.width, area.height,
             {"", "", hex(kMissingColour), -1, "", -1});
    const auto image = cdsa_image(t, *m, max_hz, limits);
    // The last window may be partial: its column would reach past the end of the recording.
    const std::string clip = std::string(id) + "-clip-" + std::to_string(panel++);
    svg.clip_rect(clip, area.left, area.top, area.width, area.height);
    svg.open_group("", clip);
    svg.image(image_x0, area.top, image_x1 - image_x0, area.height, png_data_uri(image), true);
    svg.close_group();
    shade_spans(svg, area, x_of, artifacts, {"artifact-shade", "", "", -1, "", -1},
                "epoch not clean (artifact)");
    svg.rect(area.left, area.top, area.width, area.height, {"frame", "", "none", -1, "", -1});
    left_axis(
        svg, area, [&](double v) { return y(v); }, linear_ticks(0.0, top_hz, 3), "Hz", false);
    top += kPanelHeight + kPanelGap;
  }
  // The strip of artifact epochs under the panels.
  const PlotArea strip{kLeft, top, plot_width, kStrip};
  svg.rect(strip.left, strip.top, strip.width, strip.height, {"strip", "", "", -1, "", -1});
  shade_spans(svg, strip, x_of, artifacts, {"artifact-strip", "", "", -1, "", -1},
              "epoch not clean (artifact)");
  TextStyle label{Anchor::End, "small"};
  label.middle_baseline = true;
  svg.text(kLeft - 8.0, strip.top + kStrip / 2.0, "artifact", label);
  const PlotArea axis_area{kLeft, 8.0, plot_width, top + kStrip - 8.0};
  bottom_axis(
      svg, axis_area, [&](double v) { return x(v); },
      linear_ticks(0.0, duration_s / unit.seconds, 10),
      axis_title("Time from recording start", unit.name));
  colour_bar(svg, kLeft + plot_width + 16.0, 8.0 + kHeading,
             std::min(180.0, panels - kHeading - kPanelGap), limits);
  return svg.str();
}

ColourLimits shared_colour_limits(const std::vector<const findings::RecordingTrends*>& trends,
                                  double max_hz) {
  std::optional<ColourLimits> out;
  for (const auto* t : trends) {
    if (t == nullptr || t->spectrograms.empty())
      continue;
    const auto l = cdsa_colour_limits(*t, max_hz);
    out = out ? ColourLimits{std::min(out->low, l.low), std::max(out->high, l.high)} : l;
  }
  return out.value_or(ColourLimits{});
}

std::string cdsa_thumbnail(const findings::RecordingTrends& t, double duration_s, double width,
                           double height, std::string_view label, ColourLimits limits,
                           double max_hz) {
  if (t.spectrograms.empty() || t.spectrogram_time_s.empty() || shown_bins(t, max_hz).empty() ||
      !(duration_s > 0.0))
    return "";
  const auto image = cdsa_image(t, t.spectrograms.front(), max_hz, limits, 400);
  Svg svg(width, height, "", label);
  const LinearScale x(0.0, duration_s, 0.0, width);
  const double half = t.spectrogram_window_s / 2.0;
  svg.rect(0, 0, width, height, {"", "", hex(kMissingColour), -1, "", -1});
  const double x0 = x(t.spectrogram_time_s.front() - half);
  svg.clip_rect(std::string(label) + "-clip", 0, 0, width, height);
  svg.open_group("", std::string(label) + "-clip");
  svg.image(x0, 0, x(t.spectrogram_time_s.back() + half) - x0, height, png_data_uri(image), true);
  svg.close_group();
  svg.rect(0, 0, width, height, {"frame", "", "none", -1, "", -1});
  return svg.str();
}

}  // namespace eegtrack::report
