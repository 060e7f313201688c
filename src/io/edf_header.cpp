#include "eegtrack/io/edf_header.hpp"

#include <cmath>
#include <cstdio>

namespace eegtrack::io {

const char* to_string(FileType type) noexcept {
  switch (type) {
    case FileType::Edf:
      return "EDF";
    case FileType::EdfPlusC:
      return "EDF+C";
    case FileType::EdfPlusD:
      return "EDF+D";
    case FileType::Bdf:
      return "BDF";
    case FileType::BdfPlusC:
      return "BDF+C";
    case FileType::BdfPlusD:
      return "BDF+D";
  }
  return "unknown";
}

bool is_bdf(FileType type) noexcept {
  return type == FileType::Bdf || type == FileType::BdfPlusC || type == FileType::BdfPlusD;
}

bool is_plus(FileType type) noexcept {
  return type != FileType::Edf && type != FileType::Bdf;
}

bool is_discontinuous(FileType type) noexcept {
  return type == FileType::EdfPlusD || type == FileType::BdfPlusD;
}

std::string to_iso8601(const StartTime& start) {
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", start.year, start.month,
                start.day, start.hour, start.minute, start.second);
  std::string out = text;
  if (start.subsecond_s > 0.0) {
    // Microsecond precision: TAL onsets carry at most 7 decimals, clinical use needs far less.
    std::snprintf(text, sizeof text, ".%06ld", std::lround(start.subsecond_s * 1e6) % 1000000);
    out += text;
  }
  return out;
}

std::vector<int> Header::data_signals() const {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(signals.size()); ++i) {
    if (!signals[i].is_annotation)
      out.push_back(i);
  }
  return out;
}

std::vector<int> Header::annotation_signals() const {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(signals.size()); ++i) {
    if (signals[i].is_annotation)
      out.push_back(i);
  }
  return out;
}

}  // namespace eegtrack::io
