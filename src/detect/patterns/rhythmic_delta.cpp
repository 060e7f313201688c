#include "rhythmic_delta.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "eegtrack/dsp/robust_stats.hpp"
#include "periodic_trains.hpp"

namespace eegtrack::detect::detail {
namespace {

// Eye movements are slow rhythmic frontopolar waves: their field lies on the eye row (Fp1, Fp2,
// F7, F8) and, in the average montage, as a mirror image over the posterior channels. A field
// on the eye row that does not reach the frontal and central channels behind it (F3, Fz, F4,
// C3, Cz, C4, T7, T8) is taken as ocular, whatever posterior channels it also involves.
bool ocular_field(const std::vector<int>& involved, const std::vector<PatternChannel>& channels) {
  static const std::set<std::string> kEyeRow = {"Fp1", "Fp2", "F7", "F8"};
  static const std::set<std::string> kBehind = {"F3", "Fz", "F4", "C3", "Cz", "C4", "T7", "T8"};
  bool eye_row = false;
  bool behind = false;
  for (int c : involved) {
    const std::string& e = channels[static_cast<std::size_t>(c)].plus;
    eye_row = eye_row || kEyeRow.count(e) > 0;
    behind = behind || kBehind.count(e) > 0;
  }
  return eye_row && !behind;
}

}  // namespace

std::optional<Event> RdaRuns::add(const RdaFrame& frame) {
  std::optional<Event> closed;
  if (!frequencies_.empty()) {
    const bool fits =
        frame.rhythmic &&
        std::abs(frame.frequency_hz - dsp::median(frequencies_, dsp::EvenMedian::Upper)) <= 0.75;
    if (frame.centre_s - last_centre_s_ > 2.5 || (frame.rhythmic && !fits)) {
      closed = close();  // a gap, or rhythmic at another frequency: a new run may start
    } else if (!fits) {
      if (++misses_ >= 2)
        closed = close();
      return closed;
    }
  }
  if (!frame.rhythmic)
    return closed;
  if (frequencies_.empty()) {
    first_centre_s_ = frame.centre_s;
    amplitude_sum_.assign(frame.amplitude.size(), 0.0);
    rhythmic_count_.assign(frame.amplitude.size(), 0);
  }
  misses_ = 0;
  frequencies_.push_back(frame.frequency_hz);
  last_centre_s_ = frame.centre_s;
  for (std::size_t c = 0; c < amplitude_sum_.size(); ++c) {
    amplitude_sum_[c] += frame.amplitude[c];
    rhythmic_count_[c] += frame.channel_rhythmic[c] != 0 ? 1 : 0;
  }
  if (last_centre_s_ - first_centre_s_ + 1.0 >= params_->max_event_s)
    return close();
  return closed;
}

std::optional<Event> RdaRuns::close() {
  std::optional<Event> e;
  if (!frequencies_.empty())
    e = describe();
  frequencies_.clear();
  misses_ = 0;
  return e;
}

std::optional<Event> RdaRuns::describe() const {
  const PatternParams& p = *params_;
  const auto& channels = *channels_;
  const double hz = dsp::median(frequencies_, dsp::EvenMedian::Upper);
  // A frame is rhythmic once its 4 s are half filled: the run extends ~1 s beyond its centres.
  const double onset = first_centre_s_ - 1.0;
  const double end = last_centre_s_ + 1.0;
  if (frequencies_.size() < 2 || (end - onset) * hz < static_cast<double>(p.min_cycles))
    return std::nullopt;
  const auto frames = static_cast<double>(frequencies_.size());
  std::vector<double> amplitude(amplitude_sum_.size());
  for (std::size_t c = 0; c < amplitude.size(); ++c) {
    // Only channels rhythmic in at least a third of the frames count as involved.
    const bool involved = 3 * rhythmic_count_[c] >= static_cast<int>(frames);
    amplitude[c] = involved ? amplitude_sum_[c] / frames : 0.0;
  }
  const auto involved = involved_channels(amplitude);
  if (involved.empty() || ocular_field(involved, channels))
    return std::nullopt;
  std::vector<double> field(amplitude_sum_.size());
  for (std::size_t c = 0; c < field.size(); ++c)
    field[c] = amplitude_sum_[c] / frames;
  const int side = lateral_side(field, channels, p.lateral_amplitude_ratio);
  Event e;
  e.type = side == 0 ? EventType::GRDA : EventType::LRDA;
  e.side = side == 0 ? sites::Laterality::Bilateral
                     : (side < 0 ? sites::Laterality::Left : sites::Laterality::Right);
  e.onset_s = onset;
  e.duration_s = end - onset;
  e.frequency_hz = hz;
  for (int c : involved)
    e.channels.push_back(channels[static_cast<std::size_t>(c)].label);
  const auto& top = channels[static_cast<std::size_t>(involved.front())];
  e.focus = top.plus;
  e.region = top.region;
  if (e.type == EventType::GRDA && frontally_predominant(field, channels, p.frontal_ratio))
    e.modifiers = "frontally_predominant";
  e.confidence = std::clamp(0.5 + 0.05 * (frames - 2.0), 0.5, 1.0);
  return e;
}

}  // namespace eegtrack::detect::detail
