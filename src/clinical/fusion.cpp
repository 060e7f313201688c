#include "eegtrack/clinical/fusion.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "fusion_flags.hpp"

namespace eegtrack::clinical {
namespace {

template <class T>
void require_sorted(const std::vector<T>& items, const char* what) {
  if (!std::is_sorted(items.begin(), items.end(),
                      [](const T& a, const T& b) { return a.day < b.day; }))
    throw std::invalid_argument(std::string("fuse: ") + what + " are not sorted by day");
}

std::optional<std::size_t> nearest_grade(double day, const std::vector<TimedGrade>& grades,
                                         double window) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < grades.size(); ++i) {
    const double gap = std::abs(grades[i].day - day);
    if (gap <= window && (!best || gap < std::abs(grades[*best].day - day)))
      best = i;
  }
  return best;
}

NormalityCheck check(const TimedRecording& r, const std::vector<TimedRecording>& all,
                     std::optional<std::size_t> baseline, const NormalLimits& limits) {
  return baseline ? check_against_baseline(r.measures, all[*baseline].measures)
                  : check_against_limits(r.measures, limits);
}

EpisodeNormalization episode_course(std::size_t e, const Episode& episode,
                                    const std::vector<TimedRecording>& recordings,
                                    const std::vector<RecordingVerdict>& verdicts,
                                    const std::vector<Exposure>& treatments,
                                    std::optional<double> next_onset) {
  EpisodeNormalization n;
  n.episode = e;
  for (std::size_t r = 0; r < recordings.size(); ++r) {
    const double day = recordings[r].day;
    if (day < episode.onset_day || (next_onset && day >= *next_onset))
      continue;
    if (!episode.resolution_day || day <= *episode.resolution_day)
      n.recordings_in_episode.push_back(r);
    if (!n.first_normal && verdicts[r].normality.normal)
      n.first_normal = r;
  }
  if (n.first_normal) {
    const double normal_day = recordings[*n.first_normal].day;
    for (const auto& t : treatments)
      if (t.start_day >= episode.onset_day - 1.0 && t.start_day <= normal_day)
        n.lags.push_back({t.drug, t.start_day, normal_day - t.start_day});
  }
  return n;
}

}  // namespace

Fusion fuse(const std::vector<TimedRecording>& recordings, const std::vector<TimedGrade>& grades,
            const std::vector<Episode>& episodes, const std::vector<Exposure>& treatments,
            const FusionParams& params) {
  require_sorted(recordings, "recordings");
  require_sorted(grades, "assessments");
  Fusion f;
  for (std::size_t r = 0; r < recordings.size(); ++r)
    if (recordings[r].day < 0.0)
      f.baseline = r;
  f.reference = f.baseline ? NormalReference::Baseline : NormalReference::AdultLimits;

  std::vector<double> index, grade;
  for (std::size_t r = 0; r < recordings.size(); ++r) {
    const auto& rec = recordings[r];
    RecordingVerdict v;
    v.normality = check(rec, recordings, f.baseline, params.limits);
    v.paired_grade = nearest_grade(rec.day, grades, params.pairing_window_days);
    v.active_treatments = active_at(treatments, rec.day);
    if (r > 0) {
      const auto& before = recordings[r - 1].measures;
      v.previous = r - 1;
      v.index_change = compare(before.encephalopathy_index, rec.measures.encephalopathy_index);
      v.relative_delta_change = compare(before.relative_delta, rec.measures.relative_delta);
      v.pdr_change = compare(before.pdr_hz, rec.measures.pdr_hz);
      v.sedation_differs = recordings[r - 1].sedation != rec.sedation;
    }
    if (rec.measures.seizure_count > 0)
      v.eeg_grade_support = "EEG supports grade >= 3, needs confirmation";
    if (rec.day >= 0.0 && v.paired_grade && rec.measures.encephalopathy_index.value) {
      index.push_back(*rec.measures.encephalopathy_index.value);
      grade.push_back(grades[*v.paired_grade].icans_grade);
    }
    f.recordings.push_back(std::move(v));
  }
  f.index_vs_grade = spearman(index, grade);

  for (std::size_t e = 0; e < episodes.size(); ++e) {
    const std::optional<double> next =
        e + 1 < episodes.size() ? std::optional<double>(episodes[e + 1].onset_day) : std::nullopt;
    f.episodes.push_back(
        episode_course(e, episodes[e], recordings, f.recordings, treatments, next));
  }
  f.flags = detail::course_flags(recordings, grades, f);
  return f;
}

}  // namespace eegtrack::clinical
