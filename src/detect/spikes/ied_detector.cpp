#include "eegtrack/detect/spikes/ied_detector.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "discharge_analysis.hpp"
#include "segment_buffer.hpp"

namespace eegtrack::detect {
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

  void analyse_core(const SegmentWindow& w);
  void analyse_ready();
  void end_segment();
};

void IedState::analyse_core(const SegmentWindow& w) {
  const std::size_t core_begin = w.core_begin;
  const std::size_t core_end = w.core_end;
  const std::size_t span_begin = w.span_begin;
  const std::size_t span_end = w.span_end;
  // Too short a segment for the filters and a background estimate: nothing is reported.
  if (span_end - span_begin < static_cast<std::size_t>(2.0 * fs))
    return;
  std::vector<IedChannelView> views;
  views.reserve(channels.size());
  std::vector<IedDischarge> discharges;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const std::span<const double> raw = buffer.samples(c, span_begin, span_end);
    views.push_back(view_channel(raw, filters, params, fs));
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
  auto found =
      field_events(views, std::move(discharges), channels, field_model, whitener,
                   core_begin - span_begin, core_end - span_begin, span_start_s, params, fs);
  events.insert(events.end(), found.begin(), found.end());
}

void IedState::analyse_ready() {
  while (auto w = buffer.next_window(false))
    analyse_core(*w);
}

void IedState::end_segment() {
  while (auto w = buffer.next_window(true))
    analyse_core(*w);
  buffer.end_segment();
}

void validate(const IedParams& p, double fs) {
  if (!(fs >= 100.0 && fs <= 4096.0))
    throw std::invalid_argument("IedDetector: sample rate outside [100, 4096] Hz (" +
                                std::to_string(fs) + ")");
  if (!(p.core_window_s >= 1.0 && p.context_s >= 1.0))
    throw std::invalid_argument("IedDetector: core_window_s and context_s must be >= 1 s (" +
                                std::to_string(p.core_window_s) + ")");
  if (!(p.min_duration_s > 0.0 && p.min_duration_s < p.spike_max_duration_s &&
        p.spike_max_duration_s < p.max_duration_s))
    throw std::invalid_argument("IedDetector: durations must satisfy 0 < min < spike_max < max (" +
                                std::to_string(p.spike_max_duration_s) + ")");
  if (!(p.broadband_low_hz > 0.0 && p.broadband_low_hz < p.broadband_high_hz &&
        p.fast_low_hz > 0.0 && p.fast_low_hz < p.fast_high_hz && p.fast_low_hz < 0.45 * fs &&
        p.broadband_low_hz < 0.45 * fs))
    throw std::invalid_argument("IedDetector: band edges must be 0 < low < high (" +
                                std::to_string(p.fast_low_hz) + ")");
  if (!(p.min_amplitude_ratio > 0.0 && p.min_slope_ratio > 0.0 && p.min_field_ratio > 0.0 &&
        p.min_asymmetry > 0.0 && p.min_slow_wave_fraction > 0.0 && p.envelope_k > 0.0))
    throw std::invalid_argument("IedDetector: ratio thresholds must be > 0 (" +
                                std::to_string(p.min_amplitude_ratio) + ")");
  if (!(p.whitening_regularisation > 0.0 && p.whitening_clip_sd > 0.0 &&
        p.similar_depth_fraction > 0.0 && p.similar_duration_ratio >= 1.0 &&
        p.rhythm_context_s >= 0.0 && p.innovation_order_s > 0.0 &&
        p.whitened_candidate_ratio >= 0.0 && p.max_opposite_ratio > 0.0))
    throw std::invalid_argument(
        "IedDetector: whitening and rhythm-context parameters out of range (" +
        std::to_string(p.whitening_regularisation) + ")");
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
