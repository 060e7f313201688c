#include "rhythm_run.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/dsp/robust_stats.hpp"
#include "onset_site.hpp"

namespace eegtrack::detect::detail {

RhythmRun::RhythmRun(std::size_t channel_count, double onset_s, const RunSettings& settings)
    : settings_(settings),
      onset_s_(onset_s),
      last_start_s_(onset_s),
      onset_weight_(channel_count, 0.0),
      involvement_(channel_count, 0.0) {}

double median_frequency(const RhythmWindow& window, const std::vector<double>& margins) {
  std::vector<double> f;
  for (std::size_t c = 0; c < margins.size(); ++c) {
    if (margins[c] > 0.0)
      f.push_back(window.channels[c].frequency_hz);
  }
  if (f.empty())
    return 0.0;
  return dsp::median(f, dsp::EvenMedian::Upper);
}

void RhythmRun::add(const RhythmWindow& window, const std::vector<double>& margins) {
  last_start_s_ = window.start_s;
  const bool at_onset = window.start_s < onset_s_ + settings_.onset_s - 1e-9;
  std::size_t taking_part = 0;
  for (std::size_t c = 0; c < margins.size(); ++c) {
    if (!(margins[c] > 0.0))
      continue;
    ++taking_part;
    involvement_[c] += margins[c];
    if (at_onset)
      onset_weight_[c] += margins[c];
  }
  const double f = median_frequency(window, margins);
  ++windows_;
  channel_count_sum_ += taking_part;
  frequency_sum_ += f;
  const auto block = static_cast<long long>(
      std::floor((window.start_s - onset_s_) / settings_.evolution_block_s + 1e-9));
  if (block != block_index_ && block_count_ > 0)
    close_evolution_block();
  block_index_ = block;
  block_sum_ += f;
  ++block_count_;
}

void RhythmRun::close_evolution_block() {
  const double mean_hz = block_sum_ / static_cast<double>(block_count_);
  block_sum_ = 0.0;
  block_count_ = 0;
  if (has_previous_block_) {
    const double change = mean_hz - previous_block_hz_;
    int direction = 0;
    if (change >= settings_.evolution_step_hz)
      direction = 1;
    else if (change <= -settings_.evolution_step_hz)
      direction = -1;
    streak_ = direction == 0 ? 0 : (direction == last_direction_ ? streak_ + 1 : 1);
    last_direction_ = direction;
    longest_streak_ = std::max(longest_streak_, streak_);
  }
  previous_block_hz_ = mean_hz;
  has_previous_block_ = true;
}

double RhythmRun::mean_channel_count() const {
  return windows_ == 0 ? 0.0
                       : static_cast<double>(channel_count_sum_) / static_cast<double>(windows_);
}

Event RhythmRun::to_event(EventType type, const std::vector<DetectionChannel>& channels) const {
  // The last block counts for evolution only when complete enough (>= half a block).
  RhythmRun closed = *this;
  if (closed.block_count_ > 0 &&
      static_cast<double>(closed.block_count_) >= 0.5 * settings_.evolution_block_s)
    closed.close_evolution_block();
  const OnsetSite site = locate_onset(channels, onset_weight_);
  const OnsetSite involved = locate_onset(channels, involvement_);
  Event e;
  e.type = type;
  e.onset_s = onset_s_;
  e.duration_s = span_s();
  e.channels = involved.channels;
  e.side = site.side;
  e.region = site.region;
  e.focus = site.focus;
  e.frequency_hz = windows_ == 0 ? 0.0 : frequency_sum_ / static_cast<double>(windows_);
  if (closed.evolving())
    e.modifiers = "evolving";
  return e;
}

}  // namespace eegtrack::detect::detail
