#include "eegtrack/pipeline/events_output.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace eegtrack::pipeline {
namespace {

// The region column: the region's name, empty when the event has none.
std::string region_text(const detect::Event& e) {
  return e.region ? sites::to_string(*e.region) : "";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ",") + item;
  return out;
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value))
    return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Empty -> "n/a"; tabs and line breaks (from hostile labels) become spaces to keep the table.
std::string or_na(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r')
      c = ' ';
  return text.empty() ? "n/a" : text;
}

// "YYYY-MM-DDTHH:MM:SS[.ffffff]" plus onset seconds, printed to the millisecond; "n/a" when the
// start does not parse (the EDF start is then unknown).
std::string date_time(const std::string& start, double onset_s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double s = 0.0;
  if (std::sscanf(start.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf", &y, &mo, &d, &h, &mi, &s) != 6)
    return "n/a";
  using namespace std::chrono;
  const sys_days day{year{y} / month{static_cast<unsigned>(mo)} / static_cast<unsigned>(d)};
  const auto total_ms = static_cast<long long>(std::llround((s + onset_s) * 1000.0)) +
                        (static_cast<long long>(h) * 3600 + static_cast<long long>(mi) * 60) * 1000;
  const auto t = sys_time<milliseconds>(day) + milliseconds(total_ms);
  const auto dp = floor<days>(t);
  const year_month_day ymd{dp};
  const hh_mm_ss<milliseconds> hms{t - dp};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02lld.%03lld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()),
                static_cast<long long>(hms.subseconds().count()));
  return buffer;
}

}  // namespace

io::Table events_table(const std::vector<detect::Event>& events) {
  std::vector<double> onset, duration, frequency, confidence;
  std::vector<std::string> type, channels, side, region, focus, modifiers;
  for (const auto& e : events) {
    onset.push_back(e.onset_s);
    duration.push_back(e.duration_s);
    type.push_back(detect::to_string(e.type));
    channels.push_back(joined(e.channels));
    side.push_back(sites::to_string(e.side));
    region.push_back(region_text(e));
    focus.push_back(e.focus);
    frequency.push_back(e.frequency_hz);
    confidence.push_back(e.confidence);
    modifiers.push_back(e.modifiers);
  }
  return {{{"onset_s", onset, "s"},
           {"duration_s", duration, "s"},
           {"type", type, ""},
           {"channels", channels, ""},
           {"side", side, ""},
           {"region", region, ""},
           {"focus", focus, ""},
           {"frequency_hz", frequency, "Hz"},
           {"confidence", confidence, "1"},
           {"modifiers", modifiers, ""}}};
}

nlohmann::json events_json(const std::vector<detect::Event>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : events) {
    out.push_back({{"type", detect::to_string(e.type)},
                   {"onset_s", e.onset_s},
                   {"duration_s", e.duration_s},
                   {"channels", e.channels},
                   {"side", sites::to_string(e.side)},
                   {"region", e.region ? nlohmann::json(sites::to_string(*e.region))
                                       : nlohmann::json(nullptr)},
                   {"focus", e.focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.focus)},
                   {"frequency_hz", std::isfinite(e.frequency_hz) ? nlohmann::json(e.frequency_hz)
                                                                  : nlohmann::json(nullptr)},
                   {"confidence", e.confidence},
                   {"modifiers", e.modifiers}});
  }
  return out;
}

std::string events_tsv(const std::vector<detect::Event>& events, const std::string& start,
                       double recording_duration_s) {
  std::ostringstream out;
  out << "onset\tduration\teventType\tconfidence\tchannels\tside\tregion\tfocus\tfrequency\t"
         "modifiers\tdateTime\trecordingDuration\n";
  for (const auto& e : events) {
    out << fixed(e.onset_s, 3) << '\t' << fixed(e.duration_s, 3) << '\t'
        << detect::to_string(e.type) << '\t' << fixed(e.confidence, 3) << '\t'
        << or_na(joined(e.channels)) << '\t' << sites::to_string(e.side) << '\t'
        << or_na(region_text(e)) << '\t' << or_na(e.focus) << '\t' << fixed(e.frequency_hz, 2)
        << '\t' << or_na(e.modifiers) << '\t' << date_time(start, e.onset_s) << '\t'
        << fixed(recording_duration_s, 3) << '\n';
  }
  return out.str();
}

}  // namespace eegtrack::pipeline
