#include "evolving_seizure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eegtrack::detect::detail {

namespace {

// The slow analysis band: low enough for 0.5-Hz delta, high enough to keep the harmonics that
// make a 3-4 Hz discharge sharp, but below most of the posterior alpha.
constexpr double kLowHz = 0.5;
constexpr double kHighHz = 7.0;
// Periods are searched up to 12 Hz so that theta or alpha is read at its own period (and then
// rejected by the frequency range), not at a subharmonic inside the delta range.
constexpr double kFastestSearchedHz = 12.0;

}  // namespace

EvolvingPatternRule::EvolvingPatternRule(std::vector<DetectionChannel> channels,
                                         double sample_rate_hz, const SeizureParams& params)
    : params_(params),
      rhythm_(std::move(channels), evolution_criteria(params)),
      stream_(rhythm_.size(), sample_rate_hz,
              {.window_s = params.evolution_window_s,
               .step_s = params.criteria.step_s,
               .low_hz = kLowHz,
               .high_hz = kHighHz,
               .min_frequency_hz = params.evolution_min_frequency_hz,
               .max_frequency_hz = kFastestSearchedHz}),
      frontier_s_(-std::numeric_limits<double>::infinity()) {}

void EvolvingPatternRule::push(const DetectionBlock& block) {
  for (const RhythmWindow& w : stream_.push(block))
    analyse(w);
}

void EvolvingPatternRule::end_segment() {
  close_run();
  rhythm_.clear_backgrounds();
}

std::optional<double> EvolvingPatternRule::open_onset_s() const {
  if (!run_)
    return std::nullopt;
  return run_->onset_s();
}

std::vector<Event> EvolvingPatternRule::take_events() {
  std::vector<Event> out;
  out.swap(ready_);
  return out;
}

void EvolvingPatternRule::close_run() {
  if (!run_)
    return;
  const EvolutionFinding found = evolution_->finding();
  if (run_->span_s() >= params_.min_duration_s - 1e-9 && found.evolving()) {
    Event e = run_->to_event(EventType::Seizure, rhythm_.channels());
    e.modifiers = "evolving rule_b";  // "rule_b": the ESz criterion, as written in outputs
    e.modifiers += found.frequency ? " frequency_evolution" : "";
    e.modifiers += found.location ? " location_evolution" : "";
    const double channel_margin =
        std::min(1.0, run_->mean_channel_count() /
                          (2.0 * static_cast<double>(params_.evolution_min_channels)));
    const double duration_margin = std::min(1.0, run_->span_s() / (2.0 * params_.min_duration_s));
    e.confidence = std::clamp(0.3 + 0.2 * channel_margin + 0.2 * duration_margin +
                                  (found.frequency ? 0.15 : 0.0) + (found.location ? 0.15 : 0.0),
                              0.0, 1.0);
    ready_.push_back(std::move(e));
  }
  run_.reset();
  evolution_.reset();
}

// Each involved channel's share of the field: its RMS above its background, relative to the
// strongest involved channel. A share does not change when the whole pattern grows or fades,
// only when the field changes shape (spreads or retreats).
std::vector<double> EvolvingPatternRule::field_shares(const RhythmWindow& window,
                                                      const std::vector<bool>& involved) const {
  std::vector<double> share(involved.size(), 0.0);
  double strongest = 0.0;
  for (std::size_t c = 0; c < involved.size(); ++c) {
    if (!involved[c])
      continue;
    const double rms = window.channels[c].rms_uv;
    const double background = rhythm_.backgrounds().background_uv(c);
    share[c] = std::sqrt(std::max(0.0, rms * rms - background * background));
    strongest = std::max(strongest, share[c]);
  }
  for (double& s : share)
    s = strongest > 0.0 ? s / strongest : 0.0;
  return share;
}

void EvolvingPatternRule::analyse(const RhythmWindow& window) {
  frontier_s_ = window.start_s + params_.criteria.step_s;
  const auto margins = rhythm_.margins(window);
  rhythm_.update_backgrounds(window, margins);
  std::vector<bool> involved = rhythm_.supporting_mask(window, margins);
  std::size_t taking_part = 0;
  for (std::size_t c = 0; c < margins.size(); ++c) {
    taking_part += margins[c] > 0.0 ? 1 : 0;
    involved[c] = involved[c] || margins[c] > 0.0;
  }
  const auto involved_count =
      static_cast<std::size_t>(std::count(involved.begin(), involved.end(), true));
  if (taking_part >= 1 && involved_count >= params_.evolution_min_channels) {
    if (!run_) {
      run_.emplace(rhythm_.size(), window.start_s,
                   RunSettings{.window_s = params_.evolution_window_s,
                               .onset_s = params_.onset_s,
                               .evolution_block_s = params_.evolution_block_s,
                               .evolution_step_hz = params_.evolution_step_hz});
      evolution_.emplace(
          rhythm_.size(), window.start_s,
          EvolutionSettings{.step_s = params_.criteria.step_s,
                            .block_s = params_.evolution_block_s,
                            .step_hz = params_.evolution_step_hz,
                            .location_step_channels = params_.evolution_location_step_channels,
                            .field_fraction = params_.evolution_field_fraction,
                            .min_steps = params_.evolution_min_steps});
    }
    run_->add(window, margins);
    evolution_->add(window.start_s, median_frequency(window, margins),
                    field_shares(window, involved));
    return;
  }
  if (run_ &&
      window.start_s - run_->last_start_s() > params_.max_gap_s + 0.5 * params_.criteria.step_s)
    close_run();
}

}  // namespace eegtrack::detect::detail
