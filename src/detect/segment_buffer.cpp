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
  // What the next window's leading margin reaches back to; never more than is held.
  release_before(next_ * hop_ >= margin_ ? next_ * hop_ - margin_ : 0);
  const bool ready =
      segment_ended ? next_ * hop_ < received_ : (next_ + 1) * hop_ + margin_ <= received_;
  if (!in_segment_ || !ready)
    return std::nullopt;
  SegmentWindow w;
  w.index = next_++;
  w.core_begin = w.index * hop_;
  w.core_end = std::min(received_, w.core_begin + hop_);
  w.span_begin = w.core_begin >= margin_ ? w.core_begin - margin_ : 0;
  w.span_end = std::min(received_, w.core_end + margin_);
  return w;
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
