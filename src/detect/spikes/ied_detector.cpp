#include "eegtrack/detect/spikes/ied_detector.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <span>
#include <stdexcept>
#include <string>

#include "discharge_analysis.hpp"
#include "eegtrack/dsp/require.hpp"
#include "eegtrack/dsp/sos_filter.hpp"
#include "segment_buffer.hpp"

namespace eegtrack::detect {

void validate(const IedParams& p) {
  constexpr const char* w = "IedParams";
  const auto positive = [&](const char* field, double v) {
    dsp::require(v > 0.0 && std::isfinite(v), w, field, v, "must be finite and > 0");
  };
  dsp::require(p.core_window_s >= 1.0 && std::isfinite(p.core_window_s), w, "core_window_s",
               p.core_window_s, "must be finite and >= 1 s");
  dsp::require(p.context_s >= 1.0 && std::isfinite(p.context_s), w, "context_s", p.context_s,
               "must be finite and >= 1 s");
  positive("min_duration_s", p.min_duration_s);
  dsp::require(p.spike_max_duration_s > p.min_duration_s, w, "spike_max_duration_s",
               p.spike_max_duration_s, "must be > min_duration_s");
  dsp::require(p.max_duration_s > p.spike_max_duration_s && std::isfinite(p.max_duration_s), w,
               "max_duration_s", p.max_duration_s, "must be finite and > spike_max_duration_s");
  positive("broadband_low_hz", p.broadband_low_hz);
  dsp::require(p.broadband_high_hz > p.broadband_low_hz, w, "broadband_high_hz",
               p.broadband_high_hz, "must be > broadband_low_hz");
  positive("fast_low_hz", p.fast_low_hz);
  dsp::require(p.fast_high_hz > p.fast_low_hz, w, "fast_high_hz", p.fast_high_hz,
               "must be > fast_low_hz");
  positive("min_amplitude_ratio", p.min_amplitude_ratio);
  positive("min_slope_ratio", p.min_slope_ratio);
  positive("min_field_ratio", p.min_field_ratio);
  positive("min_asymmetry", p.min_asymmetry);
  positive("min_slow_wave_fraction", p.min_slow_wave_fraction);
  positive("envelope_k", p.envelope_k);
  positive("whitening_regularisation", p.whitening_regularisation);
  positive("whitening_clip_sd", p.whitening_clip_sd);
  positive("similar_depth_fraction", p.similar_depth_fraction);
  dsp::require(p.similar_duration_ratio >= 1.0, w, "similar_duration_ratio",
               p.similar_duration_ratio, "must be >= 1");
  dsp::require(p.rhythm_context_s >= 0.0, w, "rhythm_context_s", p.rhythm_context_s,
               "must be >= 0");
  positive("innovation_order_s", p.innovation_order_s);
  dsp::require(p.whitened_candidate_ratio >= 0.0, w, "whitened_candidate_ratio",
               p.whitened_candidate_ratio, "must be >= 0");
  positive("max_opposite_ratio", p.max_opposite_ratio);
}

namespace detail {

/// Running state: the samples of the current segment not yet analysed (plus the context the
/// next core window needs), and the events found so far.
struct IedState {
  std::vector<DetectionChannel> channels;  ///< scalp channels only
  std::size_t block_channels = 0;
  double fs = 0.0;
  IedParams params;
  IedFilters filters;
  IedFieldModel field_model;
  /// Scalp channels of the current segment: core windows with their context on each side.
  SegmentBuffer buffer{{}, 0, 0};
  std::vector<Event> events;
  std::size_t concurrent_windows = 1;

