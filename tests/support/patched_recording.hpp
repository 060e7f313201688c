#pragma once

// Malformed files for the hostile-input tests, made from a real recording by patching header
// bytes (nothing large is stored in the repository). A PatchedRecording holds the bytes of one
// file of tests/data/eeg or sample_edf; the setters overwrite a fixed-header or per-signal field
// exactly as a broken writer would, and write() puts the result in the test's scratch folder.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace eegtrack::test {

class PatchedRecording {
 public:
  /// The bytes of a real recording (e.g. eeg_path("seizure/chbmit_chb01_03_ictal.edf")).
  explicit PatchedRecording(const std::filesystem::path& real_file);

  /// Number of signals and header size as the original header declares them.
  [[nodiscard]] int signal_count() const noexcept { return ns_; }
  [[nodiscard]] int header_bytes() const noexcept { return 256 * (ns_ + 1); }
  [[nodiscard]] std::string& bytes() noexcept { return bytes_; }

  /// Overwrites the fixed-header field at byte `offset` (`width` bytes) with `text`, padded with
  /// spaces (or cut) to the width. Offsets per the EDF specification: 0 version (8), 168
  /// startdate (8), 184 header bytes (8), 192 reserved (44), 236 records (8), 244 duration (8),
  /// 252 signals (4).
  PatchedRecording& fixed(int offset, int width, std::string_view text);
  /// Overwrites a per-signal field of signal `signal` (0-based). Field index in specification
  /// order: 0 label, 1 transducer, 2 dimension, 3 physical min, 4 physical max, 5 digital min,
  /// 6 digital max, 7 prefilter, 8 samples per record, 9 reserved.
  PatchedRecording& signal_field(int signal, int field, std::string_view text);
  /// Byte offset of a per-signal field (for raw byte edits).
  [[nodiscard]] std::size_t signal_field_offset(int signal, int field) const;
  /// Keeps only the first `size` bytes (e.g. header_bytes() for a header-only file).
  PatchedRecording& truncate(std::size_t size);

  /// Byte offset, in record `record`, of signal `signal`'s samples (2 bytes per sample).
  [[nodiscard]] std::size_t sample_offset(std::int64_t record, int signal) const;

  /// Writes the bytes to `name` in the test's scratch folder and returns its path.
  [[nodiscard]] std::filesystem::path write(const std::string& name) const;

 private:
  std::string bytes_;
  int ns_ = 0;
};

}  // namespace eegtrack::test
