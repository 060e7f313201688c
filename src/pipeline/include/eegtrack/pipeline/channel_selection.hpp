#pragma once

#include <string>
#include <vector>

#include "eegtrack/io/edf_header.hpp"
#include "eegtrack/io/montage.hpp"

namespace eegtrack::pipeline {

/// What the user asked for: channels by label and a montage.
struct SelectionRequest {
  /// Labels to keep, matched against the original label, the normalized label, or (for a
  /// bipolar/average montage) the derivation label, case-insensitively. Empty: every channel
  /// of the montage (referential: every data signal at the EEG sample rate).
  std::vector<std::string> channels;
  io::MontageKind montage = io::MontageKind::Referential;
  /// Channels left out of the common average (e.g. bad channels), by label.
  std::vector<std::string> average_excluded;
  /// Leave out every channel that is not EEG (EOG, ECG, EMG, respiration, unrecognised), with
  /// a warning: EEG measures (analyze) must never average an eye or heart channel in. The
  /// average and bipolar montages take EEG channels only in any case.
  bool eeg_only = false;
  /// Leave out, with a warning, a signal that records the same derivation as an earlier one:
  /// the same electrodes in either order (CHB-MIT's second T8-P8, its P7-T7 beside T7-P7), or
  /// the same electrode against the same reference. Its spectrum says nothing new, but the
  /// regional and hemispheric means, the homologous pairs, the average reference and the
  /// detectors' channel counts would count it twice.
  bool distinct_derivations = false;
};

/// The resolved selection: which header signals to read and how to combine them.
struct Selection {
  std::vector<int> signals;         ///< header indices to read, all at sample_rate_hz
  io::MontagePlan plan;             ///< derivations over `signals` (indices into that vector)
  std::vector<std::string> labels;  ///< one per derivation, in output order
  std::vector<std::string> units;   ///< one per derivation ("uV" for voltages)
  double sample_rate_hz = 0.0;
  std::vector<std::string> warnings;  ///< skipped channels and derivations
};

/// Resolves a request against a header.
/// @throws io::UsageError for an unknown label, channels of different sample rates, or a
///         selection that leaves nothing; io::EdfError if the file has no data signals.
[[nodiscard]] Selection select_channels(const io::Header& header, const SelectionRequest& request);

/// Splits "a,b,c" into trimmed non-empty items.
[[nodiscard]] std::vector<std::string> split_list(const std::string& text);

}  // namespace eegtrack::pipeline
