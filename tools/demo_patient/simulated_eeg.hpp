#pragma once
// The signal edits that turn a real healthy recording into the demo patient's recordings:
// diffuse slowing by time-stretching, a left-hemisphere focal delta, left temporal periodic
// discharges and a left focal seizure. Every edit is deterministic (its own seeded generator).

#include <cstdint>
#include <string>
#include <vector>

namespace eegtrack::demo {

/// Scalp EEG channels in µV at one rate, labels as in the source file ("EEG T3").
struct Eeg {
  std::vector<std::string> labels;
  double rate_hz = 0.0;
  std::vector<std::vector<double>> x;
};

/// The scalp electrodes of `path` (one 10-20 electrode per channel; the ear reference A2-A1
/// and the ECG are left out). @throws io::EdfError naming the file; std::runtime_error when it
/// holds no scalp channel.
[[nodiscard]] Eeg load_scalp_eeg(const std::string& path);

/// The recording played forwards, then backwards, then forwards ... until it lasts
/// `duration_s`, cut there. At each end the signal turns back (the turning sample once), so it
/// stays continuous (no step for the artifact and spike detectors) and keeps its spectra: a
/// longer session from a 3-min source, without invented signal.
[[nodiscard]] Eeg palindrome_extended(const Eeg& eeg, double duration_s);

/// Every frequency divided by k = up / down (resampled by up/down, kept at the original rate),
/// cut to `duration_s` from the start: the slowing of an encephalopathy, with the real
/// recording's morphology.
[[nodiscard]] Eeg time_stretched(const Eeg& eeg, int up, int down, double duration_s);

/// The recording played backwards: another stretch of EEG with the same spectra, for follow-up
/// recordings that are normal again.
[[nodiscard]] Eeg reversed(const Eeg& eeg);

/// Multiplies every sample by `gain` (the high voltage of a slow coma EEG).
void scale(Eeg& eeg, double gain);

/// Adds independent white noise of `rms_uv` to every channel (a new session's electrodes).
void add_noise(Eeg& eeg, double rms_uv, std::uint64_t seed);

/// Weight of a channel in a left-hemisphere field centred on the temporal lobe: 1 at T7/F7/P7
/// (old T3/F7/T5), 0.6 other left frontal/central/parietal, 0.4 left occipital and frontopolar,
/// 0.15 midline, 0 right.
[[nodiscard]] double left_temporal_weight(const std::string& label);

/// Polymorphic delta (0.5-3 Hz band-limited noise) of `rms_uv` at weight 1, in the left
/// temporal field, from start_s to end_s, with 0.5-s cosine ramps where it starts or stops
/// inside the recording (no step).
void add_left_delta(Eeg& eeg, double rms_uv, double start_s, double end_s, std::uint64_t seed);

/// Periodic sharp discharges (60-ms negative sharp wave, then a 200-ms slow wave) of
/// `amplitude_uv` at weight 1, every `period_s` (±4 % jitter), in the left temporal field.
void add_left_periodic_discharges(Eeg& eeg, double amplitude_uv, double period_s, double start_s,
                                  double end_s, std::uint64_t seed);

/// How a simulated focal seizure evolves: linear glides from start to end.
struct SeizureShape {
  double onset_s = 0.0;
  double duration_s = 0.0;
  double start_hz = 0.0;     ///< frequency at onset ...
  double end_hz = 0.0;       ///< ... and at the end
  double start_uv = 0.0;     ///< peak amplitude at weight 1 at onset ...
  double end_uv = 0.0;       ///< ... and at the end
  double postictal_s = 0.0;  ///< left delta after the seizure
  double postictal_rms_uv = 0.0;
};

/// A left temporal seizure: rhythmic sharp activity whose frequency and amplitude glide as
/// `shape` says, spreading from the temporal field to the whole left hemisphere, then
/// post-ictal left delta.
void add_left_seizure(Eeg& eeg, const SeizureShape& shape, std::uint64_t seed);

}  // namespace eegtrack::demo
