#pragma once

// What a header may declare before eegtrack refuses the file as absurd. Every size a reader or a
// detector allocates from is derived from these fields, so they are checked before the first
// large allocation; a value outside these bounds is a corrupt header, never a recording.

#include <cstdint>

namespace eegtrack::io::limits {

/// Signals per file (EDFlib's EDFLIB_MAXSIGNALS): the per-signal header is read only below it.
inline constexpr long long kMaxSignals = 640;
/// Highest sample rate of a data signal. Clinical and research EEG stays below 20 kHz; 100 kHz
/// leaves room for any amplifier while keeping one second of one signal below 1 MB.
inline constexpr double kMaxSampleRateHz = 100000.0;
/// Lowest sample rate of a data signal: one sample per 1000 s. Slower "signals" (as given by a
/// record duration of 1e300 s) cannot hold EEG and make every time axis overflow.
inline constexpr double kMinSampleRateHz = 1e-3;
/// Longest recording (record count x record duration) and the range of every onset on its time
/// axis: 366 days. Onsets beyond are corrupt time, not long recordings.
inline constexpr double kMaxRecordingSeconds = 366.0 * 86400.0;

}  // namespace eegtrack::io::limits
