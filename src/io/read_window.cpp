#include <algorithm>
#include <cmath>
#include <string>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::io {

namespace {

// Index of the first sample at or after time x samples from the segment onset. The slack
// absorbs rounding in (t - onset) * rate so a sample exactly at t counts as at t.
std::int64_t first_sample_at_or_after(double x, std::int64_t n_total) {
  const double k = std::ceil(x - 1e-6);
  return static_cast<std::int64_t>(std::clamp(k, 0.0, static_cast<double>(n_total)));
}

struct SampleRange {
  std::int64_t first = 0;
  std::int64_t last = 0;  // exclusive
};

}  // namespace

std::vector<Chunk> EdfReader::read_window(std::span<const int> signals, double t0_s,
                                          double t1_s) const {
  if (!(t1_s >= t0_s))
    throw UsageError("read_window: t1_s must be >= t0_s (" + std::to_string(t0_s) + ", " +
                     std::to_string(t1_s) + ")");
  std::vector<std::vector<double>> probe;
  read_records(0, 0, signals, probe);  // validates the signal indices
  const Header& h = header();
  std::vector<Chunk> chunks;
  const auto& segs = segments();
  for (std::size_t g = 0; g < segs.size(); ++g) {
    const Segment& seg = segs[g];
    if (seg.onset_s >= t1_s || seg.onset_s + seg.duration_s <= t0_s)
      continue;
    std::vector<SampleRange> ranges(signals.size());
    std::int64_t r0 = seg.n_records;
    std::int64_t r1 = 0;
    for (std::size_t i = 0; i < signals.size(); ++i) {
      const SignalInfo& info = h.signals[static_cast<std::size_t>(signals[i])];
      const std::int64_t spr = info.samples_per_record;
      const std::int64_t total = seg.n_records * spr;
      ranges[i] = {first_sample_at_or_after((t0_s - seg.onset_s) * info.sample_rate_hz, total),
                   first_sample_at_or_after((t1_s - seg.onset_s) * info.sample_rate_hz, total)};
      if (ranges[i].last > ranges[i].first) {
        r0 = std::min(r0, ranges[i].first / spr);
        r1 = std::max(r1, (ranges[i].last + spr - 1) / spr);
      }
    }
    if (r1 <= r0)
      continue;  // the window falls between two samples of every signal
    std::vector<std::vector<double>> data(signals.size());
    read_records(seg.first_record + r0, r1 - r0, signals, data);
    Chunk chunk;
    chunk.segment = g;
    for (std::size_t i = 0; i < signals.size(); ++i) {
      const SignalInfo& info = h.signals[static_cast<std::size_t>(signals[i])];
      const std::int64_t base = r0 * info.samples_per_record;
      auto& samples = data[i];
      const std::int64_t first = std::max(ranges[i].first, base);
      const std::int64_t last = std::max(ranges[i].last, first);
      samples.resize(static_cast<std::size_t>(
          std::min<std::int64_t>(last - base, static_cast<std::int64_t>(samples.size()))));
      samples.erase(samples.begin(), samples.begin() + (first - base));
      chunk.signals.push_back({signals[i], info.sample_rate_hz,
                               seg.onset_s + static_cast<double>(first) / info.sample_rate_hz,
                               std::move(samples)});
    }
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

}  // namespace eegtrack::io
