// eegtrack export: the samples of a window as CSV (time column + one column per channel), the
// counterpart of a viewer's ASCII export. Streams chunk by chunk: memory does not grow with the
// window length.
#include <charconv>
#include <fstream>
#include <iostream>
#include <limits>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/montaged_reader.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"
#include "window_options.hpp"

namespace eegtrack::cli {
namespace {

struct ExportOptions {
  std::string file;
  std::string output;
  WindowOptions window;
};

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos)
    return printable(text);
  std::string quoted = "\"";
  for (const char c : printable(text)) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

int run_export(const ExportOptions& options) {
  options.window.check();  // usage errors before the file is read
  if (options.output.empty())
    throw io::UsageError("-o/--output '': a CSV file name is required");
  const io::EdfReader reader(options.file);
  auto selection = pipeline::select_channels(reader.header(), options.window.request());
  for (const auto& warning : selection.warnings)
    std::cerr << "eegtrack: warning: " << printable(warning) << '\n';
  const auto [t0, t1] = options.window.resolve(reader);
  pipeline::MontagedReader chunks(reader, selection, t0, t1);

  std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
  if (!out)
    throw io::EdfError(options.output, "cannot open for writing");
  std::string line = "time_s";
  for (std::size_t i = 0; i < selection.labels.size(); ++i) {
    // Columns are named by label alone, like a viewer's export; units are µV for every voltage
    // (the README and `eegtrack info` say so) and the physical dimension otherwise.
    line += ',' + csv_field(selection.labels[i]);
  }
  out << line << '\n';
  pipeline::MontagedChunk chunk;
  std::size_t rows = 0;
  while (chunks.next(chunk)) {
    const std::size_t n = chunk.samples.empty() ? 0 : chunk.samples.front().size();
    for (std::size_t k = 0; k < n; ++k) {
      line.clear();
      append_number(line, chunk.start_s + static_cast<double>(k) / chunk.sample_rate_hz);
      for (const auto& channel : chunk.samples) {
        line += ',';
        append_number(line, channel[k]);
      }
      line += '\n';
      out << line;
    }
    rows += n;
  }
  out.close();
  if (!out)
    throw io::EdfError(options.output, "write failed (disk full?)");
  std::cerr << "eegtrack: wrote " << rows << " rows x " << selection.labels.size()
            << " channels to " << options.output << '\n';
  return 0;
}

}  // namespace

void add_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write the samples of a window as CSV (µV for EEG)");
  cmd->footer(
      "Example: eegtrack export rec.edf -o window.csv --montage bipolar --start-s 60 "
      "--duration-s 10");
  cmd->add_option("file", options->file, "EDF/EDF+/BDF/BDF+ file")->required();
  cmd->add_option("-o,--output", options->output, "CSV file to write")->required();
  add_window_options(*cmd, options->window);
  cmd->callback([options] { run_guarded([&] { return run_export(*options); }); });
}

}  // namespace eegtrack::cli
