#include "rhythm_criteria.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace eegtrack::detect::detail {

RhythmCriteria ictal_criteria(const SeizureParams& p) {
  return {.params = p.criteria,
          .support_rhythmicity = p.support_rhythmicity,
          .support_frequency_tolerance_hz = p.support_frequency_tolerance_hz,
          .support_amplitude_fraction = p.support_amplitude_fraction};
}

RhythmCriteria evolution_criteria(const SeizureParams& p) {
  RhythmCriteria c = ictal_criteria(p);
  c.params.window_s = p.evolution_window_s;
  c.params.min_rhythmicity = p.evolution_min_rhythmicity;
  c.params.min_frequency_hz = p.evolution_min_frequency_hz;
  c.params.max_frequency_hz = p.evolution_max_frequency_hz;
  c.params.absolute_rms_uv = p.evolution_absolute_rms_uv;
  c.params.relative_amplitude = p.evolution_relative_amplitude;
  return c;
}

RhythmCriteria bird_criteria(const BirdParams& p) {
  return {.params = p.criteria, .alpha_high_hz = p.alpha_high_hz, .exclude_alpha_field = true};
}

namespace {

bool is_posterior(const DetectionChannel& channel) {
  return channel.site && (channel.site->region == sites::Region::Parietal ||
                          channel.site->region == sites::Region::Occipital);
}

bool in_alpha_band(const ChannelRhythm& r, const RhythmCriteria& criteria) {
  return r.frequency_hz >= criteria.params.alpha_low_hz && r.frequency_hz <= criteria.alpha_high_hz;
}

bool rhythmic_in_range(const ChannelRhythm& r, const RhythmCriteria& criteria) {
  const RhythmCriteriaParams& p = criteria.params;
  return r.valid && r.rhythmicity >= p.min_rhythmicity && r.frequency_hz >= p.min_frequency_hz &&
         r.frequency_hz <= p.max_frequency_hz;
}

}  // namespace

ChannelBackgrounds::ChannelBackgrounds(std::size_t channel_count, std::size_t capacity,
                                       std::size_t warmup)
    : warmup_(warmup), medians_(channel_count, RunningMedian(capacity)) {}

void ChannelBackgrounds::clear() {
  for (auto& m : medians_)
    m.clear();
}

bool ChannelBackgrounds::warm(std::size_t c) const {
  return warmup_ > 0 && medians_[c].size() >= warmup_;
}

double ChannelBackgrounds::background_uv(std::size_t c) const {
  return warm(c) ? medians_[c].median() : 0.0;
}

double ChannelBackgrounds::threshold(std::size_t c, const RhythmCriteria& criteria) const {
  const RhythmCriteriaParams& p = criteria.params;
  if (!warm(c))
    return p.absolute_rms_uv;
  return std::min(p.absolute_rms_uv, p.relative_amplitude * medians_[c].median());
}

void ChannelBackgrounds::update(const RhythmWindow& window, const std::vector<bool>& used,
                                const std::vector<double>& margins) {
  for (std::size_t c = 0; c < medians_.size(); ++c) {
    if (used[c] && window.channels[c].valid && !(margins[c] > 0.0))
      medians_[c].add(window.channels[c].rms_uv);
  }
}

// Alpha-band rhythm that belongs to the posterior dominant rhythm: on posterior channels, and
// (when asked) on any channel while a posterior channel shows it.
std::vector<bool> alpha_excluded(const RhythmWindow& window,
                                 const std::vector<DetectionChannel>& channels,
                                 const std::vector<bool>& used, const RhythmCriteria& criteria) {
  const std::size_t n = channels.size();
  bool posterior_alpha = false;
  for (std::size_t c = 0; c < n; ++c) {
    const ChannelRhythm& r = window.channels[c];
    posterior_alpha = posterior_alpha || (used[c] && is_posterior(channels[c]) && r.valid &&
                                          r.rhythmicity >= criteria.params.min_rhythmicity &&
                                          in_alpha_band(r, criteria));
  }
  std::vector<bool> excluded(n, false);
  for (std::size_t c = 0; c < n; ++c) {
    excluded[c] = in_alpha_band(window.channels[c], criteria) &&
                  (is_posterior(channels[c]) || (criteria.exclude_alpha_field && posterior_alpha));
  }
  return excluded;
}

