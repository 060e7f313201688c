#include "rhythm_evolution.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::detect::detail {

namespace {

constexpr double kFieldLeaveRatio = 0.6;

}  // namespace

void ChangeStreak::change(int direction) {
  streak_ = direction == direction_ ? streak_ + 1 : 1;
  direction_ = direction;
  longest_ = std::max(longest_, streak_);
}

EvolutionTrack::EvolutionTrack(std::size_t channel_count, double onset_s,
                               const EvolutionSettings& settings)
    : settings_(settings),
      onset_s_(onset_s),
      block_share_(channel_count, 0.0),
      anchor_set_(channel_count, false) {}

void EvolutionTrack::add(double window_start_s, double frequency_hz,
                         const std::vector<double>& field) {
  const auto block =
      static_cast<long long>(std::floor((window_start_s - onset_s_) / settings_.block_s + 1e-9));
  if (block != block_index_)
    close_block();
  block_index_ = block;
  if (frequency_hz > 0.0)
    block_hz_.push_back(frequency_hz);
  for (std::size_t c = 0; c < field.size() && c < block_share_.size(); ++c)
    block_share_[c] += field[c];
}

void EvolutionTrack::close_block() {
  // Blocks thinned by bridged gaps (fewer than half their windows) say little about the level.
  const double expected = settings_.block_s / settings_.step_s;
  const std::size_t windows = block_hz_.size();
  if (windows > 0 && static_cast<double>(windows) >= 0.5 * expected) {
    const double block_hz = dsp::median(block_hz_, dsp::EvenMedian::Upper);
    std::vector<bool> set(block_share_.size(), false);
    for (std::size_t c = 0; c < set.size(); ++c) {
      const double share = block_share_[c] / static_cast<double>(windows);
      set[c] = share >= settings_.field_fraction * (anchor_set_[c] ? kFieldLeaveRatio : 1.0);
    }
    if (!has_anchor_) {
      has_anchor_ = true;
      anchor_hz_ = block_hz;
      anchor_size_ = static_cast<std::size_t>(std::count(set.begin(), set.end(), true));
      anchor_set_ = std::move(set);
    } else {
      compare_frequency(block_hz);
      compare_location(std::move(set));
    }
  }
  block_hz_.clear();
  std::fill(block_share_.begin(), block_share_.end(), 0.0);
}

void EvolutionTrack::compare_frequency(double block_hz) {
  // The anchor moves by whole steps, so a glide is counted in steps of step_hz and one large
  // jump counts once.
  const double change = block_hz - anchor_hz_;
  if (std::abs(change) < settings_.step_hz - 1e-9)
    return;
  const int direction = change > 0.0 ? 1 : -1;
  frequency_.change(direction);
  anchor_hz_ +=
      direction * settings_.step_hz * std::floor(std::abs(change) / settings_.step_hz + 1e-9);
}

void EvolutionTrack::compare_location(std::vector<bool> set) {
  // A spread keeps (nearly all of) the channels already involved and adds at least
  // location_step_channels; a retreat keeps a subset. Sets that swap channels fluctuate.
  std::size_t gained = 0;
  std::size_t lost = 0;
  for (std::size_t c = 0; c < set.size(); ++c) {
    gained += set[c] && !anchor_set_[c] ? 1 : 0;
    lost += !set[c] && anchor_set_[c] ? 1 : 0;
  }
  const std::size_t size = static_cast<std::size_t>(std::count(set.begin(), set.end(), true));
  const std::size_t step = settings_.location_step_channels;
  const bool spread = gained >= step && 4 * lost <= anchor_size_;
  const bool retreat = lost >= step && 4 * gained <= size;
  if (!spread && !retreat)
    return;
  location_.change(spread ? 1 : -1);
  anchor_set_ = std::move(set);
  anchor_size_ = size;
}

EvolutionFinding EvolutionTrack::finding() const {
  EvolutionTrack closed = *this;
  closed.close_block();
  EvolutionFinding f;
  f.frequency_steps = closed.frequency_.longest();
  f.location_steps = closed.location_.longest();
  f.frequency = f.frequency_steps >= settings_.min_steps;
  f.location = f.location_steps >= settings_.min_steps;
  return f;
}

}  // namespace eegtrack::detect::detail
