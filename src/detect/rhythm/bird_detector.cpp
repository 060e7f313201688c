#include "eegtrack/detect/rhythm/bird_detector.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/require.hpp"
#include "rhythm_criteria.hpp"
#include "rhythm_run.hpp"
#include "rhythm_windows.hpp"

namespace eegtrack::detect {

using detail::RhythmChannels;
using detail::RhythmRun;
using detail::RhythmWindow;
using detail::RhythmWindowStream;

void validate(const BirdParams& p) {
  constexpr const char* w = "BirdParams";
  validate(p.criteria, w, "criteria.");
  dsp::require(p.min_channels >= 1, w, "min_channels", p.min_channels, "must be >= 1");
  dsp::require(p.max_duration_s > p.min_duration_s && std::isfinite(p.max_duration_s), w,
               "max_duration_s", p.max_duration_s, "must be finite and > min_duration_s");
}

namespace {

void check_params(const BirdParams& p, double sample_rate_hz) {
  dsp::require(sample_rate_hz >= 64.0 && sample_rate_hz <= detail::kMaxRhythmSampleRateHz,
               "BirdDetector", "sample_rate_hz", sample_rate_hz, "must be >= 64 Hz and <= 100 kHz");
  validate(p);
}

}  // namespace

struct BirdDetector::State {
  BirdParams params;
  RhythmChannels rhythm;
  RhythmWindowStream stream;
  std::optional<RhythmRun> run;
  std::vector<Event> ready;

  State(std::vector<DetectionChannel> ch, double fs, const BirdParams& p)
      : params(p),
        rhythm(std::move(ch), detail::bird_criteria(p)),
        stream(rhythm.size(), fs,
               {.window_s = p.criteria.window_s,
                .step_s = p.criteria.step_s,
                .min_frequency_hz = 1.5,
                .max_frequency_hz = std::max(14.0, p.criteria.max_frequency_hz)}) {}

  void close_run() {
    if (!run)
      return;
    const double span_s = run->span_s();
    Event e = run->to_event(EventType::BIRD, rhythm.channels());
    const double waves = e.frequency_hz * span_s;
    if (span_s >= params.min_duration_s - 1e-9 && span_s < params.max_duration_s &&
        waves >= params.min_waves) {
      const double channel_margin = std::min(1.0, run->mean_channel_count() / 3.0);
      e.confidence = std::clamp(
          0.4 + 0.3 * std::min(1.0, waves / (2.0 * params.min_waves)) + 0.3 * channel_margin, 0.0,
          1.0);
      ready.push_back(std::move(e));
    }
    run.reset();
  }

  void analyse(const RhythmWindow& window) {
    auto margins = rhythm.margins(window);
    // BIRDs are > criteria.min_frequency_hz; the shared criterion includes its lower edge.
    for (std::size_t c = 0; c < margins.size(); ++c) {
      if (window.channels[c].frequency_hz <= params.criteria.min_frequency_hz)
        margins[c] = 0.0;
    }
    rhythm.update_backgrounds(window, margins);
    const auto taking_part = static_cast<std::size_t>(
        std::count_if(margins.begin(), margins.end(), [](double m) { return m > 0.0; }));
    if (taking_part < params.min_channels) {
      close_run();
      return;
    }
    if (!run)
      run.emplace(rhythm.size(), window.start_s,
                  detail::RunSettings{.window_s = params.criteria.window_s,
                                      .onset_s = params.criteria.window_s,
                                      .evolution_block_s = params.criteria.window_s,
                                      .evolution_step_hz = 0.5});
    run->add(window, margins);
  }
};

BirdDetector::BirdDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                           BirdParams params) {
  check_params(params, sample_rate_hz);
  state_ = std::make_unique<State>(std::move(channels), sample_rate_hz, params);
}

BirdDetector::~BirdDetector() = default;
BirdDetector::BirdDetector(BirdDetector&&) noexcept = default;
BirdDetector& BirdDetector::operator=(BirdDetector&&) noexcept = default;

void BirdDetector::push(const DetectionBlock& block) {
  if (!block.continues_previous) {
    state_->close_run();
    state_->rhythm.clear_backgrounds();
  }
  for (const RhythmWindow& w : state_->stream.push(block))
    state_->analyse(w);
}

std::vector<Event> BirdDetector::take_events() {
  std::vector<Event> out;
  out.swap(state_->ready);
  sort_events(out);
  return out;
}

std::vector<Event> BirdDetector::finish() {
  state_->close_run();
  return take_events();
}

}  // namespace eegtrack::detect
