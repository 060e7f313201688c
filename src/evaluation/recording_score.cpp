#include "eegtrack/evaluation/recording_score.hpp"

#include <algorithm>

namespace eegtrack::evaluation {
namespace {

SeizureOutcome outcome_of(const Interval& seizure, const std::vector<Interval>& detections,
                          const ScoringParameters& parameters) {
  SeizureOutcome out;
  out.seizure = seizure;
  out.counted = seizure.duration_s() >= parameters.min_seizure_s;
  out.preictal_s = std::max(0.0, seizure.onset_s);
  if (seizure.duration_s() > 0.0)
    out.coverage = covered_s(seizure, detections) / seizure.duration_s();
  for (const auto& d : detections) {
    if (!overlaps(d, seizure))
      continue;
    out.found = true;
    const double latency = d.onset_s - seizure.onset_s;
    if (!out.latency_s || latency < *out.latency_s)
      out.latency_s = latency;
  }
  return out;
}

}  // namespace

RecordingScore score_recording(const Recording& recording, const ScoringParameters& parameters) {
  RecordingScore score;
  score.name = recording.name;
  score.patient = recording.patient;
  score.kind = recording.kind;
  score.duration_s = recording.duration_s;
  score.detections = static_cast<int>(recording.detections.size());
  for (const auto& seizure : recording.seizures)
    score.seizures.push_back(outcome_of(seizure, recording.detections, parameters));
  for (const auto& d : recording.detections) {
    const bool on_a_seizure = std::any_of(recording.seizures.begin(), recording.seizures.end(),
                                          [&](const Interval& s) { return overlaps(d, s); });
    if (!on_a_seizure)
      ++score.false_detections;
  }
  score.szcore = score_szcore(recording.seizures, recording.detections, recording.duration_s,
                              parameters.szcore);
  return score;
}

}  // namespace eegtrack::evaluation
