#include "eegtrack/clinical/course_time.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace eegtrack::clinical {
namespace {

constexpr double kDay = 86400.0;

// Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(long y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Exactly `width` digits at `at`.
std::optional<long> digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size())
    return std::nullopt;
  long value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<LocalTime> parse_local_time(std::string_view text) {
  const auto y = digits(text, 0, 4);
  const auto mo = digits(text, 5, 2);
  const auto d = digits(text, 8, 2);
  if (!y || !mo || !d || text.size() < 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  if (*y < 1900 || *y > 2199 || *mo < 1 || *mo > 12 || *d < 1 ||
      *d > static_cast<long>(days_in_month(*y, static_cast<unsigned>(*mo))))
    return std::nullopt;
  double seconds = static_cast<double>(
                       days_from_civil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d))) *
                   kDay;
  if (text.size() == 10)
    return LocalTime{seconds};
  if (text[10] != 'T' && text[10] != ' ')
    return std::nullopt;
  const auto h = digits(text, 11, 2);
  const auto mi = digits(text, 14, 2);
  if (!h || !mi || text.size() < 16 || text[13] != ':' || *h > 23 || *mi > 59)
    return std::nullopt;
  seconds += static_cast<double>(*h * 3600 + *mi * 60);
  if (text.size() == 16)
    return LocalTime{seconds};
  const auto s = digits(text, 17, 2);
  if (text[16] != ':' || !s || *s > 59)
    return std::nullopt;
  seconds += static_cast<double>(*s);
  if (text.size() == 19)
    return LocalTime{seconds};
  if (text[19] != '.' || text.size() == 20)
    return std::nullopt;
  double fraction = 0.0, scale = 0.1;
  for (std::size_t i = 20; i < text.size(); ++i, scale /= 10.0) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    fraction += (text[i] - '0') * scale;
  }
  return LocalTime{seconds + fraction};
}

std::string format_local_time(LocalTime t) {
  const auto total = static_cast<long>(std::floor(t.seconds));
  long days = total / 86400;
  long rest = total % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // civil_from_days (Hinnant).
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  // Room for the widest values the types allow (gcc checks the bound: -Wformat-truncation).
  char text[64];
  std::snprintf(text, sizeof text, "%04ld-%02u-%02uT%02ld:%02ld:%02ld", y, m, d, rest / 3600,
                rest / 60 % 60, rest % 60);
  return text;
}

double days_after(LocalTime infusion, LocalTime t) noexcept {
  return (t.seconds - infusion.seconds) / kDay;
}

LocalTime end_of_day(LocalTime t) noexcept {
  return LocalTime{(std::floor(t.seconds / kDay) + 1.0) * kDay};
}

}  // namespace eegtrack::clinical
