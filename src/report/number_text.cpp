#include "eegtrack/report/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace eegtrack::report {

std::string fixed(double value, int digits) {
  if (!std::isfinite(value))
    return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  std::string out(text);
  // -0.00 reads as a sign that is not there.
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos)
    out.erase(0, 1);
  return out;
}

std::string fixed_or(const std::optional<double>& value, int digits, std::string_view absent) {
  return value ? fixed(*value, digits) : std::string(absent);
}

std::string with_interval(const std::optional<double>& value, const std::optional<double>& low,
                          const std::optional<double>& high, int digits, std::string_view absent) {
  if (!value)
    return std::string(absent);
  std::string out = fixed(*value, digits);
  if (low && high)
    out += " (" + fixed(*low, digits) + "\u2013" + fixed(*high, digits) + ")";
  return out;
}

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0)
    return "n/a";
  char text[64];
  if (seconds < 60.0) {
    std::snprintf(text, sizeof text, "%.*f s", seconds < 10.0 ? 1 : 0, seconds);
  } else if (seconds < 3600.0) {
    const long s = std::lround(seconds);
    std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
  } else {
    const long m = std::lround(seconds / 60.0);
    std::snprintf(text, sizeof text, "%ld h %02ld min", m / 60, m % 60);
  }
  return text;
}

std::string clock_time(std::string_view iso_start, double seconds) {
  int h = 0, m = 0;
  double s = 0.0;
  const auto t = iso_start.find('T');
  if (t == std::string_view::npos || !std::isfinite(seconds))
    return "";
  const std::string time(iso_start.substr(t + 1));
  if (std::sscanf(time.c_str(), "%d:%d:%lf", &h, &m, &s) != 3)
    return "";
  const double total = std::fmod(h * 3600.0 + m * 60.0 + s + seconds, 86400.0);
  const long whole = static_cast<long>(std::floor(total + 1e-6));
  char text[64];
  std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", whole / 3600, (whole / 60) % 60,
                whole % 60);
  return text;
}

}  // namespace eegtrack::report
