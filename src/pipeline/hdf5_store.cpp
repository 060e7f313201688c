#include "eegtrack/pipeline/hdf5_store.hpp"

#include <cmath>
#include <string>

#include "eegtrack/io/montage.hpp"
#include "eegtrack/pipeline/events_output.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {
namespace {

using io::AttributeValue;

std::string upper(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

io::Table channels_table(const RecordingAnalysis& a) {
  std::vector<std::string> label, normalized, type, region, side;
  std::vector<double> rate;
  for (const auto& c : a.channels) {
    label.push_back(c.label);
    normalized.push_back(c.normalized_label);
    type.push_back(upper(c.type));
    region.push_back(
        c.has_site && c.site.region != sites::Region::Other ? sites::to_string(c.site.region) : "");
    side.push_back(c.has_site ? sites::to_string(c.site.side) : "");
    rate.push_back(c.sample_rate_hz);
  }
  return {{{"label", label, ""},
           {"normalized_label", normalized, ""},
           {"type", type, ""},
           {"region", region, ""},
           {"side", side, ""},
           {"sample_rate_hz", rate, "Hz"}}};
}

io::Table epochs_table(const findings::EpochTable& epochs) {
  const std::vector<double> duration(epochs.size(), epochs.epoch_s);
  const std::vector<std::int64_t> clean(epochs.clean.begin(), epochs.clean.end());
  return {{{"onset_s", epochs.onset_s, "s"},
           {"duration_s", duration, "s"},
           {"segment", epochs.segment, ""},
           {"kept_fraction", epochs.kept_fraction, "1"},
           {"clean", clean, ""}}};
}

void write_parameters(io::Hdf5Writer& w, const AnalyzeParams& p) {
  const auto json = parameters_json(p);
  w.create_group("/parameters");
  w.write_attribute("/parameters", "json",
                    json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  for (const auto& [key, value] : json.items()) {
    if (value.is_number())
      w.write_attribute("/parameters", key, value.get<double>());
    else if (value.is_string())
      w.write_attribute("/parameters", key, value.get<std::string>());
  }
  std::vector<std::string> names;
  std::vector<double> edges;
  for (const auto& b : p.bands) {
    names.push_back(b.name);
    edges.push_back(b.low_hz);
    edges.push_back(b.high_hz);
  }
  w.write_attribute("/parameters", "band_names", names);
  w.write_attribute("/parameters", "band_edges_hz", edges);
}

void write_summary(io::Hdf5Writer& w, const RecordingAnalysis& a, const nlohmann::json& summary) {
  w.create_group("/summary");
  w.write_attribute("/summary", "json",
                    summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  w.write_attribute("/summary", "kept_epochs", static_cast<std::int64_t>(a.n_clean_epochs));
  w.write_attribute("/summary", "clean_fraction", a.clean_fraction);
  w.write_attribute("/summary", "montage_used", std::string(io::to_string(a.montage)));
  const bool pdr = a.pdr_computed && a.pdr.present;
  w.write_attribute("/summary", "posterior_dominant_rhythm_hz",
                    pdr ? a.pdr.frequency_hz : std::nan(""));
  w.write_attribute("/summary", "suppression_fraction", a.continuity.suppressed_fraction);
  if (a.graded) {
    w.write_attribute("/summary", "slowing_grade",
                      std::string(features::to_string(a.slowing.grade)));
    w.write_attribute("/summary", "encephalopathy_index", a.slowing.encephalopathy_index);
  }
  for (std::size_t f = 0; f < a.features.size(); ++f) {
    const std::string path = "/summary/" + a.features[f].name;
    w.write_dataset(path, std::span<const double>(a.channel_median[f]));
    w.write_attribute(path, "units", a.features[f].units);
    w.write_attribute(path, "description",
                      "median over clean epochs of the channel's " + a.features[f].name);
  }
}

void write_spectrogram(io::Hdf5Writer& w, const RecordingAnalysis& a, const AnalyzeParams& p) {
  const auto& s = a.spectrogram;
  if (!s.streamed) {
    w.create_group("/spectrogram");
    w.write_dataset("/spectrogram/power", std::span<const double>(s.power),
                    {s.time_s.size(), a.channels.size(), s.frequencies_hz.size()});
  }
  w.write_dataset("/spectrogram/time_s", std::span<const double>(s.time_s));
  w.write_attribute("/spectrogram/time_s", "units", std::string("s"));
  w.write_dataset("/spectrogram/frequencies_hz", std::span<const double>(s.frequencies_hz));
  w.write_attribute("/spectrogram/frequencies_hz", "units", std::string("Hz"));
  w.write_attribute("/spectrogram/power", "units", std::string("uV^2/Hz"));
  w.write_attribute("/spectrogram", "window_s", s.window_s);
  w.write_attribute("/spectrogram", "step_s", s.step_s);
  w.write_attribute("/spectrogram", "method", std::string(to_string(p.method)));
  w.write_attribute("/spectrogram", "description",
                    "mean of the clean epoch spectra in each window, PSD bins averaged into " +
                        std::to_string(s.bin_hz) +
                        " Hz bins centred on multiples of the bin "
                        "width up to " +
                        std::to_string(p.spectrogram_max_hz) +
                        " Hz; NaN where a window holds no clean epoch of the channel");
}

void write_mask(io::Hdf5Writer& w, const findings::EpochTable& epochs) {
  w.write_dataset("/artifacts/mask", std::span<const std::uint8_t>(epochs.artifact_mask),
                  {epochs.size(), epochs.n_channels});
  w.write_attribute(
      "/artifacts/mask", "bits",
      std::vector<std::string>{"flat", "clipping", "high_amplitude", "muscle", "electrode_pop",
                               "line_noise", "high_amplitude_field", "ocular"});
  w.write_attribute("/artifacts/mask", "description",
                    "features::screen_epoch on the recorded channels of each epoch, then "
                    "features::spare_cerebral_fields (high amplitude shared by neighbouring "
                    "channels becomes high_amplitude_field) and features::flag_ocular (blinks and "
                    "eye movements on periocular channels); a derivation carries the bits of its "
                    "recorded channel(s); line_noise and high_amplitude_field do not reject");
}

// Per-epoch trends (layout 1.2): one row per /epochs row.
void write_trends(io::Hdf5Writer& w, const EpochTrends& t) {
  io::Table table{
      {{"bsr", t.bsr, "1"}, {"bsi", t.bsi, "1"}, {"slow_asymmetry", t.slow_asymmetry, "1"}}};
  for (std::size_t g = 0; g < t.regions.size(); ++g)
    table.columns.push_back({"slow_asymmetry_" + std::string(sites::to_string(t.regions[g])),
                             t.region_slow_asymmetry[g], "1"});
  w.write_table("/trends", table);
  w.write_attribute("/trends", "bsr_window_s", t.bsr_window_s);
  w.write_attribute(
      "/trends", "description",
      "per epoch: bsr = running burst-suppression ratio (suppressed fraction of the bsr_window_s "
      "ending at the epoch's end, continuity parameters in /parameters); bsi = revised brain "
      "symmetry index of the mean right against the mean left spectrum over bsi_low_hz to "
      "bsi_high_hz; slow_asymmetry[_<region>] = (R - L) / (R + L) of delta + theta power of the "
      "kept channels, > 0 more on the right; NaN where a side has no kept channel");
}

// The per-epoch measures and spectra are stored as computed, uncompressed: their float64
// mantissas are noise to the last bit, and shuffle + gzip level 1 made them only 16 % smaller
// (2-h store) for 11 % of a background-only analysis's CPU, in the thread that keeps the epochs in
// order (io::DatasetOptions::deflate_level, docs/hdf5-layout.md). An uncompressed chunk takes
// its whole size on disk however few rows it holds, so chunks are small: 16 kB, 107 epochs of
// 19 channels.
constexpr io::DatasetOptions kStreamedRows{.chunk_target_bytes = 16 * 1024, .deflate_level = 0};

}  // namespace

Hdf5Store::Hdf5Store(std::filesystem::path final_path) : writer_(std::move(final_path)) {}

void Hdf5Store::append_rows(const FeatureSpec& feature, std::span<const double> rows,
                            std::size_t n_channels) {
  writer_.append_rows("/features/" + feature.name, rows, n_channels, kStreamedRows);
}

bool Hdf5Store::append_spectrogram(std::span<const double> windows, std::size_t n_channels,
                                   std::size_t n_freqs) {
  const std::size_t shape[] = {n_channels, n_freqs};
  writer_.append_rows("/spectrogram/power", windows, std::span<const std::size_t>(shape),
                      kStreamedRows);
  return true;
}

void Hdf5Store::finish(const RecordingAnalysis& a, const AnalyzeParams& p,
                       const RecordingProvenance& prov, const nlohmann::json& summary) {
  auto& w = writer_;
  w.write_attribute("/", "eegtrack_layout_version", std::string(kHdf5LayoutVersion));
  w.write_attribute("/", "eegtrack_version", std::string(kVersion));
  w.write_attribute("/", "file_name", prov.file_name);
  w.write_attribute("/", "size_bytes", static_cast<std::int64_t>(prov.size_bytes));
  w.write_attribute("/", "sha256", prov.sha256);
  w.write_attribute("/", "start", prov.start);
  w.write_attribute("/", "duration_s", prov.duration_s);
  w.write_attribute("/", "file_type", prov.file_type);
  write_parameters(w, p);
  w.write_table("/channels", channels_table(a));
  w.write_table("/epochs", epochs_table(a.epochs));
  for (const auto& f : a.features) {
    const std::string path = "/features/" + f.name;
    w.write_attribute(path, "units", f.units);
    w.write_attribute(path, "description", f.description);
    if (std::isfinite(f.band_low_hz))
      w.write_attribute(path, "band_hz", std::vector<double>{f.band_low_hz, f.band_high_hz});
  }
  write_summary(w, a, summary);
  write_spectrogram(w, a, p);
  write_mask(w, a.epochs);
  write_trends(w, a.trends);
  w.write_table("/events", events_table(a.detection.events));
  w.commit();
}

}  // namespace eegtrack::pipeline
