#include "eegtrack/pipeline/montaged_reader.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::pipeline {

MontagedReader::MontagedReader(const io::EdfReader& reader, Selection selection, double t0_s,
                               double t1_s, double chunk_s)
    : reader_(&reader),
      selection_(std::move(selection)),
      t1_s_(t1_s),
      chunk_s_(chunk_s),
      cursor_s_(t0_s) {
  if (!(chunk_s > 0.0)) {
    throw io::UsageError("MontagedReader: chunk length must be > 0 s (" + std::to_string(chunk_s) +
                         ")");
  }
  if (!(t1_s > t0_s)) {
    throw io::UsageError("MontagedReader: empty time window (" + std::to_string(t0_s) + " to " +
                         std::to_string(t1_s) + " s)");
  }
}

bool MontagedReader::next(MontagedChunk& out) {
  while (cursor_s_ < t1_s_) {
    // Windows that share an edge partition the samples exactly ([t0, t1) in the reader), so
    // consecutive chunks neither repeat nor drop a sample.
    const double end = std::min(cursor_s_ + chunk_s_, t1_s_);
    auto pieces = reader_->read_window(selection_.signals, cursor_s_, end);
    cursor_s_ = end;
    // A window that straddles an EDF+D gap comes back as one piece per segment; hand them out
    // one at a time through the pending queue.
    for (auto& piece : pieces) {
      if (piece.signals.empty() || piece.signals.front().samples.empty())
        continue;
      pending_.push_back(std::move(piece));
    }
    if (!pending_.empty())
      break;
  }
  if (pending_.empty())
    return false;
  io::Chunk piece = std::move(pending_.front());
  pending_.pop_front();

  std::vector<std::span<const double>> inputs;
  inputs.reserve(piece.signals.size());
  for (const auto& signal : piece.signals)
    inputs.emplace_back(signal.samples);
  out.segment = piece.segment;
  out.start_s = piece.signals.front().start_s;
  out.sample_rate_hz = selection_.sample_rate_hz;
  out.samples = io::apply_montage(selection_.plan, inputs);
  const double tolerance = 0.5 / selection_.sample_rate_hz;
  out.continues_previous =
      piece.segment == previous_segment_ && std::abs(out.start_s - previous_end_s_) < tolerance;
  previous_segment_ = piece.segment;
  const auto n = piece.signals.front().samples.size();
  previous_end_s_ = out.start_s + static_cast<double>(n) / selection_.sample_rate_hz;
  return true;
}

}  // namespace eegtrack::pipeline
