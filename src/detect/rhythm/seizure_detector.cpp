#include "eegtrack/detect/rhythm/seizure_detector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/require.hpp"
#include "evolving_seizure.hpp"
#include "rhythm_criteria.hpp"
#include "rhythm_run.hpp"
#include "rhythm_windows.hpp"
#include "seizure_merge.hpp"

namespace eegtrack::detect {

using detail::RhythmChannels;
using detail::RhythmRun;
using detail::RhythmWindow;
using detail::RhythmWindowStream;

void validate(const SeizureParams& p) {
  constexpr const char* w = "SeizureParams";
  const auto positive = [&](const char* field, double v) {
    dsp::require(v > 0.0 && std::isfinite(v), w, field, v, "must be finite and > 0");
  };
  const auto fraction = [&](const char* field, double v) {
    dsp::require(v >= 0.0 && v <= 1.0, w, field, v, "must be in [0, 1]");
  };
  validate(p.criteria, w, "criteria.");
  dsp::require(p.min_channels >= 1, w, "min_channels", p.min_channels, "must be >= 1");
  positive("min_duration_s", p.min_duration_s);
  dsp::require(p.max_gap_s >= 0.0 && std::isfinite(p.max_gap_s), w, "max_gap_s", p.max_gap_s,
               "must be finite and >= 0");
  positive("onset_s", p.onset_s);
  positive("evolution_block_s", p.evolution_block_s);
  positive("evolution_step_hz", p.evolution_step_hz);
  dsp::require(p.evolution_window_s >= p.criteria.step_s && std::isfinite(p.evolution_window_s), w,
               "evolution_window_s", p.evolution_window_s, "must be finite and >= criteria.step_s");
  positive("evolution_min_frequency_hz", p.evolution_min_frequency_hz);
  dsp::require(p.evolution_max_frequency_hz > p.evolution_min_frequency_hz &&
                   std::isfinite(p.evolution_max_frequency_hz),
               w, "evolution_max_frequency_hz", p.evolution_max_frequency_hz,
               "must be finite and > evolution_min_frequency_hz");
  fraction("evolution_min_rhythmicity", p.evolution_min_rhythmicity);
  positive("evolution_absolute_rms_uv", p.evolution_absolute_rms_uv);
  positive("evolution_relative_amplitude", p.evolution_relative_amplitude);
  dsp::require(p.evolution_min_channels >= 1, w, "evolution_min_channels", p.evolution_min_channels,
               "must be >= 1");
  fraction("evolution_field_fraction", p.evolution_field_fraction);
  dsp::require(p.evolution_min_steps >= 1, w, "evolution_min_steps", p.evolution_min_steps,
               "must be >= 1");
}

namespace {

void check_params(const SeizureParams& p, double sample_rate_hz) {
  dsp::require(sample_rate_hz >= 64.0 && sample_rate_hz <= detail::kMaxRhythmSampleRateHz,
               "SeizureDetector", "sample_rate_hz", sample_rate_hz,
               "must be >= 64 Hz and <= 100 kHz");
  validate(p);
}

// ACNS 2021 ESz criterion (a) asks for discharges averaging > 2.5 Hz. The detector accepts
// rhythms from min_frequency_hz (2 Hz) because the autocorrelation frequency of real seizures
// reads low (chb01: 2.4-2.8 Hz), so a non-evolving seizure whose mean frequency is not above
// 2.5 Hz meets criterion (a) only borderline; the event says so for the reviewer (static
// rhythmic delta at 2-2.5 Hz, common on slow encephalopathic backgrounds, lands here).
constexpr double kAcnsSeizureHz = 2.5;

// A run that does not evolve and whose involved channels are all parietal or occipital.
bool static_posterior(const Event& e) {
  if (e.modifiers.find("evolving") != std::string::npos || e.channels.empty())
    return false;
  return std::all_of(e.channels.begin(), e.channels.end(), [](const std::string& label) {
    const auto site = sites::electrode_site(label);
    return site &&
           (site->region == sites::Region::Parietal || site->region == sites::Region::Occipital);
  });
}

void mark_borderline_frequency(Event& e) {
  if (e.modifiers.find("evolving") != std::string::npos || e.frequency_hz > kAcnsSeizureHz)
    return;
  e.modifiers += e.modifiers.empty() ? "borderline_frequency" : " borderline_frequency";
}

}  // namespace

struct SeizureDetector::State {
  SeizureParams params;
  RhythmChannels rhythm;  ///< rule (a)'s criterion
  RhythmWindowStream stream;
  std::optional<RhythmRun> run;
  std::optional<detail::EvolvingPatternRule> evolving_rule;
  double frontier_s = -std::numeric_limits<double>::infinity();  ///< next rule (a) window start
  std::vector<Event> pending;  ///< final events of either rule, not yet merged and released
  std::vector<Event> ready;

