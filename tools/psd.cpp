// eegtrack psd: the average spectrum of each channel over a window, the command-line
// counterpart of a viewer's power-spectrum window. Output carries every parameter used.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

#include "eegtrack/dsp/detrend.hpp"
#include "eegtrack/dsp/require.hpp"
#include "eegtrack/dsp/windows.hpp"
#include "eegtrack/features/bands.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/average_psd.hpp"
#include "eegtrack/version.hpp"
#include "option_names.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"
#include "window_options.hpp"

namespace eegtrack::cli {
namespace {

struct PsdOptions {
  std::string file;
  WindowOptions window;
  std::string method = "welch";
  double segment_s = 2.0;
  double overlap = 0.5;
  std::string window_kind = "hann";
  std::string detrend = "constant";
  double nw = 4.0;
  bool adaptive = false;
  std::optional<double> fmax_hz;  ///< unset: up to Nyquist
  bool csv = false;
  bool json = false;
  bool summary = false;
};

pipeline::AveragePsdParams psd_params(const PsdOptions& options) {
  pipeline::AveragePsdParams params;
  params.method = pipeline::parse_psd_method(options.method);
  params.welch.segment_s = options.segment_s;
  params.welch.overlap = options.overlap;
  params.welch.window = dsp::parse_window_kind(options.window_kind);
  params.welch.detrend = dsp::parse_detrend(options.detrend.c_str());
  params.nw = options.nw;
  params.adaptive = options.adaptive;
  pipeline::validate(params);
  if (options.fmax_hz && !(*options.fmax_hz > 0.0 && std::isfinite(*options.fmax_hz)))
    throw io::UsageError("--fmax " + dsp::format_value(*options.fmax_hz) +
                         ": must be finite and > 0 (leave it out for all frequencies)");
  return params;
}

nlohmann::json parameters_json(const PsdOptions& options, const pipeline::Selection& selection,
                               double t0, double t1, const pipeline::AveragePsd& psd) {
  nlohmann::json p = {{"eegtrack_version", kVersion},
                      {"method", options.method},
                      {"segment_s", options.segment_s},
                      {"overlap", options.overlap},
                      {"window", options.window_kind},
                      {"detrend", options.detrend},
                      {"scaling", "density, one-sided, uV^2/Hz"},
                      {"average", "mean"},
                      {"montage", options.window.montage},
                      {"start_s", t0},
                      {"end_s", t1},
                      {"sample_rate_hz", selection.sample_rate_hz},
                      {"n_segments", psd.n_segments},
                      {"data_s", psd.data_s}};
  if (options.method == "multitaper") {
    p["nw"] = options.nw;
    p["adaptive"] = options.adaptive;
  }
  if (options.fmax_hz)
    p["fmax_hz"] = *options.fmax_hz;
  return p;
}

std::size_t frequency_count(const pipeline::AveragePsd& psd, std::optional<double> fmax_hz) {
  if (!fmax_hz)
    return psd.frequencies_hz.size();
  return static_cast<std::size_t>(
      std::upper_bound(psd.frequencies_hz.begin(), psd.frequencies_hz.end(), *fmax_hz + 1e-9) -
      psd.frequencies_hz.begin());
}

void write_csv(const pipeline::AveragePsd& psd, const pipeline::Selection& selection,
               std::size_t nf, const nlohmann::json& parameters, std::ostream& os) {
  // One comment line of provenance (numpy.loadtxt and pandas' comment='#' skip it).
  os << "# eegtrack psd "
     << parameters.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  std::string line = "frequency_hz";
  for (const auto& label : selection.labels)
    line += ',' + printable(label);
  os << line << '\n';
  for (std::size_t k = 0; k < nf; ++k) {
    line.clear();
    append_number(line, psd.frequencies_hz[k]);
    for (const auto& channel : psd.psd_uv2_per_hz) {
      line += ',';
      append_number(line, channel[k]);
    }
    os << line << '\n';
  }
}

void write_summary(const pipeline::AveragePsd& psd, const pipeline::Selection& selection,
                   const nlohmann::json& parameters, std::ostream& os) {
  const auto bands = features::default_bands();
  os << "average spectrum: " << parameters["method"].get<std::string>() << ", " << psd.n_segments
     << " segments of " << parameters["segment_s"].get<double>() << " s, "
     << format_duration(psd.data_s) << " of data, montage "
     << io::display_name(io::parse_montage(parameters["montage"].get<std::string>()))
     << "\nrelative power over 1-30 Hz; peak = largest PSD bin in 5-14 Hz (where a posterior "
        "rhythm lies)\n";
  os << std::left << std::setw(14) << "channel" << std::right << std::setw(9) << "peak Hz";
  for (const auto& band : bands)
    os << std::setw(8) << band.name;
  os << std::setw(12) << "uV rms" << '\n' << std::fixed;
  for (std::size_t c = 0; c < psd.psd_uv2_per_hz.size(); ++c) {
    const auto& spectrum = psd.psd_uv2_per_hz[c];
    const auto powers = features::band_powers(psd.frequencies_hz, spectrum, bands);
    std::size_t peak = spectrum.size();
    for (std::size_t k = 0; k < spectrum.size(); ++k) {
      const double f = psd.frequencies_hz[k];
      const bool in_range = f >= 5.0 && f <= 14.0;
      if (in_range && (peak == spectrum.size() || spectrum[k] > spectrum[peak]))
        peak = k;
    }
    os << std::left << std::setw(14) << printable(selection.labels[c]) << std::right << std::setw(9)
       << std::setprecision(2) << (peak < spectrum.size() ? psd.frequencies_hz[peak] : NAN);
    for (const double r : powers.relative)
      os << std::setw(8) << std::setprecision(2) << r;
    os << std::setw(12) << std::setprecision(1) << std::sqrt(powers.total_uv2) << '\n';
  }
}

int run_psd(const PsdOptions& options) {
  const auto params = psd_params(options);  // validates the choices before any reading
  options.window.check();
  const io::EdfReader reader(options.file);
  auto selection = pipeline::select_channels(reader.header(), options.window.request());
  for (const auto& warning : selection.warnings)
    std::cerr << "eegtrack: warning: " << printable(warning) << '\n';
  const auto [t0, t1] = options.window.resolve(reader);
  pipeline::MontagedReader chunks(reader, selection, t0, t1);
  const auto psd = pipeline::average_psd(chunks, params);
  const auto parameters = parameters_json(options, selection, t0, t1, psd);
  const std::size_t nf = frequency_count(psd, options.fmax_hz);

  if (options.csv) {
    write_csv(psd, selection, nf, parameters, std::cout);
  } else if (options.json) {
    nlohmann::json out = {{"file", std::filesystem::path(options.file).filename().string()},
                          {"unit", "uV^2/Hz"},
                          {"parameters", parameters}};
    out["frequencies_hz"] =
        std::vector<double>(psd.frequencies_hz.begin(), psd.frequencies_hz.begin() + nf);
    out["channels"] = nlohmann::json::array();
    for (std::size_t c = 0; c < psd.psd_uv2_per_hz.size(); ++c) {
      const auto& spectrum = psd.psd_uv2_per_hz[c];
      out["channels"].push_back(
          {{"label", selection.labels[c]},
           {"psd", std::vector<double>(spectrum.begin(), spectrum.begin() + nf)}});
    }
    out["warnings"] = selection.warnings;
    std::cout << pipeline::dump_json(out) << '\n';
  } else {
    write_summary(psd, selection, parameters, std::cout);
  }
  return 0;
}

}  // namespace

void add_psd(CLI::App& app) {
  auto options = std::make_shared<PsdOptions>();
  auto* cmd = app.add_subcommand("psd", "Average power spectrum (µV²/Hz) of each channel");
  cmd->footer(
      "Example: eegtrack psd rec.edf --montage average --start-s 60 --duration-s 120 --csv");
  cmd->add_option("file", options->file, "EDF/EDF+/BDF/BDF+ file")->required();
  add_window_options(*cmd, options->window);
  cmd->add_option("--method", options->method, "welch | multitaper")->capture_default_str();
  names_parameter(cmd->add_option("--segment-s", options->segment_s, "Segment length in seconds")
                      ->capture_default_str(),
                  "AveragePsdParams", "segment_s");
  names_parameter(
      cmd->add_option("--overlap", options->overlap, "Fraction of overlap between segments, [0, 1)")
          ->capture_default_str(),
      "AveragePsdParams", "overlap");
  cmd->add_option("--window", options->window_kind, "hann | hamming | blackman | boxcar (Welch)")
      ->capture_default_str();
  cmd->add_option("--detrend", options->detrend, "none | constant | linear (Welch)")
      ->capture_default_str();
  names_parameter(
      cmd->add_option("--nw", options->nw, "Time-half-bandwidth product (multitaper), >= 0.5")
          ->capture_default_str(),
      "AveragePsdParams", "nw");
  cmd->add_flag("--adaptive", options->adaptive, "Adaptive taper weights (multitaper)");
  cmd->add_option("--fmax", options->fmax_hz,
                  "Highest frequency written, Hz > 0 (default: Nyquist)");
  auto* csv =
      cmd->add_flag("--csv", options->csv, "CSV: one row per frequency, one column per channel");
  auto* json = cmd->add_flag("--json", options->json, "One JSON object");
  csv->excludes(json);
  cmd->add_flag("--summary", options->summary, "Human summary per channel (the default)");
  cmd->callback([options] { run_guarded([&] { return run_psd(*options); }); });
}

}  // namespace eegtrack::cli
