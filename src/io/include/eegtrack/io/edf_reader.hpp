#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/io/annotations.hpp"
#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::io {

/// Samples of one signal inside a chunk, in delivered units (µV for voltages).
struct ChunkSignal {
  int signal = 0;  ///< header index of the signal
  double sample_rate_hz = 0.0;
  double start_s = 0.0;  ///< true time of samples[0], seconds from the recording start
  std::vector<double> samples;
};

/// A window of samples that lies inside one segment (never across an EDF+D gap).
struct Chunk {
  std::size_t segment = 0;           ///< index into EdfReader::segments()
  std::vector<ChunkSignal> signals;  ///< in the order requested
};

/// Streaming EDF/EDF+/BDF/BDF+ reader. Opening parses the header and all TALs (annotations and,
/// for EDF+D, the true onset of every record); samples are read on demand by decoding whole data
/// records in blocks, so memory is bounded by the window asked for, never by the file.
///
/// Reading is tolerant: deviations that can be repaired (missing NUL between TALs, labels with
/// trailing dots, duplicate labels, NRec = -1, ...) are repaired and listed in warnings() and
/// deviations(); anything that would give wrong samples throws EdfError naming the file and
/// the field.
///
/// Thread safety: const member functions may be called from several threads (reads use pread).
class EdfReader {
 public:
  /// @throws EdfError if the file cannot be opened or is not a readable EDF/BDF file.
  explicit EdfReader(const std::filesystem::path& path);
  ~EdfReader();
  EdfReader(EdfReader&&) noexcept;
  EdfReader& operator=(EdfReader&&) noexcept;
  EdfReader(const EdfReader&) = delete;
  EdfReader& operator=(const EdfReader&) = delete;

  [[nodiscard]] const Header& header() const noexcept;
  /// Contiguous runs of records with their true onsets (one for EDF, EDF+C, BDF).
  [[nodiscard]] const std::vector<Segment>& segments() const noexcept;
  /// Annotations of every annotation signal, sorted by onset; time-keeping TALs excluded.
  [[nodiscard]] const std::vector<Annotation>& annotations() const noexcept;
  /// True onset (seconds from the recording start) of every data record.
  [[nodiscard]] const std::vector<double>& record_onsets_s() const noexcept;
  /// Every deviation from the EDF/EDF+ specification found while opening (strict report).
  [[nodiscard]] const std::vector<Deviation>& deviations() const noexcept;
  /// Human-readable notes about repairs made by the tolerant reader.
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept;
  /// End of the last segment, in seconds from the recording start.
  [[nodiscard]] double duration_s() const noexcept;

  /// Decodes records [first_record, first_record + n_records) of the given signals, appending
  /// each signal's samples (delivered units) to out[i]. One block read per call.
  /// @throws UsageError for an out-of-range record or signal index, EdfError on I/O failure.
  void read_records(std::int64_t first_record, std::int64_t n_records, std::span<const int> signals,
                    std::vector<std::vector<double>>& out) const;

  /// Samples with true time t in [t0_s, t1_s) of the given signals; one Chunk per segment that
  /// overlaps the window. Only the records covering the window are read.
  /// @throws UsageError for an unknown signal index or t1_s < t0_s.
  [[nodiscard]] std::vector<Chunk> read_window(std::span<const int> signals, double t0_s,
                                               double t1_s) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The fixed and per-signal header of a file, validated as EdfReader validates it, without
/// reading a data record or a TAL: cheap enough to sort many files before analysing them.
/// @throws EdfError if the file cannot be opened or its header is not a readable EDF/BDF one.
[[nodiscard]] Header read_header(const std::filesystem::path& path);

/// Indices of the data (non-annotation) signals, for callers that need samples.
/// @throws EdfError naming the file if it holds annotation signals only.
[[nodiscard]] std::vector<int> require_data_signals(const EdfReader& reader);

/// Pulls a recording front to back in chunks of about chunk_s seconds (whole records), one
/// segment after another, so a 24-hour recording is processed with bounded memory.
class ChunkReader {
 public:
  /// @throws UsageError if chunk_s <= 0 or a signal index is invalid.
  ChunkReader(const EdfReader& reader, std::vector<int> signals, double chunk_s);
  /// Fills out with the next chunk; returns false when the recording is exhausted.
  bool next(Chunk& out);

 private:
  const EdfReader* reader_;
  std::vector<int> signals_;
  std::int64_t records_per_chunk_ = 1;
  std::size_t segment_ = 0;
  std::int64_t next_record_ = 0;
};

}  // namespace eegtrack::io
