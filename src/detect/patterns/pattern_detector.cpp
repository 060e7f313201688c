#include "eegtrack/detect/patterns/pattern_detector.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "analysis_window.hpp"
#include "eegtrack/dsp/require.hpp"
#include "periodic_trains.hpp"
#include "rhythmic_delta.hpp"
#include "segment_buffer.hpp"

namespace eegtrack::detect {
namespace detail {

// Windows are counted from the segment start: core j = [j hop, (j + 1) hop), analysed with
// `margin` on each side, so block boundaries never change what is computed.
constexpr double kHopS = 10.0;
constexpr double kMarginS = 5.0;

struct PatternState {
  PatternParams params;
  double fs = 0.0;
  std::size_t input_channels = 0;
  std::vector<PatternChannel> channels;
  SegmentBuffer buffer{{}, 0, 0};  ///< analysed (scalp) channels of the current segment
  DischargeChain left;
  DischargeChain right;
  HemispherePairing pairing;
  RdaRuns rda{&channels, &params};
  std::vector<Event> ready;

  void analyse(const SegmentWindow& w);
  void take_chain(int hemisphere, std::optional<DischargeChain::Chain> chain);
  void end_segment();
};

void PatternState::take_chain(int hemisphere, std::optional<DischargeChain::Chain> chain) {
  if (!chain)
    return;
  for (auto& t : qualifying_trains(*chain, hemisphere, channels, params))
    pairing.add(std::move(t));
}

void PatternState::analyse(const SegmentWindow& w) {
  const WindowSpan span{buffer.segment_start_s(), fs, w.span_begin, w.core_begin, w.core_end};
  const std::size_t data_end = w.span_end;
  std::vector<std::vector<double>> data;
  for (std::size_t k = 0; k < channels.size(); ++k) {
    const auto x = buffer.samples(k, span.data_begin, data_end);
    data.emplace_back(x.begin(), x.end());
  }
  if (data_end - span.data_begin >= static_cast<std::size_t>(2.0 * fs)) {
    const WindowResult r = analyse_window(data, span, channels, params);
    for (const auto& d : r.left)
      take_chain(-1, left.add(d));
    for (const auto& d : r.right)
      take_chain(1, right.add(d));
    for (const auto& f : r.frames) {
      if (auto e = rda.add(f))
        ready.push_back(std::move(*e));
    }
  }
  const double now = buffer.segment_start_s() + static_cast<double>(span.core_end) / fs;
  take_chain(-1, left.advance(now));
  take_chain(1, right.advance(now));
  pairing.resolve(left.open_since(), right.open_since(), channels, params, ready);
}

void PatternState::end_segment() {
  if (buffer.in_segment()) {
    while (auto w = buffer.next_window(true))
      analyse(*w);
    take_chain(-1, left.close());
    take_chain(1, right.close());
    pairing.resolve(std::nullopt, std::nullopt, channels, params, ready);
    if (auto e = rda.close())
      ready.push_back(std::move(*e));
  }
  buffer.end_segment();
}

}  // namespace detail

void validate(const PatternParams& p) {
  constexpr const char* w = "PatternParams";
  const auto positive = [&](const char* field, double v) {
    dsp::require(v > 0.0 && std::isfinite(v), w, field, v, "must be finite and > 0");
  };
  const auto fraction = [&](const char* field, double v) {
    dsp::require(v >= 0.0 && v <= 1.0, w, field, v, "must be in [0, 1]");
  };
  positive("pd_band_low_hz", p.pd_band_low_hz);
  dsp::require(p.pd_band_high_hz > p.pd_band_low_hz && std::isfinite(p.pd_band_high_hz), w,
               "pd_band_high_hz", p.pd_band_high_hz, "must be finite and > pd_band_low_hz");
  positive("pd_amplitude_ratio", p.pd_amplitude_ratio);
  positive("pd_max_discharge_s", p.pd_max_discharge_s);
  positive("pd_min_rate_hz", p.pd_min_rate_hz);
  dsp::require(p.pd_max_rate_hz > p.pd_min_rate_hz && std::isfinite(p.pd_max_rate_hz), w,
               "pd_max_rate_hz", p.pd_max_rate_hz, "must be finite and > pd_min_rate_hz");
  fraction("pd_min_uniform_fraction", p.pd_min_uniform_fraction);
  dsp::require(p.pd_min_channels >= 1, w, "pd_min_channels", p.pd_min_channels, "must be >= 1");
  positive("rda_low_hz", p.rda_low_hz);
  dsp::require(p.rda_high_hz > p.rda_low_hz && std::isfinite(p.rda_high_hz), w, "rda_high_hz",
               p.rda_high_hz, "must be finite and > rda_low_hz");
  dsp::require(p.rda_frame_s >= 2.0 && p.rda_frame_s <= 2.0 * detail::kMarginS, w, "rda_frame_s",
               p.rda_frame_s,
               "must be in [2, " + dsp::format_value(2.0 * detail::kMarginS) + "] s");
  dsp::require(p.rda_min_peak_fraction > 0.0 && p.rda_min_peak_fraction <= 1.0, w,
               "rda_min_peak_fraction", p.rda_min_peak_fraction, "must be in (0, 1]");
  dsp::require(p.rda_min_channels >= 1, w, "rda_min_channels", p.rda_min_channels, "must be >= 1");
  dsp::require(p.min_cycles >= 3, w, "min_cycles", p.min_cycles, "must be >= 3");
  dsp::require(p.lateral_amplitude_ratio > 1.0 && std::isfinite(p.lateral_amplitude_ratio), w,
               "lateral_amplitude_ratio", p.lateral_amplitude_ratio, "must be finite and > 1");
  positive("max_event_s", p.max_event_s);
}

namespace {

void validate(const PatternParams& p, double fs) {
  dsp::require(fs >= 100.0 && fs <= 4096.0, "PatternDetector", "sample_rate_hz", fs,
               "must be in [100, 4096] Hz");
  detect::validate(p);
}

}  // namespace

PatternDetector::PatternDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                                 PatternParams params)
    : state_(std::make_unique<detail::PatternState>()) {
  validate(params, sample_rate_hz);
  auto& s = *state_;
  s.params = params;
  s.fs = sample_rate_hz;
  s.input_channels = channels.size();
  std::vector<std::size_t> scalp;  // input indices of the analysed channels
  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (!channels[c].site)
      continue;
    const auto& site = *channels[c].site;
    scalp.push_back(c);
    s.channels.push_back({channels[c].label, channels[c].plus, site.side, site.region});
  }
  if (scalp.empty())
    throw std::invalid_argument("PatternDetector: no scalp channel");
  s.buffer = detail::SegmentBuffer(
      std::move(scalp), static_cast<std::size_t>(std::lround(detail::kHopS * sample_rate_hz)),
      static_cast<std::size_t>(std::lround(detail::kMarginS * sample_rate_hz)));
  s.left.max_gap_s = 1.5 / params.pd_min_rate_hz;
  s.left.max_length_s = params.max_event_s;
  s.right.max_gap_s = s.left.max_gap_s;
  s.right.max_length_s = params.max_event_s;
  s.left.min_interval_s = 0.5 / params.pd_max_rate_hz;
  s.right.min_interval_s = s.left.min_interval_s;
}