std::vector<double> window_margins(const RhythmWindow& window,
                                   const std::vector<DetectionChannel>& channels,
                                   const std::vector<bool>& used, const RhythmCriteria& criteria,
                                   const ChannelBackgrounds& backgrounds) {
  const std::size_t n = channels.size();
  const std::vector<bool> excluded = alpha_excluded(window, channels, used, criteria);
  std::vector<double> margins(n, 0.0);
  for (std::size_t c = 0; c < n; ++c) {
    const ChannelRhythm& r = window.channels[c];
    if (!used[c] || !rhythmic_in_range(r, criteria) || excluded[c])
      continue;
    const double threshold = backgrounds.threshold(c, criteria);
    if (r.rms_uv >= threshold)
      margins[c] = r.rms_uv / threshold;
  }
  return margins;
}

std::vector<bool> supporting_mask(const RhythmWindow& window,
                                  const std::vector<DetectionChannel>& channels,
                                  const std::vector<bool>& used, const std::vector<double>& margins,
                                  const RhythmCriteria& criteria,
                                  const ChannelBackgrounds& backgrounds) {
  std::vector<double> core_hz;
  for (std::size_t c = 0; c < margins.size(); ++c) {
    if (margins[c] > 0.0)
      core_hz.push_back(window.channels[c].frequency_hz);
  }
  std::vector<bool> mask(channels.size(), false);
  if (core_hz.empty())
    return mask;
  const std::vector<bool> excluded_alpha = alpha_excluded(window, channels, used, criteria);
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const ChannelRhythm& r = window.channels[c];
    if (!used[c] || margins[c] > 0.0 || !backgrounds.warm(c) || !r.valid ||
        r.rhythmicity < criteria.support_rhythmicity || excluded_alpha[c] ||
        r.rms_uv < criteria.support_amplitude_fraction * backgrounds.threshold(c, criteria))
      continue;
    mask[c] = std::any_of(core_hz.begin(), core_hz.end(), [&](double f) {
      return std::abs(f - r.frequency_hz) <= criteria.support_frequency_tolerance_hz;
    });
  }
  return mask;
}

std::size_t supporting_channels(const RhythmWindow& window,
                                const std::vector<DetectionChannel>& channels,
                                const std::vector<bool>& used, const std::vector<double>& margins,
                                const RhythmCriteria& criteria,
                                const ChannelBackgrounds& backgrounds) {
  const std::vector<bool> mask =
      supporting_mask(window, channels, used, margins, criteria, backgrounds);
  return static_cast<std::size_t>(std::count(mask.begin(), mask.end(), true));
}

RhythmChannels::RhythmChannels(std::vector<DetectionChannel> channels,
                               const RhythmCriteria& criteria)
    : channels_(std::move(channels)),
      criteria_(criteria),
      backgrounds_(channels_.size(),
                   windows_in(criteria.params.background_s, criteria.params.step_s),
                   windows_in(criteria.params.background_warmup_s, criteria.params.step_s)) {
  for (const auto& c : channels_)
    used_.push_back(c.site.has_value());
}

std::vector<double> RhythmChannels::margins(const RhythmWindow& window) const {
  return window_margins(window, channels_, used_, criteria_, backgrounds_);
}

void RhythmChannels::update_backgrounds(const RhythmWindow& window,
                                        const std::vector<double>& margins) {
  backgrounds_.update(window, used_, margins);
}

std::size_t RhythmChannels::supporting(const RhythmWindow& window,
                                       const std::vector<double>& margins) const {
  return supporting_channels(window, channels_, used_, margins, criteria_, backgrounds_);
}

std::vector<bool> RhythmChannels::supporting_mask(const RhythmWindow& window,
                                                  const std::vector<double>& margins) const {
  return detail::supporting_mask(window, channels_, used_, margins, criteria_, backgrounds_);
}

}  // namespace eegtrack::detect::detail
