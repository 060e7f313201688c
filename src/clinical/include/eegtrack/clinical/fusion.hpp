#pragma once
// The EEG set against the clinical course on one axis of days after infusion: which recordings
// are normal, when each ICANS episode's EEG normalised and how long after each treatment began,
// whether the EEG follows the bedside grade, and what a clinician must look at (flags). The EEG
// never changes a clinical grade: an electrographic seizure is reported as supporting grade 3
// or more, pending confirmation.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/clinical/eeg_measures.hpp"
#include "eegtrack/clinical/episodes.hpp"
#include "eegtrack/clinical/normalization.hpp"
#include "eegtrack/clinical/spearman.hpp"
#include "eegtrack/clinical/treatments.hpp"

namespace eegtrack::clinical {

/// One recording placed on the course.
struct TimedRecording {
  std::string label;     ///< the course's label, or the file name
  double day = 0.0;      ///< fractional day after infusion (negative before it)
  std::string sedation;  ///< sedating drug(s) during the recording; empty when none
  EegMeasures measures;
};

/// One graded bedside assessment, reduced to what fusion needs.
struct TimedGrade {
  double day = 0.0;
  int icans_grade = 0;
  /// A clinical or nonconvulsive seizure is recorded in the assessment's seizure domain.
  bool seizure_recorded = false;
  std::string note;
};

struct FusionParams {
  /// A recording and an assessment are paired when at most this far apart (days).
  double pairing_window_days = 1.0;
  NormalLimits limits;
};

/// What fusion says of one recording.
struct RecordingVerdict {
  NormalityCheck normality;
  std::optional<std::size_t> paired_grade;  ///< index into the grades, the nearest in window
  std::optional<std::size_t> previous;      ///< the recording before it, when any
  Change index_change;                      ///< against `previous`
  Change relative_delta_change;
  Change pdr_change;
  /// The two recordings were made under different sedation: the change may be the drug's.
  bool sedation_differs = false;
  std::vector<std::string> active_treatments;  ///< drugs whose exposure covers the day
  /// "EEG supports grade >= 3, needs confirmation" when seizures were detected, else empty.
  std::string eeg_grade_support;
};

/// Days from a treatment's start to the first normal recording of an episode.
struct TreatmentLag {
  std::string drug;
  double start_day = 0.0;
  double days_to_normal = 0.0;
};

/// How one ICANS episode's EEG evolved.
struct EpisodeNormalization {
  std::size_t episode = 0;                         ///< index into the episodes
  std::optional<std::size_t> first_normal;         ///< recording index; absent: not yet
  std::vector<std::size_t> recordings_in_episode;  ///< onset to resolution (or to the end)
  std::vector<TreatmentLag> lags;  ///< treatments started from onset to first_normal
};

/// Something a clinician must see, with its day and evidence.
struct Flag {
  double day = 0.0;
  std::string kind;  ///< eeg_worse_grade_better, possible_nonconvulsive_seizure,
                     ///< lateralized_matches_sign, lateralized_contradicts_sign,
                     ///< abnormal_at_last_recording, undetermined_at_last_recording,
                     ///< sedation_differs
  std::string message;
  std::vector<std::string> evidence;
};

struct Fusion {
  std::optional<std::size_t> baseline;  ///< the last recording before infusion, when any
  NormalReference reference = NormalReference::AdultLimits;
  std::vector<RecordingVerdict> recordings;  ///< parallel to the input recordings
  std::vector<EpisodeNormalization> episodes;
  /// Spearman's rho of the encephalopathy index with the paired ICANS grade (recordings after
  /// infusion with a paired assessment).
  RankCorrelation index_vs_grade;
  std::vector<Flag> flags;  ///< by day
};

/// Fuses recordings (sorted by day), grades (sorted by day), the ICANS episodes of those grades
/// and the treatments' exposures.
/// @throws std::invalid_argument when recordings or grades are not sorted by day.
[[nodiscard]] Fusion fuse(const std::vector<TimedRecording>& recordings,
                          const std::vector<TimedGrade>& grades,
                          const std::vector<Episode>& episodes,
                          const std::vector<Exposure>& treatments, const FusionParams& params = {});

}  // namespace eegtrack::clinical
