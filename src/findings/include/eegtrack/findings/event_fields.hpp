#pragma once
// The one vocabulary of a detected event (docs/events-and-tables.md §1). summary.json
// (`events`), the HDF5 table /events and the BIDS events table <stem>.events.tsv name every
// field of detect::Event the same way, with the unit in the name where there is one
// (`frequency_hz`). The only exception is forced by BIDS: its events table must start with
// the columns `onset` and `duration`, in seconds, which are `onset_s` and `duration_s`
// everywhere else.

#include <array>
#include <string_view>

namespace eegtrack::findings {

/// One field of an event: its name in summary.json and HDF5, its column in the BIDS events
/// table, its unit ("" when it has none; "1" for a dimensionless number) and what it means.
struct EventField {
  std::string_view name;
  std::string_view tsv_column;
  std::string_view units;
  std::string_view description;
};

inline constexpr EventField kEventOnset{
    "onset_s", "onset", "s",
    "Start of the event in seconds from the first sample of the recording (true time: the gaps "
    "of an EDF+D recording count as elapsed time)."};
inline constexpr EventField kEventDuration{"duration_s", "duration", "s",
                                           "Duration of the event in seconds."};
inline constexpr EventField kEventType{
    "type", "type", "",
    "Kind of event, in ACNS 2021 critical-care EEG terms plus interictal discharges and "
    "electrographic seizures."};
inline constexpr EventField kEventConfidence{
    "confidence", "confidence", "1",
    "How clearly the detector's criteria were met, from 0 (just met) to 1 (every criterion met "
    "with margin); not a probability."};
inline constexpr EventField kEventChannels{
    "channels", "channels", "",
    "Derivations involved (labels of the analysis montage), the one with the largest deflection "
    "first; comma-separated in tables."};
inline constexpr EventField kEventSide{"side", "side", "",
                                       "Side of the event on the scalp (laterality)."};
inline constexpr EventField kEventRegion{
    "region", "region", "",
    "Region of the focus or of the seizure onset; absent (n/a) when generalized or unknown."};
inline constexpr EventField kEventFocus{
    "focus", "focus", "",
    "Electrode of maximum (of negativity for spikes and sharp waves), 10-10 name; absent (n/a) "
    "when not localised."};
inline constexpr EventField kEventFrequency{
    "frequency_hz", "frequency_hz", "Hz",
    "Repetition frequency of periodic and rhythmic patterns and seizures; absent (n/a, NaN in "
    "HDF5) for single discharges."};
inline constexpr EventField kEventModifiers{
    "modifiers", "modifiers", "",
    "ACNS modifiers and notes, space-separated (+F, +R, +S, triphasic, evolving, "
    "borderline_frequency, ...)."};

/// Every field, in the column order of the tables (onset and duration first, as BIDS asks).
inline constexpr std::array<EventField, 10> kEventFields{
    kEventOnset, kEventDuration, kEventType,  kEventConfidence, kEventChannels,
    kEventSide,  kEventRegion,   kEventFocus, kEventFrequency,  kEventModifiers};

/// A word an event field takes, with its meaning (the "Levels" of a BIDS sidecar).
struct FieldLevel {
  std::string_view value;
  std::string_view meaning;
};

/// The values of `type` (detect::to_string(EventType)).
inline constexpr std::array<FieldLevel, 9> kEventTypeLevels{{
    {"spike", "Spike: epileptiform discharge lasting 20 to under 70 ms."},
    {"sharp", "Sharp wave: epileptiform discharge lasting 70-200 ms."},
    {"GPD", "Generalized periodic discharges."},
    {"LPD", "Lateralized periodic discharges."},
    {"BIPD", "Bilateral independent periodic discharges."},
    {"GRDA", "Generalized rhythmic delta activity."},
    {"LRDA", "Lateralized rhythmic delta activity."},
    {"BIRD", "Brief potentially ictal rhythmic discharge (over 4 Hz, 0.5 to under 10 s)."},
    {"seizure", "Electrographic seizure (ACNS 2021: at least 10 s)."},
}};

/// The values of `side` (sites::to_string(Laterality)).
inline constexpr std::array<FieldLevel, 5> kEventSideLevels{{
    {"left", "Left hemisphere."},
    {"right", "Right hemisphere."},
    {"bilateral", "Both hemispheres."},
    {"midline", "Midline electrodes."},
    {"unknown", "Laterality not determined."},
}};

/// The values of `region` (sites::to_string(Region)).
inline constexpr std::array<FieldLevel, 5> kEventRegionLevels{{
    {"frontal", "Frontal (Fp, AF, F, FC electrodes)."},
    {"central", "Central (C, CP electrodes)."},
    {"temporal", "Temporal (FT, T, TP electrodes)."},
    {"parietal", "Parietal (P, PO electrodes)."},
    {"occipital", "Occipital (O, I electrodes)."},
}};

}  // namespace eegtrack::findings
