#include "text_out.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iomanip>

#include "eegtrack/io/channels.hpp"

namespace eegtrack::cli {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7f ? '?' : c);
  }
  return out;
}

void append_number(std::string& line, double value) {
  char buffer[32];
  line.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

std::string format_duration(double seconds) {
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
  for (const int i : data) {
    const auto& signal = header.signals[i];
    const auto name = io::normalize_channel(signal.label, signal.physical_dimension,
                                            signal.transducer, signal.is_annotation);
    os << "  " << std::setw(3) << i << "  " << std::left << std::setw(18) << printable(signal.label)
       << std::setw(10) << printable(name.normalized) << std::setw(12) << io::to_string(name.type)
       << std::right << std::setw(9) << signal.sample_rate_hz << " Hz  " << printable(signal.unit)
       << '\n';
  }
}

}  // namespace eegtrack::cli
