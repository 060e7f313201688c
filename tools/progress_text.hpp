// How eegtrack shows progress on stderr: durations and rates as people read them, and the
// progress of one long analysis (a bar redrawn in place on a terminal, a line per tenth in a log).
#pragma once

#include <chrono>
#include <string>

namespace eegtrack::cli {

/// "2 h 05 min", "3 min 07 s", "42 s"; "?" when not finite.
[[nodiscard]] std::string short_duration(double seconds);
/// Three significant digits (short recordings make small rates: 0.0114 h EEG/s), whole
/// numbers from 100 on (1234 s, not 1.23e+03).
[[nodiscard]] std::string three_digits(double v);

enum class ProgressMode { None, Bar, Lines };

/// Resolves --progress auto|bar|lines|none: auto is a bar on a terminal, lines in a log for
/// recordings of an hour or more (shorter ones finish before a line would help), else none.
/// @throws io::UsageError for another word.
[[nodiscard]] ProgressMode progress_mode(const std::string& option);

/// Prints the progress of one analysis: percent, EEG hours per second, time left.
class AnalysisProgressPrinter {
 public:
  AnalysisProgressPrinter(ProgressMode mode, bool auto_lines_need_hour, std::string name);
  void operator()(double analysed_s, double total_s);

 private:
  ProgressMode mode_;
  bool lines_need_hour_;
  std::string name_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
  int last_tenth_ = 0;
  bool drawn_ = false;
};

}  // namespace eegtrack::cli
