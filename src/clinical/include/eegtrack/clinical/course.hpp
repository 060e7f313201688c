#pragma once
// A patient's course after CAR-T infusion as plain values: the recordings, the bedside
// assessments, the treatments, the laboratory values and the CAR-T counts (the course file,
// docs/course-file.md, is read into this by pipeline::read_course_file).

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/clinical/course_time.hpp"

namespace eegtrack::clinical {

/// One EEG recording of the course.
struct CourseRecording {
  std::string file;             ///< path as resolved by the reader (relative to the course)
  std::string label;            ///< "pre-infusion baseline"; the file name when not given
  std::optional<LocalTime> at;  ///< overrides the EDF header start when given
  std::string sedation;         ///< sedating drug(s) during the recording; empty when none
};

/// The five ICE tasks (ASTCT): orientation 0-4, naming 0-3, commands, writing, attention 0-1.
struct IceItems {
  int orientation = 0;
  int naming = 0;
  int commands = 0;
  int writing = 0;
  int attention = 0;
  [[nodiscard]] int total() const noexcept {
    return orientation + naming + commands + writing + attention;
  }
};

enum class Consciousness { Awake, Voice, Tactile, Unarousable };
enum class SeizureFinding { None, ClinicalResolved, NonconvulsiveResolved, Prolonged, Repetitive };
enum class Edema { None, Focal, Diffuse };
enum class Hypotension { None, NoVasopressor, OneVasopressor, MultipleVasopressors };
enum class Oxygen { None, LowFlow, HighFlow, PositivePressure };

/// One bedside assessment; a domain that was not assessed is absent.
struct Assessment {
  LocalTime at;
  std::optional<int> ice;  ///< ICE total 0-10 (from the items when given as items)
  std::optional<IceItems> ice_items;
  std::optional<Consciousness> consciousness;
  bool sedated = false;  ///< consciousness not scored (depressed by drugs, not by ICANS)
  SeizureFinding seizure = SeizureFinding::None;
  bool motor_weakness = false;  ///< deep focal motor weakness
  Edema edema = Edema::None;
  std::optional<double> temperature_c;
  Hypotension hypotension = Hypotension::None;
  Oxygen oxygen = Oxygen::None;
  std::string note;
};

/// One drug given over a time span (a single dose has start == stop).
struct Treatment {
  std::string drug;  ///< lowercase generic name, e.g. "anakinra"
  std::optional<double> dose;
  std::string unit;  ///< dose unit as written ("mg", "mg/kg", "g")
  std::string route;
  std::optional<double> every_h;
  LocalTime start;
  LocalTime stop;  ///< inclusive: a date without a time means to the end of that day
};

/// A laboratory value in the unit it was reported in.
struct LabValue {
  std::string analyte;  ///< "ldh", "creatinine", "platelets", "crp", "ferritin", ...
  double value = 0.0;
  std::string unit;  ///< as written, e.g. "umol/L"
};

/// Values drawn at one time.
struct LabPanel {
  LocalTime at;
  std::vector<LabValue> values;
};

/// Circulating CAR-T cells at one time.
struct CarTCount {
  LocalTime at;
  double value = 0.0;
  std::string unit;  ///< "cells/uL", "copies/ug DNA", ...
};

struct Course {
  std::string patient;  ///< pseudonymous id, never a name
  LocalTime infusion;   ///< day 0
  std::string product;
  std::vector<CourseRecording> recordings;
  std::vector<Assessment> assessments;  ///< sorted by time
  std::vector<Treatment> treatments;
  std::vector<LabPanel> labs;  ///< sorted by time
  std::vector<CarTCount> car_t;
};

/// "awake", "voice", "tactile", "unarousable" and the other schema words; the parse_* are
/// their inverses (nullopt for any other text).
[[nodiscard]] const char* to_string(Consciousness c) noexcept;
[[nodiscard]] const char* to_string(SeizureFinding s) noexcept;
[[nodiscard]] const char* to_string(Edema e) noexcept;
[[nodiscard]] const char* to_string(Hypotension h) noexcept;
[[nodiscard]] const char* to_string(Oxygen o) noexcept;
[[nodiscard]] std::optional<Consciousness> parse_consciousness(std::string_view text);
[[nodiscard]] std::optional<SeizureFinding> parse_seizure_finding(std::string_view text);
[[nodiscard]] std::optional<Edema> parse_edema(std::string_view text);
[[nodiscard]] std::optional<Hypotension> parse_hypotension(std::string_view text);
[[nodiscard]] std::optional<Oxygen> parse_oxygen(std::string_view text);

}  // namespace eegtrack::clinical
