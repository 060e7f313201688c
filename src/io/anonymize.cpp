#include "eegtrack/io/anonymize.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include "eegtrack/io/annotation_filter.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::io {
namespace {

namespace fs = std::filesystem;

constexpr int kPatientOffset = 8;
constexpr int kRecordingOffset = 88;
constexpr int kIdentityWidth = 80;
constexpr int kStartdateOffset = 168;

void check_pseudonym(const std::string& pseudonym) {
  if (pseudonym.size() > 40)
    throw UsageError("--pseudonym: at most 40 characters");
  for (const char c : pseudonym)
    if (c <= ' ' || c > '~')
      throw UsageError(
          "--pseudonym: printable ASCII without blanks only (EDF+ subfields are "
          "separated by blanks)");
}

StartTime shifted_date(const StartTime& start, int days) {
  const StartTime out = shifted_by_days(start, days);
  if (out.year < kFirstEdfYear || out.year > kLastEdfYear)
    throw UsageError("--shift-days " + std::to_string(days) + ": the start date would fall in " +
                     std::to_string(out.year) + ", outside the years EDF can store (1985-2084)");
  return out;
}

void put_field(std::string& header, int offset, int width, const std::string& text) {
  std::string padded = text.substr(0, static_cast<std::size_t>(width));
  padded.resize(static_cast<std::size_t>(width), ' ');
  header.replace(static_cast<std::size_t>(offset), static_cast<std::size_t>(width), padded);
}

std::string two_digits(int v) {
  std::array<char, 8> b{};
  std::snprintf(b.data(), b.size(), "%02d", v % 100);
  return b.data();
}

std::string plus_date(const StartTime& t) {
  static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  return two_digits(t.day) + "-" + kMonths[t.month - 1] + "-" + std::to_string(t.year);
}

// Copies `size` bytes from `in` to `out`; false on a read or write failure.
bool copy_bytes(std::ifstream& in, std::ofstream& out, std::uintmax_t size) {
  std::vector<char> buffer(1 << 20);
  while (size > 0) {
    const auto n = static_cast<std::streamsize>(std::min<std::uintmax_t>(size, buffer.size()));
    if (!in.read(buffer.data(), n) || !out.write(buffer.data(), n))
      return false;
    size -= static_cast<std::uintmax_t>(n);
  }
  return true;
}

// Overwrites, in one annotation signal's bytes of one record, the texts of its TALs with
// masked_annotation (same byte length): onsets, durations and separators are not touched.
void mask_tal_texts(char* p, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    if (p[i] == '\0') {
      ++i;
      continue;
    }
    while (i < n && p[i] != '\x14' && p[i] != '\0')  // onset and optional duration
      ++i;
    if (i >= n || p[i] == '\0')
      continue;
    ++i;
    while (i < n && p[i] != '\0') {
      const std::size_t start = i;
      while (i < n && p[i] != '\x14' && p[i] != '\0')
        ++i;
      const auto masked = masked_annotation(std::string_view(p + start, i - start));
      if (masked.size() == i - start)
        std::memcpy(p + start, masked.data(), masked.size());
      if (i < n && p[i] == '\x14')
        ++i;
    }
  }
}

// Copies the data records, masking the annotation texts; then any bytes after them.
bool copy_records_masking_texts(std::ifstream& in, std::ofstream& out, const Header& h,
                                std::uintmax_t size) {
  std::vector<std::pair<std::size_t, std::size_t>> regions;  // annotation bytes in a record
  std::size_t at = 0;
  for (const auto& s : h.signals) {
    const auto bytes = static_cast<std::size_t>(s.samples_per_record) *
                       static_cast<std::size_t>(h.bytes_per_sample);
    if (s.is_annotation)
      regions.emplace_back(at, bytes);
    at += bytes;
  }
  std::vector<char> record(static_cast<std::size_t>(h.record_bytes));
  for (std::int64_t r = 0; r < h.n_records; ++r) {
    if (!in.read(record.data(), static_cast<std::streamsize>(record.size())))
      return false;
    for (const auto& [offset, bytes] : regions)
      mask_tal_texts(record.data() + offset, bytes);
    if (!out.write(record.data(), static_cast<std::streamsize>(record.size())))
      return false;
  }
  const auto done = static_cast<std::uintmax_t>(h.header_bytes) +
                    static_cast<std::uintmax_t>(h.n_records) * record.size();
  return copy_bytes(in, out, size - done);
}

}  // namespace

StartTime anonymize_recording(const fs::path& input, const fs::path& output,
                              const AnonymizeOptions& options) {
  check_pseudonym(options.pseudonym);
  std::error_code ec;
  if (fs::exists(output, ec) && fs::equivalent(input, output, ec))
    throw UsageError(output.string() + ": the copy would overwrite its input");
  const EdfReader reader(input);  // validates the whole header and time axis
  const Header& h = reader.header();
  const StartTime start = shifted_date(h.start, options.shift_days);
  const std::uintmax_t size = fs::file_size(input);

  std::ifstream in(input, std::ios::binary);
  std::string header(static_cast<std::size_t>(h.header_bytes), '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(header.size())))
    throw EdfError(input, "cannot read the header");
  const std::string who = options.pseudonym.empty() ? "X" : options.pseudonym;
  if (is_plus(h.file_type)) {
    put_field(header, kPatientOffset, kIdentityWidth, who + " X X X");
    put_field(header, kRecordingOffset, kIdentityWidth, "Startdate " + plus_date(start) + " X X X");
  } else {
    put_field(header, kPatientOffset, kIdentityWidth, who);
    put_field(header, kRecordingOffset, kIdentityWidth, "X");
  }
  put_field(header, kStartdateOffset, 8,
            two_digits(start.day) + "." + two_digits(start.month) + "." + two_digits(start.year));

  std::string temporary_name = ".";
  temporary_name += output.filename().string();
  temporary_name += ".tmp-" + std::to_string(::getpid());
  const fs::path temporary = output.parent_path() / temporary_name;
  bool written = false;
  int error = 0;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out) {
      const bool mask = !options.keep_annotation_texts && !h.annotation_signals().empty();
      written = out.write(header.data(), static_cast<std::streamsize>(header.size())) &&
                (mask ? copy_records_masking_texts(in, out, h, size)
                      : copy_bytes(in, out, size - header.size()));
      out.flush();
      written = written && static_cast<bool>(out);
      error = errno;
    } else {
      error = errno;
    }
  }
  if (!written) {
    fs::remove(temporary, ec);
    throw EdfError(output, std::string("cannot write the copy (") + std::strerror(error) + ")");
  }
  fs::rename(temporary, output, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw EdfError(output, "cannot rename the copy into place (" + ec.message() + ")");
  }
  return start;
}

}  // namespace eegtrack::io
