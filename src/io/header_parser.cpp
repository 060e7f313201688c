#include "header_parser.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/limits.hpp"
#include "start_time.hpp"

namespace eegtrack::io::detail {

namespace {

constexpr int kFixedBytes = 256;

struct FixedField {
  int offset;
  int size;
  const char* name;
};

constexpr FixedField kPatient{8, 80, "patient"};
constexpr FixedField kRecording{88, 80, "recording"};
constexpr FixedField kStartDate{168, 8, "startdate"};
constexpr FixedField kStartTime{176, 8, "starttime"};
constexpr FixedField kHeaderBytes{184, 8, "header bytes"};
constexpr FixedField kReserved{192, 44, "reserved"};
constexpr FixedField kRecords{236, 8, "number of records"};
constexpr FixedField kDuration{244, 8, "record duration"};
constexpr FixedField kSignals{252, 4, "number of signals"};

std::string text_of(Diagnostics& diag, std::string_view fixed, const FixedField& f) {
  return field_text(diag, fixed.substr(static_cast<std::size_t>(f.offset), f.size),
                    header_location(f.offset, f.name));
}

// Family (EDF or BDF) from the version bytes; throws for anything else.
bool read_version(std::string_view fixed, Diagnostics& diag) {
  const std::string_view version = fixed.substr(0, 8);
  if (static_cast<unsigned char>(version[0]) == 0xFF && version.substr(1) == "BIOSEMI")
    return true;
  const auto location = header_location(0, "version");
  std::string trimmed = field_text(diag, version, location);
  const bool digits = !trimmed.empty() && trimmed.find_first_not_of("0123456789") == trimmed.npos;
  if (!digits)
    diag.fail("not an EDF or BDF file (version field is neither \"0\" nor 0xFF \"BIOSEMI\")");
  if (version != "0       ")
    diag.deviation(location, "version is '" + trimmed + "', the EDF specification says \"0\"");
  return false;
}

FileType read_type(std::string_view fixed, bool bdf, Diagnostics& diag) {
  const std::string reserved = text_of(diag, fixed, kReserved);
  const auto location = header_location(kReserved.offset, kReserved.name);
  const std::string family = bdf ? "BDF" : "EDF";
  if (reserved.empty())
    return bdf ? FileType::Bdf : FileType::Edf;
  const bool plus = reserved.size() == 5 &&
                    (reserved.starts_with("EDF+") || reserved.starts_with("BDF+")) &&
                    (reserved[4] == 'C' || reserved[4] == 'D');
  if (!plus) {
    diag.deviation(location, "reserved field must be empty, \"" + family + "+C\" or \"" + family +
                                 "+D\" ('" + reserved + "')");
    diag.warn("reserved field '" + reserved + "' ignored: read as plain " + family);
    return bdf ? FileType::Bdf : FileType::Edf;
  }
  if (!reserved.starts_with(family))
    diag.deviation(location, "'" + reserved + "' in a " + family + " file");
  const bool discontinuous = reserved[4] == 'D';
  if (bdf)
    return discontinuous ? FileType::BdfPlusD : FileType::BdfPlusC;
  return discontinuous ? FileType::EdfPlusD : FileType::EdfPlusC;
}

void check_recording_length(const Header& h, Diagnostics& diag) {
  const double total_s = static_cast<double>(h.n_records) * h.record_duration_s;
  if (total_s > limits::kMaxRecordingSeconds)
    diag.fail(header_location(kRecords.offset, kRecords.name) + ": absurd recording length (" +
              std::to_string(h.n_records) + " records of " + format_number(h.record_duration_s) +
              " s, more than " + format_number(limits::kMaxRecordingSeconds) + " s)");
}

// Record count: -1 means "still recording", derived from the file size.
void resolve_record_count(const FileHandle& file, long long declared, Header& h,
                          Diagnostics& diag) {
  const auto location = header_location(kRecords.offset, kRecords.name);
  const std::int64_t data_bytes = file.size() - h.header_bytes;
  const std::int64_t present = h.record_bytes > 0 ? data_bytes / h.record_bytes : 0;
  if (declared == -1) {
    if (data_bytes % h.record_bytes != 0)
      diag.fail(location + " is -1 and the " + std::to_string(data_bytes) +
                " data bytes are not a whole number of " + std::to_string(h.record_bytes) +
                "-byte records");
    diag.deviation(location, "number of records is -1 (recording not closed)");
    diag.warn("number of records -1: " + std::to_string(present) +
              " records counted from the file size");
    h.n_records = present;
    check_recording_length(h, diag);
    return;
  }
  if (declared < 0)
    diag.fail(location + ": negative number of records (" + std::to_string(declared) + ")");
  if (present < declared)
    diag.fail("truncated file: the header declares " + std::to_string(declared) +
              " data records, the file holds " + std::to_string(present) + " complete records");
  if (data_bytes != declared * h.record_bytes) {
    diag.deviation("file size", std::to_string(data_bytes - declared * h.record_bytes) +
                                    " bytes after the last declared data record");
    diag.warn("bytes after the last declared record ignored");
  }
  h.n_records = declared;
  if (declared == 0)  // EDFlib refuses such a file; there is nothing to read
    diag.deviation(location, "number of records is 0 (no data records)");
  check_recording_length(h, diag);
  if (!is_bdf(h.file_type) && declared > 0 && data_bytes == declared * h.record_bytes / 2 * 3 &&
      h.record_bytes % 2 == 0)
    diag.fail(
        "header byte 0 (version): the version field says EDF (16-bit samples) but the data "
        "size is exactly that of 24-bit BDF records: a BDF file with a wrong version field");
}

// A BDF whose version field was rewritten as "0" would be decoded as 16-bit samples: garbage
// read without an error. Any BDF marker in an EDF-versioned header refuses the file.
void refuse_bdf_read_as_edf(std::string_view fixed, const Header& h, Diagnostics& diag) {
  if (is_bdf(h.file_type))
    return;
  const auto reserved = fixed.substr(static_cast<std::size_t>(kReserved.offset), 4);
  const bool bdf_reserved = reserved == "BDF+";
  bool bdf_label = false;
  for (const auto& s : h.signals)
    bdf_label = bdf_label || s.label == "BDF Annotations";
  if (bdf_reserved || bdf_label)
    diag.fail("header byte 0 (version): the version field says EDF (16-bit samples) but the " +
              std::string(bdf_reserved ? "reserved field says BDF"
                                       : "annotation signal is named "
                                         "'BDF Annotations'") +
              ": a BDF file with a wrong version field cannot be decoded");
}

}  // namespace

Header read_header(const FileHandle& file, Diagnostics& diag) {
  if (file.size() < kFixedBytes)
    diag.fail("not an EDF or BDF file (" + std::to_string(file.size()) +
              " bytes, shorter than the 256-byte header)");
  std::string fixed(kFixedBytes, '\0');
  file.read_at(0, kFixedBytes, fixed.data());
  Header h;
  h.path = file.path();
  const bool bdf = read_version(fixed, diag);
  h.bytes_per_sample = bdf ? 3 : 2;
  h.file_type = read_type(fixed, bdf, diag);
  h.patient = text_of(diag, fixed, kPatient);
  h.recording = text_of(diag, fixed, kRecording);
  h.start =
      parse_start_time(diag, text_of(diag, fixed, kStartDate), text_of(diag, fixed, kStartTime));
  if (is_plus(h.file_type))
    check_plus_identification(diag, h.patient, h.recording, h.start);
  const auto ns_loc = header_location(kSignals.offset, kSignals.name);
  const long long ns = parse_integer_field(diag, text_of(diag, fixed, kSignals), ns_loc);
  if (ns < 1 || ns > limits::kMaxSignals)
    diag.fail(ns_loc + ": invalid number of signals (" + std::to_string(ns) + ", allowed 1 to " +
              std::to_string(limits::kMaxSignals) + ")");
  const auto hb_loc = header_location(kHeaderBytes.offset, kHeaderBytes.name);
  const long long header_bytes =
      parse_integer_field(diag, text_of(diag, fixed, kHeaderBytes), hb_loc);
  if (header_bytes != kFixedBytes * (ns + 1))
    diag.fail(hb_loc + ": header size " + std::to_string(header_bytes) + " does not match " +
              std::to_string(ns) + " signals (expected " + std::to_string(kFixedBytes * (ns + 1)) +
              ")");
  h.header_bytes = static_cast<int>(header_bytes);
  if (file.size() < header_bytes)
    diag.fail("truncated header: " + std::to_string(file.size()) + " bytes, the header needs " +
              std::to_string(header_bytes));
  const auto dur_loc = header_location(kDuration.offset, kDuration.name);
  h.record_duration_s = parse_decimal_field(diag, text_of(diag, fixed, kDuration), dur_loc);
  if (h.record_duration_s < 0.0)
    diag.fail(dur_loc + ": negative record duration (" + std::to_string(h.record_duration_s) + ")");
  if (h.record_duration_s > limits::kMaxRecordingSeconds)
    diag.fail(dur_loc + ": absurd record duration (" + format_number(h.record_duration_s) +
              " s, more than " + format_number(limits::kMaxRecordingSeconds) + " s)");
  std::string signal_bytes(static_cast<std::size_t>(header_bytes - kFixedBytes), '\0');
  file.read_at(kFixedBytes, header_bytes - kFixedBytes, signal_bytes.data());
  parse_signal_headers(signal_bytes, h, diag);
  refuse_bdf_read_as_edf(fixed, h, diag);
  const auto nrec_loc = header_location(kRecords.offset, kRecords.name);
  resolve_record_count(file, parse_integer_field(diag, text_of(diag, fixed, kRecords), nrec_loc), h,
                       diag);
  return h;
}

}  // namespace eegtrack::io::detail
