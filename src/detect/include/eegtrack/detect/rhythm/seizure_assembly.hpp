#pragma once
// Seizure assembly: an ictal rhythm that the detectors see in pieces (BIRDs, RDA and PD
// fragments, short seizures, their frequency, morphology or leading channels changing inside
// it) is one electrographic seizure when the pieces follow each other closely for at least
// 10 s and the discharges average more than 2.5 Hz (ACNS 2021 ESz rule (a),
// docs/clinical-background.md §5.4). A detected seizure that such pieces continue is extended
// over them. The pieces stay in the list; reconcile_events then counts them as part of the
// seizure.

#include <cstddef>
#include <vector>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

struct AssemblyParams {
  /// Pieces whose gap is at most this belong to one run (an ictal rhythm seen in pieces leaves
  /// gaps where a window's criteria were just missed). Chosen on the odd-numbered CHB-MIT
  /// patients among 1, 2, 4, 6 and 10 s (docs/seizure-validation.md): 6 s, where the seizures
  /// found level off, below the 10-s minimum of a seizure so that two runs separated by a gap
  /// as long as a seizure stay apart.
  double max_gap_s = 6.0;
  double min_duration_s = 10.0;        ///< ACNS: a seizure lasts at least 10 s
  double min_mean_frequency_hz = 2.5;  ///< ACNS ESz (a): discharges averaging > 2.5 Hz
  int min_pieces = 2;                  ///< one piece alone is its detector's call, not a run
};

/// @throws dsp::ParameterError naming the first parameter out of range.
void validate(const AssemblyParams& p);
[[nodiscard]] ParameterList parameter_list(const AssemblyParams& p);

/// Adds the assembled seizures to `events` (and extends detected seizures that pieces continue):
/// runs of BIRD, GPD, LPD, BIPD, GRDA, LRDA and seizure events, whatever their sides, chained
/// while the next begins at most max_gap_s after the run's end so far. A run with a seizure
/// becomes one seizure spanning the run, marked "assembled" when it grew, provided the run's
/// duration-weighted mean frequency exceeds min_mean_frequency_hz (post-ictal delta does not
/// stretch a seizure). A run without one
/// becomes a seizure when it holds a BIRD or a periodic discharge train (rhythmic delta alone is
/// not epileptiform), has at least min_pieces pieces, lasts at least min_duration_s and
/// the duration-weighted mean frequency of its pieces exceeds min_mean_frequency_hz; its side is
/// the pieces' common side (bilateral when they differ), its channels and focus those of its
/// longest piece, its confidence their duration-weighted mean. `assembled`, when given, receives
/// the number of seizures created or extended. Returns the events sorted with sort_events.
[[nodiscard]] std::vector<Event> assemble_seizures(std::vector<Event> events,
                                                   const AssemblyParams& p = {},
                                                   std::size_t* assembled = nullptr);

}  // namespace eegtrack::detect
