#include "eegtrack/pipeline/epoch_stream.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace eegtrack::pipeline {
namespace {

double common_rate(const io::EdfReader& reader, const std::vector<int>& signals) {
  if (signals.empty())
    throw std::invalid_argument("EpochStream: no signals to read");
  const auto& info = reader.header().signals;
  const int n = static_cast<int>(info.size());
  double fs = 0.0;
  for (int s : signals) {
    if (s < 0 || s >= n)
      throw std::invalid_argument("EpochStream: signal index out of range (" + std::to_string(s) +
                                  ")");
    const double rate = info[static_cast<std::size_t>(s)].sample_rate_hz;
    if (fs == 0.0)
      fs = rate;
    else if (rate != fs)
      throw std::invalid_argument("EpochStream: signals have different sample rates (" +
                                  std::to_string(fs) + " and " + std::to_string(rate) + " Hz)");
  }
  return fs;
}

}  // namespace

EpochStream::EpochStream(const io::EdfReader& reader, const std::vector<int>& signals,
                         double epoch_s, double chunk_s)
    : chunks_(reader, signals, chunk_s),
      fs_(common_rate(reader, signals)),
      n_signals_(signals.size()),
      carry_(signals.size()) {
  const double n = std::round(epoch_s * fs_);
  if (!(n >= 2.0) || !std::isfinite(n))
    throw std::invalid_argument("EpochStream: epoch too short (" + std::to_string(epoch_s) + " s)");
  epoch_n_ = static_cast<std::size_t>(n);
  const auto per_record = static_cast<std::size_t>(
      reader.header().signals[static_cast<std::size_t>(signals.front())].samples_per_record);
  for (const io::Segment& segment : reader.segments())
    epoch_count_ += static_cast<std::size_t>(segment.n_records) * per_record / epoch_n_;
}

// Appends the next chunk to the carry; a chunk of another segment (or one that does not
// continue the carry in time) starts the carry afresh, so no epoch spans a gap.
bool EpochStream::refill() {
  if (!chunks_.next(chunk_))
    return false;
  const double start = chunk_.signals.front().start_s;
  // carry_start_s_ is the time of carry_[.][0], so the carry ends size() samples later.
  const double carry_end = carry_start_s_ + static_cast<double>(carry_.front().size()) / fs_;
  const bool continues = chunk_.segment == segment_ && std::abs(start - carry_end) < 0.5 / fs_;
  for (std::size_t c = 0; c < n_signals_; ++c) {
    auto& buffer = carry_[c];
    if (continues) {
      buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(carry_pos_));
    } else {
      buffer.clear();
    }
    const auto& samples = chunk_.signals[c].samples;
    buffer.insert(buffer.end(), samples.begin(), samples.end());
  }
  if (!continues)
    carry_start_s_ = start;
  else
    carry_start_s_ += static_cast<double>(carry_pos_) / fs_;
  carry_pos_ = 0;
  segment_ = chunk_.segment;
  return true;
}

bool EpochStream::next(Epoch& out) {
  while (carry_.front().size() - carry_pos_ < epoch_n_) {
    if (!refill())
      return false;
  }
  out.index = next_index_++;
  out.segment = segment_;
  out.onset_s = carry_start_s_ + static_cast<double>(carry_pos_) / fs_;
  out.sample_rate_hz = fs_;
  out.samples.resize(n_signals_);
  for (std::size_t c = 0; c < n_signals_; ++c) {
    const auto first = carry_[c].begin() + static_cast<std::ptrdiff_t>(carry_pos_);
    out.samples[c].assign(first, first + static_cast<std::ptrdiff_t>(epoch_n_));
  }
  carry_pos_ += epoch_n_;
  return true;
}

}  // namespace eegtrack::pipeline
