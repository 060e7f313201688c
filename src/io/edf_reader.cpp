#include "eegtrack/io/edf_reader.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "diagnostics.hpp"
#include "eegtrack/io/errors.hpp"
#include "file_handle.hpp"
#include "header_parser.hpp"
#include "record_decoder.hpp"
#include "timeline.hpp"

namespace eegtrack::io {

namespace {

// One pread per block of records; 8 MiB keeps the buffer in reach of the caches while making
// the syscall cost negligible.
constexpr std::int64_t kBlockBytes = std::int64_t{8} << 20;

}  // namespace

struct EdfReader::Impl {
  detail::FileHandle file;
  detail::Diagnostics diag;
  Header header;
  detail::Timeline timeline;
  std::vector<std::int64_t> signal_offsets;  // byte offset of each signal inside a record
  double duration_s = 0.0;

  explicit Impl(const std::filesystem::path& path) : file(path) {
    diag.path = path;
    header = detail::read_header(file, diag);
    timeline = detail::build_timeline(file, header, diag);
    std::int64_t offset = 0;
    for (const auto& s : header.signals) {
      signal_offsets.push_back(offset);
      offset += std::int64_t{s.samples_per_record} * header.bytes_per_sample;
    }
    if (!timeline.segments.empty())
      duration_s = timeline.segments.back().onset_s + timeline.segments.back().duration_s;
  }

  void check_signals(std::span<const int> signals, const char* function) const {
    for (const int s : signals) {
      if (s < 0 || s >= static_cast<int>(header.signals.size()))
        throw UsageError(std::string(function) + ": signal index out of range (" +
                         std::to_string(s) + ")");
      if (header.signals[static_cast<std::size_t>(s)].is_annotation)
        throw UsageError(std::string(function) + ": signal " + std::to_string(s) +
                         " is an annotation signal");
    }
  }
};

EdfReader::EdfReader(const std::filesystem::path& path) : impl_(std::make_unique<Impl>(path)) {}
EdfReader::~EdfReader() = default;
EdfReader::EdfReader(EdfReader&&) noexcept = default;
EdfReader& EdfReader::operator=(EdfReader&&) noexcept = default;

const Header& EdfReader::header() const noexcept {
  return impl_->header;
}
const std::vector<Segment>& EdfReader::segments() const noexcept {
  return impl_->timeline.segments;
}
const std::vector<Annotation>& EdfReader::annotations() const noexcept {
  return impl_->timeline.annotations;
}
const std::vector<double>& EdfReader::record_onsets_s() const noexcept {
  return impl_->timeline.record_onsets_s;
}
const std::vector<Deviation>& EdfReader::deviations() const noexcept {
  return impl_->diag.deviations;
}
const std::vector<std::string>& EdfReader::warnings() const noexcept {
  return impl_->diag.warnings;
}
double EdfReader::duration_s() const noexcept {
  return impl_->duration_s;
}

void EdfReader::read_records(std::int64_t first_record, std::int64_t n_records,
                             std::span<const int> signals,
                             std::vector<std::vector<double>>& out) const {
  const Header& h = impl_->header;
  if (first_record < 0 || n_records < 0 || first_record > h.n_records - n_records)
    throw UsageError("read_records: records [" + std::to_string(first_record) + ", " +
                     std::to_string(first_record + n_records) + ") outside [0, " +
                     std::to_string(h.n_records) + ")");
  impl_->check_signals(signals, "read_records");
  if (out.size() < signals.size())
    out.resize(signals.size());
  std::vector<double*> dst(signals.size());
  for (std::size_t i = 0; i < signals.size(); ++i) {
    const auto spr = h.signals[static_cast<std::size_t>(signals[i])].samples_per_record;
    const std::size_t old = out[i].size();
    out[i].resize(old + static_cast<std::size_t>(n_records * spr));
    dst[i] = out[i].data() + old;
  }
  thread_local std::vector<char> buffer;
  const std::int64_t block = std::max<std::int64_t>(1, kBlockBytes / h.record_bytes);
  for (std::int64_t done = 0; done < n_records; done += block) {
    const std::int64_t count = std::min(block, n_records - done);
    buffer.resize(static_cast<std::size_t>(count * h.record_bytes));
    impl_->file.read_at(h.header_bytes + (first_record + done) * h.record_bytes,
                        count * h.record_bytes, buffer.data());
    for (std::size_t i = 0; i < signals.size(); ++i) {
      const auto s = static_cast<std::size_t>(signals[i]);
      const SignalInfo& info = h.signals[s];
      const auto spr = static_cast<std::size_t>(info.samples_per_record);
      for (std::int64_t r = 0; r < count; ++r) {
        detail::decode_samples(buffer.data() + r * h.record_bytes + impl_->signal_offsets[s], spr,
                               h.bytes_per_sample, info.gain, info.offset, dst[i]);
        dst[i] += spr;
      }
    }
  }
}

Header read_header(const std::filesystem::path& path) {
  const detail::FileHandle file(path);
  detail::Diagnostics diag;
  diag.path = path;
  return detail::read_header(file, diag);
}

std::vector<int> require_data_signals(const EdfReader& reader) {
  auto signals = reader.header().data_signals();
  if (signals.empty())
    throw EdfError(reader.header().path,
                   "contains only annotation signals; data signals are needed");
  return signals;
}

}  // namespace eegtrack::io
