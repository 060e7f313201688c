#include "start_time.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <sstream>
#include <vector>

namespace eegtrack::io::detail {

namespace {

constexpr std::array<const char*, 12> kMonths = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                 "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// Reads "aa?bb?cc" into three two-digit numbers; returns false when a digit is missing.
bool three_numbers(const std::string& text, std::array<int, 3>& out, bool& dot_separated) {
  if (text.size() != 8)
    return false;
  dot_separated = text[2] == '.' && text[5] == '.';
  for (int k = 0; k < 3; ++k) {
    const char hi = text[static_cast<std::size_t>(3 * k)];
    const char lo = text[static_cast<std::size_t>(3 * k + 1)];
    if (hi < '0' || hi > '9' || lo < '0' || lo > '9')
      return false;
    out[static_cast<std::size_t>(k)] = (hi - '0') * 10 + (lo - '0');
  }
  return true;
}

std::vector<std::string> split_spaces(const std::string& text) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; in >> part;)
    parts.push_back(part);
  return parts;
}

// "dd-MMM-yyyy" -> day, month, year; false if malformed.
bool parse_plus_date(const std::string& text, int& day, int& month, int& year) {
  if (text.size() != 11 || text[2] != '-' || text[6] != '-')
    return false;
  month = 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (text.compare(3, 3, kMonths[m]) == 0)
      month = static_cast<int>(m) + 1;
  }
  try {
    day = std::stoi(text.substr(0, 2));
    year = std::stoi(text.substr(7, 4));
  } catch (const std::exception&) {
    return false;
  }
  return month != 0 && day >= 1 && day <= 31;
}

}  // namespace

StartTime parse_start_time(Diagnostics& diag, const std::string& date, const std::string& time) {
  std::array<int, 3> d{};
  std::array<int, 3> t{};
  bool dots = true;
  const auto date_loc = header_location(168, "startdate");
  const auto time_loc = header_location(176, "starttime");
  if (!three_numbers(date, d, dots))
    diag.fail(date_loc + ": '" + date + "' is not a date dd.mm.yy");
  if (!dots)
    diag.deviation(date_loc, "separators are not '.' ('" + date + "')");
  if (!three_numbers(time, t, dots))
    diag.fail(time_loc + ": '" + time + "' is not a time hh.mm.ss");
  if (!dots)
    diag.deviation(time_loc, "separators are not '.' ('" + time + "')");
  if (d[0] < 1 || d[0] > 31 || d[1] < 1 || d[1] > 12)
    diag.fail(date_loc + ": '" + date + "' is not a valid date");
  if (t[0] > 23 || t[1] > 59 || t[2] > 59)
    diag.fail(time_loc + ": '" + time + "' is not a valid time");
  StartTime start;
  start.day = d[0];
  start.month = d[1];
  start.year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2];
  // 31.02.23 passes the digit checks above but is no calendar date: every time derived from it
  // would be wrong, so it is an error in every mode.
  const std::chrono::year_month_day calendar{std::chrono::year{start.year},
                                             std::chrono::month{static_cast<unsigned>(d[1])},
                                             std::chrono::day{static_cast<unsigned>(d[0])}};
  if (!calendar.ok())
    diag.fail(date_loc + ": '" + date + "' is not a valid date (no day " + std::to_string(d[0]) +
              " in month " + std::to_string(d[1]) + " of " + std::to_string(start.year) + ")");
  start.hour = t[0];
  start.minute = t[1];
  start.second = t[2];
  return start;
}

// The identification fields may hold a name, a birth date or a hospital code in any subfield
// (a malformed field shifts the name into the "sex" slot), so no message quotes them: they
// reach logs, JSON and reports, and identity appears only with --show-identifiers.
constexpr const char* kWithheld = " (value not shown: identity field)";

void check_plus_identification(Diagnostics& diag, const std::string& patient,
                               const std::string& recording, StartTime& start) {
  const auto patient_loc = header_location(8, "patient");
  const auto p = split_spaces(patient);
  int day = 0, month = 0, year = 0;
  if (p.size() < 4) {
    diag.deviation(patient_loc, "EDF+ patient field needs 4 subfields (code sex birthdate name)");
  } else {
    if (p[1] != "M" && p[1] != "F" && p[1] != "X")
      diag.deviation(patient_loc, std::string("EDF+ sex subfield is not M, F or X") + kWithheld);
    if (p[2] != "X" && !parse_plus_date(p[2], day, month, year))
      diag.deviation(patient_loc,
                     std::string("EDF+ birthdate subfield is not dd-MMM-yyyy") + kWithheld);
  }
  const auto rec_loc = header_location(88, "recording");
  const auto r = split_spaces(recording);
  if (r.size() < 5 || r[0] != "Startdate") {
    diag.deviation(rec_loc,
                   "EDF+ recording field needs 'Startdate dd-MMM-yyyy admincode technician "
                   "equipment'");
  }
  if (r.size() < 2 || r[0] != "Startdate" || r[1] == "X")
    return;
  if (!parse_plus_date(r[1], day, month, year)) {
    diag.deviation(rec_loc, std::string("EDF+ startdate subfield is not dd-MMM-yyyy") + kWithheld);
    return;
  }
  if (day != start.day || month != start.month || year % 100 != start.year % 100) {
    diag.deviation(rec_loc, "EDF+ startdate subfield differs from the header startdate");
    diag.warn("the recording field's startdate is ignored: it differs from the header date");
    return;
  }
  start.year = year;
}

StartTime shifted_start(const StartTime& start, double seconds) {
  using namespace std::chrono;
  const double whole = std::floor(seconds);
  const auto ymd = year_month_day{year{start.year}, month{static_cast<unsigned>(start.month)},
                                  day{static_cast<unsigned>(start.day)}};
  const auto t = sys_days{ymd} + hours{start.hour} + minutes{start.minute} +
                 std::chrono::seconds{start.second} +
                 std::chrono::seconds{static_cast<long long>(whole)};
  const auto days_part = floor<days>(t);
  const year_month_day out_ymd{days_part};
  const hh_mm_ss<std::chrono::seconds> hms{t - days_part};
  StartTime out;
  out.year = static_cast<int>(out_ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(out_ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(out_ymd.day()));
  out.hour = static_cast<int>(hms.hours().count());
  out.minute = static_cast<int>(hms.minutes().count());
  out.second = static_cast<int>(hms.seconds().count());
  out.subsecond_s = seconds - whole;
  return out;
}

}  // namespace eegtrack::io::detail

namespace eegtrack::io {

StartTime shifted_by_days(const StartTime& start, int days) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{year{start.year} / month{static_cast<unsigned>(start.month)} /
                                    day{static_cast<unsigned>(start.day)}} +
                           std::chrono::days{days}};
  StartTime out = start;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return out;
}

}  // namespace eegtrack::io
