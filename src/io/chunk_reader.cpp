#include <algorithm>
#include <cmath>
#include <string>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::io {

ChunkReader::ChunkReader(const EdfReader& reader, std::vector<int> signals, double chunk_s)
    : reader_(&reader), signals_(std::move(signals)) {
  if (!(chunk_s > 0.0) || !std::isfinite(chunk_s))
    throw UsageError("ChunkReader: chunk_s must be > 0 (" + std::to_string(chunk_s) + ")");
  std::vector<std::vector<double>> probe;
  reader.read_records(0, 0, signals_, probe);  // validates the signal indices
  const double record_s = reader.header().record_duration_s;
  if (record_s > 0.0) {
    // Whole records only; the small slack keeps 30 s / 1 s records from becoming 29 records.
    // The quotient is clamped before the conversion: with a tiny record duration (annotation-only
    // files may declare 1e-300 s) it exceeds the range of int64, and converting it would be UB.
    const double records = std::min(std::floor(chunk_s / record_s + 1e-9), 1e9);
    records_per_chunk_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(records));
  }
}

bool ChunkReader::next(Chunk& out) {
  const auto& segments = reader_->segments();
  const Header& h = reader_->header();
  while (segment_ < segments.size()) {
    const Segment& seg = segments[segment_];
    next_record_ = std::max(next_record_, seg.first_record);
    const std::int64_t end = seg.first_record + seg.n_records;
    if (next_record_ >= end) {
      ++segment_;
      continue;
    }
    const std::int64_t count = std::min(records_per_chunk_, end - next_record_);
    const double start_s =
        seg.onset_s + static_cast<double>(next_record_ - seg.first_record) * h.record_duration_s;
    out.segment = segment_;
    out.signals.resize(signals_.size());
    // Reuse the caller's sample buffers so steady-state streaming does not allocate.
    std::vector<std::vector<double>> buffers(signals_.size());
    for (std::size_t i = 0; i < signals_.size(); ++i) {
      buffers[i].swap(out.signals[i].samples);
      buffers[i].clear();
    }
    reader_->read_records(next_record_, count, signals_, buffers);
    for (std::size_t i = 0; i < signals_.size(); ++i) {
      ChunkSignal& s = out.signals[i];
      s.signal = signals_[i];
      s.sample_rate_hz = h.signals[static_cast<std::size_t>(signals_[i])].sample_rate_hz;
      s.start_s = start_s;
      s.samples.swap(buffers[i]);
    }
    next_record_ += count;
    return true;
  }
  return false;
}

}  // namespace eegtrack::io
