#include "eegtrack/exports/events_edf.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <system_error>

#include "eegtrack/io/edf_writer.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::exports {
namespace {

// EDF+ annotations are UTF-8; the text is built from eegtrack's own words and 10-10 names, so
// anything else came from a hostile label and is replaced rather than passed to a viewer.
std::string printable_ascii(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
      c = '?';
  return text;
}

// EDF headers hold the years 1985 to 2084. A start outside them (a de-identified start shifted
// back before 1985) is written as EDF+'s clipping date, 1 January 1985, with the time of day
// kept: the onsets count from the recording's first sample either way, and events.tsv and the
// summary carry the start itself. Refusing it instead failed the whole recording in a batch.
io::StartTime representable_start(io::StartTime start) {
  if (start.year < io::kFirstEdfYear || start.year > io::kLastEdfYear) {
    start.year = io::kFirstEdfYear;
    start.month = 1;
    start.day = 1;
  }
  return start;
}

bool lateral(sites::Laterality side) {
  return side == sites::Laterality::Left || side == sites::Laterality::Right ||
         side == sites::Laterality::Bilateral;
}

}  // namespace

std::string annotation_text(const detect::Event& e) {
  std::string text = std::string(kAnnotationPrefix) + detect::to_string(e.type);
  if (std::isfinite(e.frequency_hz)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " %.1f Hz", e.frequency_hz);
    text += buffer;
  }
  if (!e.focus.empty())
    text += " " + e.focus;
  else if (lateral(e.side))
    text += std::string(" ") + sites::to_string(e.side);
  text = printable_ascii(std::move(text));
  if (text.size() > io::kMaxWriteAnnotationBytes)
    text.resize(io::kMaxWriteAnnotationBytes);
  return text;
}

void write_events_edf(const std::filesystem::path& path, const std::vector<detect::Event>& events,
                      const io::StartTime& start, double recording_duration_s, bool detection_ran) {
  const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  try {
    io::EdfWriter writer(
        tmp, {.format = io::WriteFormat::EdfPlus, .start = representable_start(start)}, {});
    for (const auto& e : events)
      writer.write_annotation({e.onset_s, e.duration_s, annotation_text(e)});
    if (events.empty())
      writer.write_annotation(
          {0.0, recording_duration_s, detection_ran ? kNoEventsText : kDetectionOffText});
    writer.close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(tmp, path, error);
  if (error)
    throw io::EdfError(path, "cannot move the written file into place (" + error.message() + ")");
}

}  // namespace eegtrack::exports
