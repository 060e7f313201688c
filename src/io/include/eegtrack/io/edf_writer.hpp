#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/io/annotations.hpp"
#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {

/// Files EDFlib can write: always the continuous "+C" variants.
enum class WriteFormat { EdfPlus, BdfPlus };

/// One ordinary signal to write. Physical value = gain * digital + offset with the gain taken
/// from the four ranges (physical_max < physical_min is legal: negative gain).
struct WriteSignal {
  std::string label{};                    ///< <= 16 printable ASCII characters, e.g. "EEG Fp1"
  std::string physical_dimension = "uV";  ///< <= 8 characters
  double physical_min = -3276.8;
  double physical_max = 3276.7;
  std::int32_t digital_min = -32768;  ///< >= -32768 (EDF+) or -8388608 (BDF+)
  std::int32_t digital_max = 32767;   ///< <= 32767 (EDF+) or 8388607 (BDF+), > digital_min
  std::string prefilter{};            ///< e.g. "HP:0.1Hz LP:70Hz"
  std::string transducer{};           ///< e.g. "AgAgCl cup electrode"
  int samples_per_record = 256;       ///< rate in Hz = samples_per_record / record_duration_s
};

/// File-level parameters. The identifying EDF+ subfields are optional (empty = "X").
struct WriteParams {
  WriteFormat format = WriteFormat::EdfPlus;
  /// Seconds per data record, a multiple of 10 µs in [0.001, 60] (EDFlib's unit and range).
  double record_duration_s = 1.0;
  /// Start date/time; year 1985-2084; subsecond_s in [0, 1) with 100 ns resolution.
  StartTime start{};
  std::string patient_code{};
  std::string patient_name{};
  std::string patient_additional{};
  std::string admin_code{};
  std::string technician{};
  std::string equipment{};
  std::string recording_additional{};
  /// EDFlib stores at most one annotation per data record per annotation signal: raise this
  /// (1-64) when there are more annotations than records.
  int annotation_signals = 1;
};

/// Longest annotation text EDFlib 1.23 writes without truncating it, in UTF-8 bytes.
inline constexpr std::size_t kMaxWriteAnnotationBytes = 40;

/// RAII EDF+/BDF+ writer over EDFlib. The file is complete only after close() (or the
/// destructor, which swallows errors: call close() to see them).
///
/// With no signals the file is an annotation-only EDF+ file (as EDFbrowser exports and imports
/// annotations): no records are written by the caller; on close EDFlib writes one data record
/// of record_duration_s per annotation (per annotation signal), each holding its time-keeping
/// TAL and one annotation, so any number of annotations fits.
///
/// Thread safety: one writer per thread; opening and closing are serialised internally because
/// EDFlib's handle table is shared.
class EdfWriter {
 public:
  /// Opens (and silently overwrites) path and declares the signals (none: annotation-only).
  /// @throws std::invalid_argument for invalid params/signals ("EdfWriter: ... (value)").
  /// @throws EdfError naming the path and EDFlib's code if EDFlib refuses the file or a field.
  EdfWriter(const std::filesystem::path& path, const WriteParams& params,
            std::vector<WriteSignal> signals);
  ~EdfWriter();
  EdfWriter(EdfWriter&& other) noexcept;
  EdfWriter& operator=(EdfWriter&&) = delete;
  EdfWriter(const EdfWriter&) = delete;
  EdfWriter& operator=(const EdfWriter&) = delete;

  /// Appends whole data records: samples[i] holds signal i's physical samples (header units)
  /// for k records, i.e. k * samples_per_record values, the same k for every signal. Each value
  /// is rounded to the nearest digital step (spec formula anchored at the minima); values
  /// outside the physical range are clipped to the digital range.
  /// @throws std::invalid_argument on a wrong signal count, inconsistent lengths, non-finite
  /// samples or an annotation-only writer; EdfError if EDFlib fails to write.
  void write_records(std::span<const std::vector<double>> samples);

  /// Queues one annotation (onset seconds from the first sample, rounded to 100 µs; duration
  /// <= 0 means none; UTF-8 text <= kMaxWriteAnnotationBytes). EDFlib writes them on close.
  /// @throws std::invalid_argument for a negative onset, over-long text or a closed writer.
  void write_annotation(const Annotation& annotation);

  /// Finalises the file.
  /// @throws EdfError if EDFlib fails, or if more annotations were queued than a file with
  /// signals can hold (records_written() * annotation_signals): EDFlib would drop the rest
  /// silently.
  void close();

  [[nodiscard]] std::int64_t records_written() const noexcept { return records_; }
  [[nodiscard]] std::size_t signal_count() const noexcept { return signals_.size(); }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  WriteParams params_;
  std::vector<WriteSignal> signals_;
  int handle_ = -1;
  std::int64_t records_ = 0;
  std::int64_t annotations_ = 0;
  std::vector<int> digital_;
};

/// Writes a whole file in one call: samples[i] is signal i's full physical signal (no signals
/// and no samples: an annotation-only file).
/// @throws as EdfWriter's members.
void write_edf(const std::filesystem::path& path, const WriteParams& params,
               std::vector<WriteSignal> signals, std::span<const std::vector<double>> samples,
               std::span<const Annotation> annotations = {});

/// Meaning of an EDFlib error code (open and first-write errors), e.g. -10 "file is
/// discontinuous (EDF+D/BDF+D)".
[[nodiscard]] std::string edflib_error_text(int code);

namespace detail {
/// The one mutex around EDFlib's MT-unsafe open/close (its handle table is process-wide); the
/// test oracle, which reads through EDFlib, takes the same mutex.
std::mutex& edflib_mutex();
}  // namespace detail

}  // namespace eegtrack::io
