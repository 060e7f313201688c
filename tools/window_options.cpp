#include "window_options.hpp"

#include <cmath>
#include <sstream>

#include "eegtrack/dsp/require.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/montage.hpp"

namespace eegtrack::cli {

pipeline::SelectionRequest WindowOptions::request() const {
  pipeline::SelectionRequest out;
  out.channels = pipeline::split_list(channels);
  out.montage = io::parse_montage(montage);
  out.average_excluded = pipeline::split_list(exclude);
  return out;
}

void WindowOptions::check() const {
  if (!(start_s >= 0.0 && std::isfinite(start_s)))
    throw io::UsageError("--start-s " + dsp::format_value(start_s) + ": must be finite and >= 0");
  if (duration_s && !(*duration_s > 0.0 && std::isfinite(*duration_s)))
    throw io::UsageError("--duration-s " + dsp::format_value(*duration_s) +
                         ": must be finite and > 0 (leave it out to read to the end)");
  (void)io::parse_montage(montage);
}

std::pair<double, double> WindowOptions::resolve(const io::EdfReader& reader) const {
  check();
  const double end = reader.duration_s();
  const double t1 = duration_s ? start_s + *duration_s : end;
  if (start_s < 0.0 || start_s >= end || t1 <= start_s) {
    std::ostringstream text;
    text << reader.header().path.string() << ": window " << start_s << " s + "
         << (duration_s ? *duration_s : end - start_s) << " s is outside the recording (0 to "
         << end << " s)";
    throw io::UsageError(text.str());
  }
  return {start_s, std::min(t1, end)};
}

void add_window_options(CLI::App& cmd, WindowOptions& options) {
  cmd.add_option("--channels", options.channels,
                 "Comma-separated labels (original or normalized, or derivations such as Fp1-F7); "
                 "default: all");
  cmd.add_option("--montage", options.montage,
                 "referential (as recorded) | average | bipolar (double banana) | transverse")
      ->capture_default_str();
  cmd.add_option("--exclude", options.exclude, "Channels left out of the common average");
  cmd.add_option("--start-s", options.start_s, "Window start, seconds from the recording start")
      ->capture_default_str();
  cmd.add_option("--duration-s", options.duration_s,
                 "Window length in seconds (default: to the end)");
}

}  // namespace eegtrack::cli
