#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace eegtrack::test {

/// Which member of the EDF family to build (version field and reserved field).
enum class RawFormat { Edf, EdfPlusC, EdfPlusD, Bdf, BdfPlusC, BdfPlusD };

/// One signal. For an ordinary signal, `digital` holds n_records * samples_per_record samples
/// (record after record) written verbatim as 16-bit (EDF) or 24-bit (BDF) little-endian
/// integers, so a test knows the exact expected physical values. For an annotation signal,
/// samples_per_record sets its byte capacity (x2 for EDF, x3 for BDF) and `digital` is unused.
struct RawSignal {
  std::string label{};  ///< "EDF Annotations"/"BDF Annotations" is set automatically if annotation
  std::string transducer{};
  std::string physical_dimension = "uV";
  std::string physical_min = "-3276.8";  ///< header text, written verbatim
  std::string physical_max = "3276.7";
  std::string digital_min = "-32768";
  std::string digital_max = "32767";
  std::string prefilter{};
  int samples_per_record = 0;
  bool is_annotation = false;
  std::vector<std::int32_t> digital{};
};

/// An annotation placed in a given record of a given annotation signal (its ordinal among the
/// annotation signals). onset_s is the TAL onset (relative to the header start time).
struct RawAnnotation {
  int record = 0;
  int annotation_signal = 0;
  double onset_s = 0.0;
  double duration_s = -1.0;  ///< < 0: no duration field
  std::string text{};
};

/// The verbatim bytes of one record's annotation signal, replacing the TALs the builder would
/// write there (time-keeping TAL included), padded with NUL to the signal's capacity. For TAL
/// layouts that break the specification, as some vendors write them.
struct RawTalBytes {
  int record = 0;
  int annotation_signal = 0;
  std::string bytes{};
};

/// A header field replaced verbatim (space-padded or cut to the field width). Field names:
/// version, patient, recording, startdate, starttime, header_bytes, reserved, n_records,
/// record_duration, n_signals; per signal: label, transducer, physical_dimension, physical_min,
/// physical_max, digital_min, digital_max, prefilter, samples_per_record, signal_reserved.
struct FieldOverride {
  std::string field{};
  std::string text{};
  int signal = -1;  ///< signal index for per-signal fields
};

/// Byte-exact description of a file, including ways to break it.
struct RawEdfSpec {
  RawFormat format = RawFormat::EdfPlusC;
  std::string patient = "X X X X";
  std::string recording = "Startdate 01-JAN-2024 X X X";
  std::string startdate = "01.01.24";
  std::string starttime = "10.00.00";
  std::string record_duration = "1";  ///< header text
  std::int64_t n_records = 1;
  std::vector<RawSignal> signals{};
  /// TAL time-keeping onset of every record (EDF+/BDF+); empty: r * duration + start offset.
  std::vector<double> record_onsets_s{};
  double start_offset_s = 0.0;  ///< sub-second start carried by the time-keeping TALs
  std::vector<RawAnnotation> annotations{};
  std::vector<RawTalBytes> raw_tals{};  ///< verbatim annotation-signal bytes of some records
  std::vector<FieldOverride> overrides{};
  std::int64_t truncate_bytes = 0;  ///< bytes cut from the end of the file
  std::string trailing_bytes{};     ///< appended after the data records
};

/// Builds the file as bytes. @throws std::invalid_argument if the spec is inconsistent
/// (wrong sample count, TALs that do not fit their signal, unknown field name).
[[nodiscard]] std::string build_raw_edf(const RawEdfSpec& spec);
/// Writes build_raw_edf(spec) to path.
void write_raw_edf(const std::filesystem::path& path, const RawEdfSpec& spec);
/// Writes arbitrary bytes to path (for "not an EDF" cases).
void write_bytes(const std::filesystem::path& path, const std::string& bytes);

/// Physical value of a digital sample by the EDF spec formula (anchored at the minima).
[[nodiscard]] double spec_physical(std::int32_t digital, double pmin, double pmax, double dmin,
                                   double dmax);

/// A data signal with defaults for tests: label, rate per record, digital samples.
[[nodiscard]] RawSignal raw_data_signal(std::string label, int samples_per_record,
                                        std::vector<std::int32_t> digital);
/// An annotation signal with the given byte capacity per record (EDF: bytes / 2 samples).
[[nodiscard]] RawSignal raw_annotation_signal(int samples_per_record = 60);

}  // namespace eegtrack::test