  State(std::vector<DetectionChannel> ch, double fs, const SeizureParams& p)
      : params(p),
        rhythm(std::move(ch), detail::ictal_criteria(p)),
        stream(rhythm.size(), fs,
               {.window_s = p.criteria.window_s,
                .step_s = p.criteria.step_s,
                .min_frequency_hz = std::min(1.5, p.criteria.min_frequency_hz),
                .max_frequency_hz = std::max(14.0, p.criteria.max_frequency_hz)}) {
    if (p.evolution_rule)
      evolving_rule.emplace(rhythm.channels(), fs, p);
  }

  // Releases the merged events no later event of either rule can overlap.
  void release(bool everything) {
    double before = std::numeric_limits<double>::infinity();
    if (!everything) {
      before = run ? run->onset_s() : frontier_s;
      if (evolving_rule)
        before =
            std::min(before, evolving_rule->open_onset_s().value_or(evolving_rule->frontier_s()));
    }
    for (auto& e : detail::release_merged(pending, before)) {
      mark_borderline_frequency(e);
      ready.push_back(std::move(e));
    }
  }

  void collect_evolving() {
    if (evolving_rule) {
      for (auto& e : evolving_rule->take_events())
        pending.push_back(std::move(e));
    }
  }

  void close_run() {
    if (!run)
      return;
    if (run->span_s() >= params.min_duration_s - 1e-9) {
      Event e = run->to_event(EventType::Seizure, rhythm.channels());
      if (params.static_posterior_is_background && static_posterior(e)) {
        run.reset();
        return;
      }
      // Margins: how far the run exceeds the channel count and the duration it needs.
      const double channel_margin = std::min(
          1.0, run->mean_channel_count() / (2.0 * static_cast<double>(params.min_channels)));
      const double duration_margin = std::min(1.0, run->span_s() / (2.0 * params.min_duration_s));
      e.confidence = std::clamp(
          0.5 * channel_margin + 0.3 * duration_margin + (run->evolving() ? 0.2 : 0.0), 0.0, 1.0);
      pending.push_back(std::move(e));
    }
    run.reset();
  }

  void analyse(const RhythmWindow& window) {
    frontier_s = window.start_s + params.criteria.step_s;
    const auto margins = rhythm.margins(window);
    rhythm.update_backgrounds(window, margins);
    const auto taking_part = static_cast<std::size_t>(
        std::count_if(margins.begin(), margins.end(), [](double m) { return m > 0.0; }));
    const std::size_t support = taking_part == 0 ? 0 : rhythm.supporting(window, margins);
    if (taking_part >= 1 && taking_part + support >= params.min_channels) {
      if (!run)
        run.emplace(rhythm.size(), window.start_s,
                    detail::RunSettings{.window_s = params.criteria.window_s,
                                        .onset_s = params.onset_s,
                                        .evolution_block_s = params.evolution_block_s,
                                        .evolution_step_hz = params.evolution_step_hz});
      run->add(window, margins);
      return;
    }
    if (run &&
        window.start_s - run->last_start_s() > params.max_gap_s + 0.5 * params.criteria.step_s)
      close_run();
  }
};

SeizureDetector::SeizureDetector(std::vector<DetectionChannel> channels, double sample_rate_hz,
                                 SeizureParams params) {
  check_params(params, sample_rate_hz);
  state_ = std::make_unique<State>(std::move(channels), sample_rate_hz, params);
}

SeizureDetector::~SeizureDetector() = default;
SeizureDetector::SeizureDetector(SeizureDetector&&) noexcept = default;
SeizureDetector& SeizureDetector::operator=(SeizureDetector&&) noexcept = default;

void SeizureDetector::push(const DetectionBlock& block) {
  State& s = *state_;
  if (!block.continues_previous) {
    s.close_run();  // no event spans a gap
    s.rhythm.clear_backgrounds();
    if (s.evolving_rule)
      s.evolving_rule->end_segment();
    s.collect_evolving();
    s.release(true);
  }
  for (const RhythmWindow& w : s.stream.push(block))
    s.analyse(w);
  if (s.evolving_rule)
    s.evolving_rule->push(block);
  s.collect_evolving();
  s.release(false);
}

std::vector<Event> SeizureDetector::take_events() {
  std::vector<Event> out;
  out.swap(state_->ready);
  sort_events(out);
  return out;
}

std::vector<Event> SeizureDetector::finish() {
  state_->close_run();
  if (state_->evolving_rule)
    state_->evolving_rule->close_run();
  state_->collect_evolving();
  state_->release(true);
  return take_events();
}

}  // namespace eegtrack::detect
