#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {

/// What a signal measures, as far as its label, unit and transducer tell.
enum class ChannelType { Eeg, Eog, Ecg, Emg, Respiration, Other, Annotation };

/// "EEG", "EOG", "ECG", "EMG", "Resp", "Other", "Annotation".
[[nodiscard]] const char* to_string(ChannelType type) noexcept;

/// A channel label split into electrodes and normalized to 10-10 names (ACNS Guideline 2,
/// Acharya et al., J Clin Neurophysiol 2016;33:308-311). See docs/channels-and-montages.md.
struct ChannelName {
  std::string original;  ///< label as given, trimmed of surrounding blanks, e.g. "EEG T3-REF"
  /// "T7" (referential), "Fp1-F7" (bipolar), or `original` when the label names no electrode.
  std::string normalized;
  ChannelType type = ChannelType::Other;
  bool bipolar = false;   ///< label names two electrodes ("FP1-F7", "EEG Fpz-Cz", "A2-A1")
  std::string plus;       ///< the (first) electrode, canonical; empty when none was recognised
  std::string minus;      ///< second electrode of a bipolar label, canonical; else empty
  std::string reference;  ///< reference token of a referential label as written ("Ref", "A1")
};

/// Normalizes one label and classifies the channel.
/// Rules (in order): annotation signals; type prefixes ("EEG ", "EOG ", "POL " ...); BCI2000
/// trailing dots; reference suffixes (-REF, -LE, -A1, -A2, -M1, -M2, -AVG, -CLE, -AR, -CAR);
/// case (FP1 -> Fp1, fc5 -> FC5); old names T3/T4/T5/T6 -> T7/T8/P7/P8 (never T9/T10).
/// The type comes from the label's keyword, else an electrode name means EEG, else the
/// transducer; EEG/EOG/ECG/EMG with a non-empty, non-voltage unit become Other.
/// @param unit physical dimension ("uV", "mV", "degC"); empty when unknown.
/// Never throws on odd labels: empty, control characters or non-ASCII bytes yield Other.
[[nodiscard]] ChannelName normalize_channel(std::string_view label, std::string_view unit = {},
                                            std::string_view transducer = {},
                                            bool is_annotation = false);

/// normalize_channel for every signal of a header, in header order.
[[nodiscard]] std::vector<ChannelName> normalize_channels(std::span<const SignalInfo> signals);

/// True for the voltage spellings nV, uV, µV (U+00B5, U+03BC, Latin-1 0xB5), mV, V and their
/// lower-case forms; "MV" is not read as a voltage.
[[nodiscard]] bool is_voltage_unit(std::string_view unit) noexcept;

}  // namespace eegtrack::io