PatternDetector::~PatternDetector() = default;
PatternDetector::PatternDetector(PatternDetector&&) noexcept = default;
PatternDetector& PatternDetector::operator=(PatternDetector&&) noexcept = default;

void PatternDetector::push(const DetectionBlock& block) {
  auto& s = *state_;
  if (block.samples.size() != s.input_channels)
    throw std::invalid_argument("PatternDetector::push: wrong channel count (" +
                                std::to_string(block.samples.size()) + ")");
  if (block.sample_rate_hz != s.fs)
    throw std::invalid_argument("PatternDetector::push: sample rate changed (" +
                                std::to_string(block.sample_rate_hz) + ")");
  const std::size_t n = block.samples.empty() ? 0 : block.samples[0].size();
  for (const auto& x : block.samples) {
    if (x.size() != n)
      throw std::invalid_argument("PatternDetector::push: channels of unequal length");
  }
  if (!block.continues_previous || !s.buffer.in_segment()) {
    s.end_segment();
    s.buffer.start_segment(block.start_s);
  } else if (block.start_s <
             s.buffer.segment_start_s() + (static_cast<double>(s.buffer.received()) - 0.5) / s.fs) {
    throw std::invalid_argument("PatternDetector::push: block starts before the previous end");
  }
  s.buffer.append(block);
  while (auto w = s.buffer.next_window(false))
    s.analyse(*w);
}

std::vector<Event> PatternDetector::take_events() {
  std::vector<Event> out = std::move(state_->ready);
  state_->ready.clear();
  sort_events(out);
  return out;
}

std::vector<Event> PatternDetector::finish() {
  state_->end_segment();
  return take_events();
}

}  // namespace eegtrack::detect
