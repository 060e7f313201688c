#include "timeline.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "eegtrack/io/limits.hpp"
#include "start_time.hpp"

namespace eegtrack::io::detail {

namespace {

// Onset of the first record as written in its time-keeping TAL: the sub-second start.
double time_origin(const TalScan& scan, Header& h, Diagnostics& diag) {
  if (!is_plus(h.file_type) || scan.timekeeping_s.empty() || std::isnan(scan.timekeeping_s[0]))
    return 0.0;
  const double origin = scan.timekeeping_s[0];
  // An origin before the header start or beyond any recording length (+1e300) is corrupt time:
  // refused in every mode, since the start date and every onset would be wrong.
  if (!(origin >= 0.0 && origin <= limits::kMaxRecordingSeconds))
    diag.fail("record 0 TAL: first time-keeping onset " + format_number(origin) +
              " s is outside [0, " + format_number(limits::kMaxRecordingSeconds) + "] s");
  if (origin >= 1.0) {
    diag.deviation("record 0 TAL",
                   "first time-keeping onset " + std::to_string(origin) + " s is outside [0, 1)");
    diag.warn("start time moved by the first time-keeping onset (" + std::to_string(origin) +
              " s)");
  }
  h.start = shifted_start(h.start, origin);
  return origin;
}

std::vector<double> record_onsets(const TalScan& scan, const Header& h, double origin,
                                  Diagnostics& diag) {
  std::vector<double> onsets(static_cast<std::size_t>(h.n_records));
  const bool use_tals = is_plus(h.file_type) && !h.annotation_signals().empty();
  std::int64_t missing = 0;
  for (std::size_t r = 0; r < onsets.size(); ++r) {
    const double tal = use_tals ? scan.timekeeping_s[r] : std::nan("");
    if (!std::isnan(tal)) {
      onsets[r] = tal - origin;
      if (!(onsets[r] >= 0.0 && onsets[r] <= limits::kMaxRecordingSeconds))
        diag.fail("record " + std::to_string(r) + " TAL: time-keeping onset " + format_number(tal) +
                  " s lies outside the recording's time axis (first record at " +
                  format_number(origin) + " s, at most " +
                  format_number(limits::kMaxRecordingSeconds) + " s later)");
    } else {
      onsets[r] = r == 0 ? 0.0 : onsets[r - 1] + h.record_duration_s;
      missing += use_tals ? 1 : 0;
    }
  }
  if (missing > 0)
    diag.warn(std::to_string(missing) +
              " records without a time-keeping TAL placed right after the previous record");
  if (is_discontinuous(h.file_type) && !use_tals)
    diag.warn("discontinuous file without annotation signal: records assumed contiguous");
  return onsets;
}

double max_sample_rate(const Header& h) {
  double rate = 0.0;
  for (const auto& s : h.signals) {
    if (!s.is_annotation)
      rate = std::max(rate, s.sample_rate_hz);
  }
  return rate;
}

std::vector<Segment> segments_of(const std::vector<double>& onsets, const Header& h,
                                 Diagnostics& diag) {
  std::vector<Segment> segments;
  const double rate = max_sample_rate(h);
  if (onsets.empty() || h.record_duration_s <= 0.0 || rate <= 0.0)
    return segments;
  // A shift below half a sample period cannot move any sample to another grid position.
  const double tolerance_s = 0.5 / rate;
  const double duration = h.record_duration_s;
  segments.push_back({onsets[0], duration, 0, 1});
  for (std::size_t r = 1; r < onsets.size(); ++r) {
    Segment& current = segments.back();
    const double expected = current.onset_s + static_cast<double>(current.n_records) * duration;
    const double shift = onsets[r] - expected;
    if (std::fabs(shift) <= tolerance_s) {
      // Within half a sample no sample moves, so the record joins its segment; but EDF+C
      // requires exact onsets (EDFlib refuses any difference at its 100-ns resolution).
      if (std::fabs(shift) >= 0.5e-7 && !is_discontinuous(h.file_type)) {
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", shift);
        diag.deviation("record " + std::to_string(r) + " TAL",
                       "time-keeping onset differs by " + std::string(text) +
                           " s from the end of the previous record (EDF+C needs exact onsets)");
      }
      ++current.n_records;
      current.duration_s = static_cast<double>(current.n_records) * duration;
      continue;
    }
    const std::string where = "record " + std::to_string(r) + " TAL";
    if (shift < 0.0)
      diag.deviation(where, "record overlaps the previous one by " + std::to_string(-shift) + " s");
    else if (!is_discontinuous(h.file_type))
      diag.deviation(where, "time-keeping onset leaves a gap of " + std::to_string(shift) +
                                " s in a continuous (+C) file");
    segments.push_back({onsets[r], duration, static_cast<std::int64_t>(r), 1});
  }
  if (segments.size() > 1 && !is_discontinuous(h.file_type))
    diag.warn("continuous file whose time-keeping TALs have gaps: read as " +
              std::to_string(segments.size()) + " segments");
  return segments;
}

}  // namespace

Timeline build_timeline(const FileHandle& file, Header& h, Diagnostics& diag) {
  TalScan scan = scan_tals(file, h, diag);
  const double origin = time_origin(scan, h, diag);
  Timeline timeline;
  timeline.record_onsets_s = record_onsets(scan, h, origin, diag);
  timeline.segments = segments_of(timeline.record_onsets_s, h, diag);
  timeline.annotations = std::move(scan.annotations);
  for (std::size_t k = 0; k < timeline.annotations.size(); ++k) {
    Annotation& a = timeline.annotations[k];
    a.onset_s -= origin;
    // The text is not quoted: annotation texts may name people.
    if (!(std::fabs(a.onset_s) <= limits::kMaxRecordingSeconds) ||
        !(a.duration_s <= limits::kMaxRecordingSeconds))
      diag.fail("annotation " + std::to_string(k) + ": onset " + format_number(a.onset_s + origin) +
                " s or duration " + format_number(a.duration_s) +
                " s lies outside the recording's time axis");
  }
  std::stable_sort(timeline.annotations.begin(), timeline.annotations.end(),
                   [](const Annotation& a, const Annotation& b) { return a.onset_s < b.onset_s; });
  return timeline;
}

}  // namespace eegtrack::io::detail
