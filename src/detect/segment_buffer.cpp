#include "segment_buffer.hpp"

#include <algorithm>
#include <utility>

namespace eegtrack::detect::detail {

SegmentBuffer::SegmentBuffer(std::vector<std::size_t> kept, std::size_t hop, std::size_t margin)
    : kept_(std::move(kept)), hop_(hop), margin_(margin), buffer_(kept_.size()) {}

void SegmentBuffer::start_segment(double start_s) {
  end_segment();
  in_segment_ = true;
  segment_start_s_ = start_s;
}

void SegmentBuffer::append(const DetectionBlock& block) {
  for (std::size_t k = 0; k < kept_.size(); ++k) {
    const auto& x = block.samples[kept_[k]];
    buffer_[k].insert(buffer_[k].end(), x.begin(), x.end());
  }
  received_ += block.samples.empty() ? 0 : block.samples.front().size();
}

std::optional<SegmentWindow> SegmentBuffer::next_window(bool segment_ended) {
  auto windows = next_windows(segment_ended, 1);
  if (windows.empty())
    return std::nullopt;
  return windows.front();
}

std::size_t SegmentBuffer::ready_windows(bool segment_ended) const {
  if (!in_segment_)
    return 0;
  // Windows j < end are ready: their core (and, before the segment's end, their trailing
  // margin) has arrived.
  const std::size_t end = segment_ended          ? (received_ + hop_ - 1) / hop_
                          : received_ >= margin_ ? (received_ - margin_) / hop_
                                                 : 0;
  return end > next_ ? end - next_ : 0;
}

std::vector<SegmentWindow> SegmentBuffer::next_windows(bool segment_ended, std::size_t most) {
  // What the first window's leading margin reaches back to; never more than is held.
  release_before(next_ * hop_ >= margin_ ? next_ * hop_ - margin_ : 0);
  std::vector<SegmentWindow> out;
  for (std::size_t n = std::min(most, ready_windows(segment_ended)); out.size() < n;) {
    SegmentWindow w;
    w.index = next_++;
    w.core_begin = w.index * hop_;
    w.core_end = std::min(received_, w.core_begin + hop_);
    w.span_begin = w.core_begin >= margin_ ? w.core_begin - margin_ : 0;
    w.span_end = std::min(received_, w.core_end + margin_);
    out.push_back(w);
  }
  return out;
}

std::span<const double> SegmentBuffer::samples(std::size_t k, std::size_t begin,
                                               std::size_t end) const {
  return std::span<const double>(buffer_[k]).subspan(begin - buffer_begin_, end - begin);
}

void SegmentBuffer::end_segment() {
  in_segment_ = false;
  received_ = 0;
  buffer_begin_ = 0;
  next_ = 0;
  for (auto& x : buffer_)
    x.clear();
}

void SegmentBuffer::release_before(std::size_t sample) {
  const std::size_t held_end = buffer_begin_ + (buffer_.empty() ? 0 : buffer_.front().size());
  sample = std::min(sample, held_end);
  if (sample <= buffer_begin_)
    return;
  for (auto& x : buffer_)
    x.erase(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(sample - buffer_begin_));
  buffer_begin_ = sample;
}

}  // namespace eegtrack::detect::detail
