#include "progress_text.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::cli {

std::string short_duration(double seconds) {
  if (!std::isfinite(seconds))
    return "?";
  const long s = std::lround(seconds);
  char text[48];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
  else if (s >= 60)
    std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld s", s);
  return text;
}

std::string three_digits(double v) {
  char text[32];
  // %.3g alone would write a batch of twenty minutes as "1.23e+03" s.
  std::snprintf(text, sizeof text, std::abs(v) >= 99.95 ? "%.0f" : "%.3g", v);
  return text;
}

ProgressMode progress_mode(const std::string& option) {
  if (option == "none")
    return ProgressMode::None;
  if (option == "bar")
    return ProgressMode::Bar;
  if (option == "lines")
    return ProgressMode::Lines;
  if (option == "auto")
    return ::isatty(STDERR_FILENO) != 0 ? ProgressMode::Bar : ProgressMode::Lines;
  throw io::UsageError("--progress " + option + ": must be auto, bar, lines or none");
}

AnalysisProgressPrinter::AnalysisProgressPrinter(ProgressMode mode, bool auto_lines_need_hour,
                                                 std::string name)
    : mode_(mode), lines_need_hour_(auto_lines_need_hour), name_(std::move(name)) {}

void AnalysisProgressPrinter::operator()(double analysed_s, double total_s) {
  if (mode_ == ProgressMode::None || !(total_s > 0.0))
    return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = std::clamp(analysed_s / total_s, 0.0, 1.0);
  std::string rates;
  if (elapsed > 0.0 && analysed_s > 0.0) {
    rates += ", " + three_digits(analysed_s / 3600.0 / elapsed) + " h EEG/s";
    if (fraction < 1.0)
      rates += ", ETA " + short_duration(elapsed * (1.0 - fraction) / fraction);
  }
  const int percent = static_cast<int>(std::floor(100.0 * fraction));
  if (mode_ == ProgressMode::Bar) {
    // Redrawn at most five times a second, and once at the end.
    if (fraction < 1.0 && drawn_ && now - last_draw_ < std::chrono::milliseconds(200))
      return;
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(kWidth * fraction);
    std::cerr << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << percent
              << " % of " << short_duration(total_s) << rates << std::flush;
    if (fraction >= 1.0)
      std::cerr << '\n';
    drawn_ = true;
    last_draw_ = now;
    return;
  }
  if (lines_need_hour_ && total_s < 3600.0)
    return;
  const int tenth = static_cast<int>(std::floor(10.0 * fraction));
  if (tenth <= last_tenth_)
    return;
  last_tenth_ = tenth;
  std::cerr << "eegtrack: " << name_ << ": " << percent << " % (" << short_duration(analysed_s)
            << " of " << short_duration(total_s) << ')' << rates << '\n';
}

}  // namespace eegtrack::cli
