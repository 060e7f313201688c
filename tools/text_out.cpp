#include "text_out.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <vector>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::cli {

std::string printable(std::string_view text) {
  return io::escape_bytes(text);
}

void append_number(std::string& line, double value) {
  char buffer[32];
  line.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

std::string format_duration(double seconds) {
  // The reader bounds durations to 366 days; anything else (a caller's bug) is printed as a
  // number rather than converted to long, which would be undefined beyond its range.
  if (!(std::fabs(seconds) < 1e12)) {
    std::string text;
    append_number(text, seconds);
    return text + " s";
  }
  const double whole_hours = std::floor(seconds / 3600.0);
  const double whole_minutes = std::floor((seconds - whole_hours * 3600.0) / 60.0);
  const double rest = seconds - whole_hours * 3600.0 - whole_minutes * 60.0;
  const auto hours = static_cast<long>(whole_hours);
  const auto minutes = static_cast<long>(whole_minutes);
  char text[64];
  if (hours > 0) {
    std::snprintf(text, sizeof text, "%ld h %02ld min %04.1f s", hours, minutes, rest);
  } else if (minutes > 0) {
    std::snprintf(text, sizeof text, "%ld min %04.1f s", minutes, rest);
  } else {
    std::snprintf(text, sizeof text, "%.3f s", rest);
  }
  return text;
}

void print_channel_table(const io::Header& header, std::ostream& os) {
  const auto data = header.data_signals();
  os << "channels:    " << data.size() << " data";
  if (data.size() != header.signals.size()) {
    os << " + " << header.signals.size() - data.size() << " annotation";
  }
  os << '\n';
  // Columns are as wide as their longest entry plus two spaces: long labels ("EOG
  // horizontal") never run into the next column.
  std::vector<io::ChannelName> names;
  std::size_t label_width = 0;
  std::size_t name_width = 0;
  std::size_t type_width = 0;
  for (const int i : data) {
    const auto& signal = header.signals[i];
    names.push_back(io::normalize_channel(signal.label, signal.physical_dimension,
                                          signal.transducer, signal.is_annotation));
    label_width = std::max(label_width, printable(signal.label).size());
    name_width = std::max(name_width, printable(names.back().normalized).size());
    type_width = std::max(type_width, std::string(io::to_string(names.back().type)).size());
  }
  const auto width = [](std::size_t w) { return static_cast<int>(w + 2); };
  for (std::size_t k = 0; k < data.size(); ++k) {
    const auto& signal = header.signals[data[k]];
    const auto& name = names[k];
    os << "  " << std::setw(3) << data[k] << "  " << std::left << std::setw(width(label_width))
       << printable(signal.label) << std::setw(width(name_width)) << printable(name.normalized)
       << std::setw(width(type_width)) << io::to_string(name.type) << std::right << std::setw(7)
       << signal.sample_rate_hz << " Hz  " << printable(signal.unit) << '\n';
  }
}

}  // namespace eegtrack::cli