  [[nodiscard]] std::vector<Event> analyse_core(const SegmentWindow& w) const;
  void analyse(const std::vector<SegmentWindow>& windows);
  void analyse_ready();
  void end_segment();
};

std::vector<Event> IedState::analyse_core(const SegmentWindow& w) const {
  const std::size_t core_begin = w.core_begin;
  const std::size_t core_end = w.core_end;
  const std::size_t span_begin = w.span_begin;
  const std::size_t span_end = w.span_end;
  // Too short a segment for the filters and a background estimate: nothing is reported.
  if (span_end - span_begin < static_cast<std::size_t>(2.0 * fs))
    return {};
  std::vector<std::span<const double>> raw;
  for (std::size_t c = 0; c < channels.size(); ++c)
    raw.push_back(buffer.samples(c, span_begin, span_end));
  auto broadband = dsp::sosfiltfilt_channels(filters.broadband, raw);
  const auto fast = dsp::sosfiltfilt_channels(filters.fast, raw);
  std::vector<IedChannelView> views;
  views.reserve(channels.size());
  std::vector<IedDischarge> discharges;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    views.push_back(view_channel(raw[c], std::move(broadband[c]), fast[c], params, fs));
    for (std::size_t peak : candidate_peaks(views.back(), params, fs)) {
      if (auto d = measure_discharge(views.back(), c, peak, params, fs))
        discharges.push_back(*d);
    }
  }
  const double span_start_s = buffer.segment_start_s() + static_cast<double>(span_begin) / fs;
  const IedWhitener whitener = make_whitener(views, field_model, params);
  {
    // Discharges whose field pools evidence over several channels: found on the whitened
    // virtual channels (the core window and the merge distance around it).
    const auto margin = static_cast<std::size_t>(std::lround(params.merge_s * fs));
    const std::size_t begin =
        core_begin - span_begin > margin ? core_begin - span_begin - margin : 0;
    auto extra = whitened_candidates(views, field_model, whitener, begin,
                                     core_end - span_begin + margin, params, fs);
    for (auto& d : extra) {
      const bool known = std::any_of(
          discharges.begin(), discharges.end(),
          [&](const IedDischarge& o) { return o.channel == d.channel && o.peak == d.peak; });
      if (!known)
        discharges.push_back(d);
    }
  }
  return field_events(views, std::move(discharges), channels, field_model, whitener,
                      core_begin - span_begin, core_end - span_begin, span_start_s, params, fs);
}

// Each window depends on its own samples alone: all but the first run on helper threads, and
// their events are kept in window order, as one thread would find them.
void IedState::analyse(const std::vector<SegmentWindow>& windows) {
  std::vector<std::vector<Event>> found(windows.size());
  std::vector<std::future<void>> helpers;
  for (std::size_t i = 1; i < windows.size(); ++i)
    helpers.push_back(std::async(
        std::launch::async, [this, &found, &windows, i] { found[i] = analyse_core(windows[i]); }));
  found.front() = analyse_core(windows.front());
  for (auto& helper : helpers)
    helper.get();
  for (auto& f : found)
    events.insert(events.end(), std::make_move_iterator(f.begin()),
                  std::make_move_iterator(f.end()));
}

void IedState::analyse_ready() {
  while (buffer.ready_windows(false) >= concurrent_windows)
    analyse(buffer.next_windows(false, concurrent_windows));
}

void IedState::end_segment() {
  for (auto w = buffer.next_windows(true, concurrent_windows); !w.empty();
       w = buffer.next_windows(true, concurrent_windows))
    analyse(w);
  buffer.end_segment();
}

void validate(const IedParams& p, double fs) {
  dsp::require(fs >= 100.0 && fs <= 4096.0, "IedDetector", "sample_rate_hz", fs,
               "must be in [100, 4096] Hz");
  detect::validate(p);
  dsp::require(p.fast_low_hz < 0.45 * fs, "IedDetector", "fast_low_hz", p.fast_low_hz,
               "must be below 0.45 x the sample rate");
  dsp::require(p.broadband_low_hz < 0.45 * fs, "IedDetector", "broadband_low_hz",
               p.broadband_low_hz, "must be below 0.45 x the sample rate");
}

}  // namespace detail

IedDetector::IedDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                         IedParams params)
    : state_(std::make_unique<detail::IedState>()) {
  detail::validate(params, sample_rate_hz);
  auto& s = *state_;
  s.block_channels = channels.size();
  std::vector<std::size_t> scalp;  // their index in the block
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (!channels[c].site)
      continue;
    scalp.push_back(c);
    s.channels.push_back(std::move(channels[c]));
  }
  if (s.channels.empty())
    throw std::invalid_argument("IedDetector: no scalp channel (0)");
  s.fs = sample_rate_hz;
  s.params = params;
  s.filters = detail::design_ied_filters(params, sample_rate_hz);
  s.buffer = detail::SegmentBuffer(
      std::move(scalp),
      static_cast<std::size_t>(std::lround(params.core_window_s * sample_rate_hz)),
      static_cast<std::size_t>(std::lround(params.context_s * sample_rate_hz)));
  const double spreads[] = {15.0, 20.0, 27.0, 35.0, 45.0};
  s.field_model = detail::make_field_model(s.channels, spreads);
}

IedDetector::~IedDetector() = default;
IedDetector::IedDetector(IedDetector&&) noexcept = default;
IedDetector& IedDetector::operator=(IedDetector&&) noexcept = default;

void IedDetector::push(const DetectionBlock& block) {
  auto& s = *state_;
  if (block.samples.size() != s.block_channels)
    throw std::invalid_argument("IedDetector::push: wrong channel count (" +
                                std::to_string(block.samples.size()) + ")");
  if (std::abs(block.sample_rate_hz - s.fs) > 1e-9 * s.fs)
    throw std::invalid_argument("IedDetector::push: sample rate differs (" +
                                std::to_string(block.sample_rate_hz) + ")");
  const std::size_t n = block.samples.empty() ? 0 : block.samples[0].size();
  for (const auto& channel : block.samples) {
    if (channel.size() != n)
      throw std::invalid_argument("IedDetector::push: channels of unequal length (" +
                                  std::to_string(channel.size()) + ")");
  }
  if (!block.continues_previous || !s.buffer.in_segment()) {
    s.end_segment();
    s.buffer.start_segment(block.start_s);
  }
  s.buffer.append(block);
  s.analyse_ready();
}

void IedDetector::set_concurrent_windows(std::size_t windows) {
  if (windows == 0)
    throw std::invalid_argument("IedDetector::set_concurrent_windows: at least one window (0)");
  state_->concurrent_windows = windows;
}

std::vector<Event> IedDetector::finish() {
  state_->end_segment();
  return take_events();
}

std::vector<Event> IedDetector::take_events() {
  std::vector<Event> out = std::move(state_->events);
  state_->events.clear();
  sort_events(out);
  return out;
}

}  // namespace eegtrack::detect
