#pragma once

// EDF+ annotation texts are typed by technicians and often hold a name ("Mr Smith awake"), a
// date of birth or a hospital number. Without --show-identifiers, every annotation text that
// leaves eegtrack (info, reports) first passes through deidentified_annotation, which keeps
// what describes the EEG and replaces everything else by a placeholder (docs/robustness.md,
// "Identity protection").

#include <string>
#include <string_view>

namespace eegtrack::io {

/// `text` with every token that could identify a person replaced, token by token (tokens are
/// separated by blanks; leading and trailing punctuation such as brackets is kept):
///  - kept: words of a fixed vocabulary of EEG and clinical event terms (case-insensitive:
///    "eyes open", "seizure", "photic", "Sleep stage W", "[Total time]", ...); 10-20 electrode
///    names and short codes of at most two letters and two digits ("Fp1", "Cz", "T0", "N2");
///    single characters; numbers of at most three integer digits with an optional fraction and
///    unit ("+62.000", "3.5Hz", "20%"); clock times ("14:05", "14:05:30");
///  - a date ("12.03.1961", "1961-03-12", "12/3/61") becomes "[date]";
///  - any other token holding a digit (hospital numbers, ids, long numbers) becomes "[number]";
///  - any other word (names, places, free text) becomes "[word]".
/// Hyphenated and slashed compounds ("eyes-open", "HV/PS") are judged part by part. The result
/// is valid UTF-8 (escape_bytes). The filter errs on the side of removing: a clinical word
/// outside the vocabulary is lost, a name is never kept unless it is also a vocabulary word.
[[nodiscard]] std::string deidentified_annotation(std::string_view text);

/// The same judgement with the removed text overwritten in place: every byte of a removed
/// token becomes 'X', so the result has exactly the byte length of `text` ("Jane Smith awake"
/// -> "XXXX XXXXX awake"). For rewriting annotation texts inside an EDF+ file without moving
/// any other byte (io::anonymize_recording).
[[nodiscard]] std::string masked_annotation(std::string_view text);

/// The text shown for an annotation: escape_bytes(text) when identifiers may be shown,
/// deidentified_annotation(text) otherwise.
[[nodiscard]] std::string shown_annotation(std::string_view text, bool show_identifiers);

}  // namespace eegtrack::io
