#include "eegtrack/pipeline/detection_runner.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "detector_lanes.hpp"
#include "eegtrack/detect/patterns/pattern_detector.hpp"
#include "eegtrack/detect/rhythm/bird_detector.hpp"
#include "eegtrack/detect/rhythm/seizure_detector.hpp"
#include "eegtrack/detect/spikes/ied_detector.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/pipeline/available_cpus.hpp"

namespace eegtrack::pipeline {
namespace {

// Electrodes a recorded channel carries, as its name was normalised: "Fp1-F7" -> {Fp1, F7},
// "T7-Ref" -> {T7}. A label naming no known electrode gives its '-'-separated words, so that an
// artifact on "PG1-Cz" still masks Cz.
std::vector<std::string> electrodes_of(const io::ChannelName& name) {
  if (!name.plus.empty())
    return sites::electrodes_of({name.normalized, name.plus, name.minus});
  std::vector<std::string> out;
  const std::string& label = name.normalized;
  std::size_t start = 0;
  while (start <= label.size()) {
    const auto dash = label.find('-', start);
    const std::string part =
        label.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    if (!part.empty() && part != sites::kAverageReference)
      out.push_back(part);
    if (dash == std::string::npos)
      break;
    start = dash + 1;
  }
  return out;
}

// A stretch of time in which some electrodes carried a technical artifact.
struct MaskedSpan {
  double t0_s = 0.0;
  double t1_s = 0.0;
  std::vector<std::string> electrodes;
};

std::vector<std::string> labels_of(const io::MontagePlan& plan) {
  std::vector<std::string> out;
  for (const auto& d : plan.derivations)
    out.push_back(d.label);
  return out;
}

}  // namespace

struct DetectionRunner::State {
  DetectionParams params;
  io::MontagePlan main_plan;
  std::vector<sites::Derivation> main_derivations;  ///< what each main channel is made of
  /// Electrodes of each main derivation, by label (events name their channels by label).
  std::map<std::string, std::vector<std::string>> main_electrodes;
  io::MontagePlan bipolar_plan;
  DetectionResult result;
  std::vector<std::vector<std::string>> recorded_electrodes;  ///< per recorded channel
  std::optional<detect::IedDetector> ied;
  std::optional<detect::PatternDetector> patterns;
  std::optional<detect::SeizureDetector> seizures;
  std::optional<detect::BirdDetector> birds;
  /// Declared after the detectors: destroyed (its threads joined) before them.
  std::optional<detail::DetectorLanes> lanes;
  std::vector<detect::Event> events;
  std::vector<MaskedSpan> masked;
  std::size_t epochs = 0;             ///< epochs pushed
  std::size_t unreadable_epochs = 0;  ///< epochs left out of the analysed time
  double unreadable_s = 0.0;
  /// Those epochs as [start, end) in seconds, adjacent ones merged.
  std::vector<std::pair<double, double>> unreadable;

  void mark_unreadable(double t0_s, double t1_s) {
    ++unreadable_epochs;
    unreadable_s += t1_s - t0_s;
    if (!unreadable.empty() && std::abs(unreadable.back().second - t0_s) < 1e-6)
      unreadable.back().second = t1_s;
    else
      unreadable.emplace_back(t0_s, t1_s);
  }

  // Says how much of the recording the detectors could not read and why: all of it ("nothing
  // analysed"), or a part, which the rates leave out of their time without saying so otherwise.
  [[nodiscard]] std::string unreadable_warning() const {
    const std::string rule =
        "more than " + std::to_string(std::lround(100.0 * params.max_masked_channel_fraction)) +
        " % of the channels carried an excluded artifact (" +
        features::to_string(params.exclude_reasons) + ")";
    if (result.analysed_s == 0.0)
      return "nothing analysed: in each of the " + std::to_string(unreadable_epochs) + " epochs " +
             rule;
    std::ostringstream os;
    os << "partly analysed: " << unreadable_epochs << " of " << epochs << " epochs (" << std::fixed
       << std::setprecision(1) << unreadable_s
       << " s) are left out of the analysed time and its rates, in each " << rule;
    return os.str();
  }

