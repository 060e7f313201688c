#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::io {

/// EDF family member, from the version field (0xFF "BIOSEMI" = BDF) and the reserved field
/// ("EDF+C", "EDF+D", "BDF+C", "BDF+D").
enum class FileType { Edf, EdfPlusC, EdfPlusD, Bdf, BdfPlusC, BdfPlusD };

[[nodiscard]] const char* to_string(FileType type) noexcept;
[[nodiscard]] bool is_bdf(FileType type) noexcept;
[[nodiscard]] bool is_plus(FileType type) noexcept;
[[nodiscard]] bool is_discontinuous(FileType type) noexcept;

/// The years an EDF header can hold: its two-digit years pivot at 1985 (85-99 -> 19xx,
/// 00-84 -> 20xx).
inline constexpr int kFirstEdfYear = 1985;
inline constexpr int kLastEdfYear = 2084;

/// Start of the recording as written in the header, plus the sub-second offset carried by the
/// first time-keeping TAL of an EDF+/BDF+ file (0 for plain EDF/BDF).
struct StartTime {
  int year = kFirstEdfYear;  ///< four digits
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  double subsecond_s = 0.0;  ///< in [0, 1)
};

/// "YYYY-MM-DDThh:mm:ss[.ffffff]" (no time zone: EDF carries none).
[[nodiscard]] std::string to_iso8601(const StartTime& start);

/// `start` moved by `days` whole calendar days (negative: back), the time of day unchanged. The
/// year may leave kFirstEdfYear..kLastEdfYear: a caller writing it into a header checks it.
[[nodiscard]] StartTime shifted_by_days(const StartTime& start, int days);

/// One signal of the header, as declared; trimmed of the space padding.
struct SignalInfo {
  std::string label;               ///< original label, e.g. "EEG T3-REF"
  std::string transducer;          ///< transducer type
  std::string physical_dimension;  ///< unit as written, e.g. "uV", "mV"
  double physical_min = 0.0;
  double physical_max = 0.0;
  std::int32_t digital_min = 0;
  std::int32_t digital_max = 0;
  std::string prefilter;
  int samples_per_record = 0;
  double sample_rate_hz = 0.0;  ///< samples_per_record / record_duration_s (0 if duration is 0)
  bool is_annotation = false;   ///< "EDF Annotations" / "BDF Annotations" signal
  /// Factor from physical units to delivered units: microvolts for any voltage unit
  /// (nV, uV, µV, mV, V), 1 otherwise.
  double unit_scale = 1.0;
  std::string unit;  ///< delivered unit: "uV" for voltages, physical_dimension otherwise
  /// Physical value = gain * digital + offset (spec formula anchored at the minima; a negative
  /// gain is legal). Both already include unit_scale.
  double gain = 1.0;
  double offset = 0.0;
};

/// Everything in the fixed and per-signal header. Identifying fields (patient, recording) are
/// kept for callers that ask for them and never printed by default.
struct Header {
  std::filesystem::path path;
  FileType file_type = FileType::Edf;
  std::string patient;    ///< identifying: local patient identification field
  std::string recording;  ///< identifying: local recording identification field
  StartTime start;
  int header_bytes = 0;
  std::int64_t n_records = 0;  ///< from the file size when the header says -1
  double record_duration_s = 0.0;
  std::vector<SignalInfo> signals;
  std::int64_t record_bytes = 0;  ///< bytes of one data record
  int bytes_per_sample = 2;       ///< 2 for EDF, 3 for BDF

  /// Indices of the ordinary (non-annotation) signals, in header order.
  [[nodiscard]] std::vector<int> data_signals() const;
  /// Indices of the annotation signals.
  [[nodiscard]] std::vector<int> annotation_signals() const;
};

/// One deviation from the EDF/EDF+ specification, for the strict validation report.
struct Deviation {
  std::string
      location;  ///< e.g. "header byte 168 (startdate)", "signal 3 (label)", "record 17 TAL"
  std::string message;
};

}  // namespace eegtrack::io
