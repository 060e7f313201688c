#include "pictures.hpp"

#include <algorithm>
#include <string>

namespace eegtrack::demo {
namespace {

// Time-stretched by k = up / down, extended to the duration when the stretch is shorter.
Eeg stretched(const Eeg& source, int up, int down, double duration_s) {
  const double stretched_s =
      static_cast<double>(source.x.at(0).size()) * up / down / source.rate_hz;
  const Eeg longer = stretched_s >= duration_s
                         ? source
                         : palindrome_extended(source, duration_s * down / up + 1.0);
  return time_stretched(longer, up, down, duration_s);
}

void relapse(Eeg& eeg, std::uint64_t seed, std::vector<io::Annotation>& notes) {
  using R = RelapseTimes;
  const double end_s = static_cast<double>(eeg.x.at(0).size()) / eeg.rate_hz;
  add_left_delta(eeg, R::kDeltaRmsUv, 0.0, end_s, seed + 1);
  add_left_periodic_discharges(eeg, R::kDischargeUv, R::kDischargePeriodS, R::kDischargesStartS,
                               R::kDischargesEndS, seed + 2);
  add_left_seizure(eeg, R::kSeizure, seed + 3);
  add_left_periodic_discharges(eeg, R::kDischargeUv, R::kDischargePeriodS, R::kLateDischargesStartS,
                               R::kLateDischargesEndS, seed + 4);
  notes.push_back({0.0, end_s, "simulated left focal delta"});
  notes.push_back(
      {R::kDischargesStartS, R::kDischargesEndS - R::kDischargesStartS, "simulated left PDs"});
  notes.push_back({R::kSeizure.onset_s, R::kSeizure.duration_s, "simulated left seizure"});
  notes.push_back({R::kLateDischargesStartS, R::kLateDischargesEndS - R::kLateDischargesStartS,
                   "simulated left PDs"});
}

}  // namespace

SimulatedRecording simulate(const Eeg& source, const PlannedRecording& plan, std::uint64_t seed) {
  SimulatedRecording r;
  r.annotations.push_back({0.0, -1.0, "SIMULATED recording"});
  const double d = plan.duration_s;
  switch (plan.picture) {
    case Picture::Baseline:
      r.eeg = stretched(source, 1, 1, d);
      break;
    case Picture::MildSlowing:
      r.eeg = stretched(source, 11, 10, d);
      break;
    case Picture::Coma:
      r.eeg = stretched(source, 14, 5, d);
      scale(r.eeg, 1.5);
      break;
    case Picture::Improving:
      r.eeg = stretched(source, 8, 5, d);
      break;
    case Picture::Normal:
      r.eeg = stretched(source, 1, 1, d);
      break;
    case Picture::Relapse:
      // Another stretch of the same person's EEG: the source played backwards.
      r.eeg = stretched(reversed(source), 1, 1, d);
      relapse(r.eeg, seed, r.annotations);
      break;
    case Picture::FocalResidue:
      r.eeg = stretched(source, 1, 1, d);
      add_left_delta(r.eeg, 12.0, 0.0, d, seed + 1);
      r.annotations.push_back({0.0, d, "simulated mild left focal delta"});
      break;
  }
  if (plan.picture != Picture::Baseline)
    add_noise(r.eeg, 1.0, seed);  // each session has its own electrode noise
  return r;
}

}  // namespace eegtrack::demo