  // An event wholly inside unreadable time: the analysed time (every rate's denominator) left
  // that time out, so its events must not count either.
  [[nodiscard]] bool in_unreadable_time(const detect::Event& e) const {
    const double end = e.onset_s + std::max(e.duration_s, 0.0);
    return std::any_of(unreadable.begin(), unreadable.end(), [&](const auto& span) {
      return span.first <= e.onset_s + 1e-9 && end <= span.second + 1e-9;
    });
  }

  template <class Detector, class Params>
  void start(std::optional<Detector>& slot, const char* name, const Params& p, double fs) {
    try {
      slot.emplace(detect::detection_channels(main_derivations), fs, p);
    } catch (const std::invalid_argument& e) {
      result.warnings.push_back(std::string(name) + " detection not run: " + e.what());
    }
  }

  template <class Detector>
  void add_lane(std::vector<detail::DetectorLane>& out, std::optional<Detector>& slot) {
    if (!slot)
      return;
    Detector* d = &*slot;
    out.push_back({[d](const detect::DetectionBlock& b) {
                     d->push(b);
                     return d->take_events();
                   },
                   [d] { return d->finish(); }});
  }

  [[nodiscard]] bool voided(const detect::Event& e) const {
    if (in_unreadable_time(e))
      return true;
    if (e.channels.empty())
      return false;
    std::size_t masked_channels = 0;
    bool leading_masked = false;
    for (const auto& channel : e.channels) {
      const auto found = main_electrodes.find(channel);
      if (found == main_electrodes.end())
        continue;
      const auto& electrodes = found->second;
      const bool hit = std::any_of(masked.begin(), masked.end(), [&](const MaskedSpan& s) {
        if (s.t1_s <= e.onset_s || s.t0_s >= e.onset_s + std::max(e.duration_s, 1e-9))
          return false;
        return std::any_of(electrodes.begin(), electrodes.end(), [&](const std::string& el) {
          return std::find(s.electrodes.begin(), s.electrodes.end(), el) != s.electrodes.end();
        });
      });
      masked_channels += hit ? 1 : 0;
      leading_masked = leading_masked || (hit && &channel == &e.channels.front());
    }
    return leading_masked ||
           static_cast<double>(masked_channels) >
               params.max_masked_channel_fraction * static_cast<double>(e.channels.size());
  }
};

DetectionRunner::DetectionRunner(const io::Header& header, const Selection& selection,
                                 const DetectionParams& params, std::size_t threads)
    : state_(std::make_unique<State>()) {
  auto& st = *state_;
  st.params = params;
  std::vector<io::ChannelName> names;
  for (const int s : selection.signals) {
    const auto& signal = header.signals.at(static_cast<std::size_t>(s));
    names.push_back(io::normalize_channel(signal.label, signal.unit));
    st.recorded_electrodes.push_back(electrodes_of(names.back()));
  }
  try {
    st.main_plan = io::plan_montage(io::MontageKind::Average, names);
    st.result.main_montage = "average";
  } catch (const std::invalid_argument&) {
    st.main_plan = io::plan_montage(io::MontageKind::Referential, names);
    st.result.main_montage = "referential";  // e.g. a recording made in a bipolar montage
  }
  st.bipolar_plan = io::plan_montage(params.bipolar_montage, names);
  st.result.main_channels = labels_of(st.main_plan);
  st.main_derivations = io::derivation_electrodes(st.main_plan, names);
  for (const auto& d : st.main_derivations)
    st.main_electrodes.emplace(d.label, sites::electrodes_of(d));
  st.result.bipolar_channels = labels_of(st.bipolar_plan);
  if (!params.enabled)
    return;
  const double fs = selection.sample_rate_hz;
  if (threads == 0)
    threads = available_cpus();
  st.start(st.ied, "spike", params.ied, fs);
  // The spike lane is the critical path of a full analysis (about half of its CPU): with a
  // second core, it analyses two windows at a time.
  if (st.ied && threads > 1)
    st.ied->set_concurrent_windows(2);
  st.start(st.patterns, "periodic/rhythmic pattern", params.patterns, fs);
  st.start(st.seizures, "seizure", params.seizures, fs);
  st.start(st.birds, "BIRD", params.birds, fs);
  // The detectors run beside the background analysis and beside each other (they share no
  // state; FFTW planning is locked in dsp). Eight blocks of lag (32 s of EEG) keep every
  // core busy while memory stays bounded.
  std::vector<detail::DetectorLane> lanes;
  st.add_lane(lanes, st.ied);
  st.add_lane(lanes, st.patterns);
  st.add_lane(lanes, st.seizures);
  st.add_lane(lanes, st.birds);
  // One thread: the detectors run in push(), after the epoch's background work.
  if (!lanes.empty())
    st.lanes.emplace(std::move(lanes), threads > 1 ? threads : 0, 8);
}

DetectionRunner::~DetectionRunner() = default;
DetectionRunner::DetectionRunner(DetectionRunner&&) noexcept = default;
DetectionRunner& DetectionRunner::operator=(DetectionRunner&&) noexcept = default;

void DetectionRunner::push(const Epoch& epoch,
                           std::span<const features::ArtifactReason> recorded_masks,
                           bool continues) {
  auto& st = *state_;
  if (!st.params.enabled)
    return;
  const double fs = epoch.sample_rate_hz;
  const std::size_t n = epoch.samples.empty() ? 0 : epoch.samples[0].size();
  if (st.lanes) {
    std::vector<std::span<const double>> in(epoch.samples.begin(), epoch.samples.end());
    auto owned = std::make_shared<detail::OwnedBlock>();
    owned->samples = io::apply_montage(st.main_plan, in);
    owned->block = {epoch.onset_s, fs, continues, owned->samples};
    st.lanes->push(std::move(owned));
  }
  MaskedSpan span{epoch.onset_s, epoch.onset_s + static_cast<double>(n) / fs, {}};
  std::size_t with_electrodes = 0;
  std::size_t masked_channels = 0;
  for (std::size_t c = 0; c < recorded_masks.size() && c < st.recorded_electrodes.size(); ++c) {
    with_electrodes += st.recorded_electrodes[c].empty() ? 0 : 1;
    if (features::has_any(recorded_masks[c], st.params.exclude_reasons)) {
      masked_channels += st.recorded_electrodes[c].empty() ? 0 : 1;
      span.electrodes.insert(span.electrodes.end(), st.recorded_electrodes[c].begin(),
                             st.recorded_electrodes[c].end());
    }
  }
  // The analysed time is the denominator of every rate: an epoch where most channels are flat,
  // clipped or popping (the rule that voids events there) holds no readable EEG, and counting it
  // would report "no spikes in an hour" of a disconnected amplifier.
  ++st.epochs;
  if (static_cast<double>(masked_channels) <=
      st.params.max_masked_channel_fraction * static_cast<double>(with_electrodes))
    st.result.analysed_s += static_cast<double>(n) / fs;
  else
    st.mark_unreadable(span.t0_s, span.t1_s);
  if (!span.electrodes.empty())
    st.masked.push_back(std::move(span));
}

DetectionResult DetectionRunner::finish() {
  auto& st = *state_;
  if (st.lanes)
    st.events = st.lanes->finish();
  std::vector<detect::Event> clean;
  for (auto& e : st.events) {
    if (st.voided(e))
      ++st.result.dropped_for_artifacts;
    else
      clean.push_back(std::move(e));
  }
  if (st.unreadable_epochs > 0)
    st.result.warnings.push_back(st.unreadable_warning());
  clean = detect::assemble_seizures(std::move(clean), st.params.assembly);
  st.result.events = detect::reconcile_events(std::move(clean), &st.result.reconciled);
  return std::move(st.result);
}

}  // namespace eegtrack::pipeline
