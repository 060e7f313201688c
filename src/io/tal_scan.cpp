#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "eegtrack/io/tal_parser.hpp"
#include "timeline.hpp"

namespace eegtrack::io::detail {

namespace {

// Beyond this many TAL deviations the report only counts the rest: a broken writer repeats
// the same fault in every record.
constexpr std::size_t kMaxTalDeviations = 100;

class TalCollector {
 public:
  TalCollector(const Header& h, Diagnostics& diag) : header_(h), diag_(diag) {
    scan_.timekeeping_s.assign(static_cast<std::size_t>(h.n_records),
                               std::numeric_limits<double>::quiet_NaN());
  }

  void add(std::int64_t record, int signal, bool first_signal, std::string_view bytes) {
    TalParse parse = parse_tals(bytes);
    const auto where = [&] {
      return "record " + std::to_string(record) + " signal " + std::to_string(signal) + " TAL";
    };
    for (auto& problem : parse.problems)
      report(where(), std::move(problem));
    missing_nul_ = missing_nul_ || parse.missing_nul;
    dropped_onset_text_ = dropped_onset_text_ || parse.dropped_onset_text;
    std::size_t first_tal = 0;
    if (first_signal) {
      if (!parse.tals.empty() && !parse.tals[0].texts.empty() && parse.tals[0].texts[0].empty()) {
        scan_.timekeeping_s[static_cast<std::size_t>(record)] = parse.tals[0].onset_s;
        if (parse.tals[0].has_duration)
          report(where(), "time-keeping TAL has a duration");
        keep_texts(parse.tals[0], 1);
        first_tal = 1;
      } else if (is_plus(header_.file_type)) {
        report(where(), "record has no time-keeping TAL (first TAL with an empty text)");
      }
    }
    for (std::size_t t = first_tal; t < parse.tals.size(); ++t)
      keep_texts(parse.tals[t], 0);
  }

  TalScan finish() {
    if (suppressed_ > 0)
      diag_.deviation("TALs", std::to_string(suppressed_) + " further TAL problems not listed");
    if (missing_nul_)
      diag_.warn("TALs without the 0x00 separator were split into separate annotations");
    if (dropped_onset_text_)
      diag_.warn("annotation texts that only repeat an onset time were dropped");
    return std::move(scan_);
  }

 private:
  void report(const std::string& where, std::string message) {
    if (reported_ < kMaxTalDeviations) {
      diag_.deviation(where, std::move(message));
      ++reported_;
    } else {
      ++suppressed_;
    }
  }
  void keep_texts(const Tal& tal, std::size_t first_text) {
    for (std::size_t k = first_text; k < tal.texts.size(); ++k) {
      if (!tal.texts[k].empty())
        scan_.annotations.push_back({tal.onset_s, tal.duration_s, tal.texts[k]});
    }
  }

  const Header& header_;
  Diagnostics& diag_;
  TalScan scan_;
  std::size_t reported_ = 0;
  std::size_t suppressed_ = 0;
  bool missing_nul_ = false;
  bool dropped_onset_text_ = false;
};

}  // namespace

TalScan scan_tals(const FileHandle& file, const Header& h, Diagnostics& diag) {
  const auto annotation_signals = h.annotation_signals();
  TalCollector collector(h, diag);
  if (annotation_signals.empty() || h.n_records == 0)
    return collector.finish();
  std::vector<std::int64_t> offsets(h.signals.size() + 1, 0);
  for (std::size_t i = 0; i < h.signals.size(); ++i)
    offsets[i + 1] =
        offsets[i] + std::int64_t{h.signals[i].samples_per_record} * h.bytes_per_sample;
  const std::int64_t span_begin = offsets[static_cast<std::size_t>(annotation_signals.front())];
  const std::int64_t span_end = offsets[static_cast<std::size_t>(annotation_signals.back()) + 1];
  const auto scan_block = [&](std::int64_t first, std::int64_t count, const char* base) {
    for (std::int64_t r = 0; r < count; ++r) {
      for (std::size_t k = 0; k < annotation_signals.size(); ++k) {
        const auto s = static_cast<std::size_t>(annotation_signals[k]);
        const std::string_view bytes(base + r * h.record_bytes + offsets[s] - span_begin,
                                     static_cast<std::size_t>(offsets[s + 1] - offsets[s]));
        collector.add(first + r, annotation_signals[k], k == 0, bytes);
      }
    }
  };
  // Blocks of whole records: on the target VMs a syscall or page fault per record costs more
  // than copying the records (24-h 21-channel EDF+: 0.4 s by blocks, 0.8 s by per-record pread,
  // 1.1 s by mmap).
  const std::int64_t block = std::max<std::int64_t>(1, (std::int64_t{4} << 20) / h.record_bytes);
  std::string buffer;
  for (std::int64_t first = 0; first < h.n_records; first += block) {
    const std::int64_t count = std::min(block, h.n_records - first);
    const std::int64_t size = (count - 1) * h.record_bytes + (span_end - span_begin);
    buffer.resize(static_cast<std::size_t>(size));
    file.read_at(h.header_bytes + first * h.record_bytes + span_begin, size, buffer.data());
    scan_block(first, count, buffer.data());
  }
  return collector.finish();
}

}  // namespace eegtrack::io::detail
