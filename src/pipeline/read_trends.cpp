#include "eegtrack/pipeline/read_trends.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <variant>

#include "eegtrack/findings/names.hpp"
#include "eegtrack/io/hdf5_error.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "store_layout_check.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint8_t kRejectingBits = 0x1F;  // flat, clipping, amplitude, muscle, pop

// The mask bits that reject a cell: every condition named in the mask's "bits" attribute except
// the two that are only reported (docs/hdf5-layout.md §4.8), so conditions added by later
// layouts count without this reader knowing them; bits 0-4 when the attribute is missing.
std::uint8_t rejecting_bits(const io::Hdf5Reader& r) {
  if (!r.has_attribute("/artifacts/mask", "bits"))
    return kRejectingBits;
  const auto value = r.attribute("/artifacts/mask", "bits");
  const auto* names = std::get_if<std::vector<std::string>>(&value);
  if (names == nullptr)
    return kRejectingBits;
  std::uint8_t bits = 0;
  for (std::size_t k = 0; k < names->size() && k < 8; ++k)
    if ((*names)[k] != "line_noise" && (*names)[k] != "high_amplitude_field")
      bits = static_cast<std::uint8_t>(bits | (1u << k));
  return bits;
}

constexpr sites::Region kRegions[] = {sites::Region::Frontal, sites::Region::Central,
                                      sites::Region::Temporal, sites::Region::Parietal,
                                      sites::Region::Occipital};

std::string text_attribute(const io::Hdf5Reader& r, const char* object, const char* name) {
  const auto value = r.attribute(object, name);
  const auto* text = std::get_if<std::string>(&value);
  if (text == nullptr)
    throw FindingsFileError(r.path(), std::string(object) + " " + name, "expected a string");
  return *text;
}

double number_attribute(const io::Hdf5Reader& r, const char* object, const char* name) {
  const auto value = r.attribute(object, name);
  const auto* number = std::get_if<double>(&value);
  if (number == nullptr)
    throw FindingsFileError(r.path(), std::string(object) + " " + name, "expected a number");
  return *number;
}

// Values of a [n_epochs, n_channels] dataset, checked against the table sizes.
io::NdArray<double> per_epoch(const io::Hdf5Reader& r, const std::string& path, std::size_t ne,
                              std::size_t nc) {
  auto a = r.read_doubles(path);
  if (a.shape != std::vector<std::uint64_t>{ne, nc})
    throw FindingsFileError(r.path(), path, "expected shape [n_epochs, n_channels]");
  return a;
}

// Mean over the columns in `columns` of each row, finite values only; NaN for a row without.
std::vector<double> row_means(const std::vector<double>& values, std::size_t ne, std::size_t nc,
                              const std::vector<std::size_t>& columns) {
  std::vector<double> out(ne, kNaN);
  for (std::size_t e = 0; e < ne; ++e) {
    double sum = 0.0;
    std::size_t n = 0;
    for (const auto c : columns) {
      const double v = values[e * nc + c];
      if (std::isfinite(v)) {
        sum += v;
        ++n;
      }
    }
    if (n > 0)
      out[e] = sum / static_cast<double>(n);
  }
  return out;
}

std::vector<std::string> band_names(const io::Hdf5Reader& r) {
  const auto json = nlohmann::json::parse(text_attribute(r, "/parameters", "json"), nullptr, false);
  if (json.is_discarded() || !json.contains("bands") || !json["bands"].is_array())
    throw FindingsFileError(r.path(), "/parameters json", "no list of bands");
  std::vector<std::string> out;
  for (const auto& b : json["bands"])
    if (b.contains("name") && b["name"].is_string())
      out.push_back(b["name"].get<std::string>());
  return out;
}

void read_trends_table(const io::Hdf5Reader& r, std::size_t ne, findings::RecordingTrends& t) {
  if (!r.exists("/trends"))
    return;  // stores before layout 1.2
  const auto table = r.read_table("/trends");
  for (const auto& column : table.columns) {
    const auto* values = std::get_if<std::vector<double>>(&column.values);
    if (values == nullptr || values->size() != ne)
      throw FindingsFileError(r.path(), "/trends/" + column.name, "expected one float per epoch");
    if (column.name == "bsr")
      t.bsr = *values;
    else if (column.name == "bsi")
      t.bsi = *values;
    else if (column.name == "slow_asymmetry")
      t.slow_asymmetry = *values;
    else if (column.name.starts_with("slow_asymmetry_"))
      if (const auto region = findings::parse_region(column.name.substr(15)))
        t.region_asymmetry.push_back({*region, *values});
  }
  if (r.has_attribute("/trends", "bsr_window_s"))
    t.bsr_window_s = number_attribute(r, "/trends", "bsr_window_s");
}

void read_spectrogram(const io::Hdf5Reader& r, std::size_t nc,
                      const std::vector<std::optional<sites::Region>>& regions,
                      findings::RecordingTrends& t) {
  if (!r.exists("/spectrogram/power"))
    return;
  t.spectrogram_time_s = r.read_doubles("/spectrogram/time_s").values;
  t.spectrogram_frequencies_hz = r.read_doubles("/spectrogram/frequencies_hz").values;
  if (r.has_attribute("/spectrogram", "window_s"))
    t.spectrogram_window_s = number_attribute(r, "/spectrogram", "window_s");
  const auto power = r.read_doubles("/spectrogram/power");
  const std::size_t nw = t.spectrogram_time_s.size(), nf = t.spectrogram_frequencies_hz.size();
  if (power.shape != std::vector<std::uint64_t>{nw, nc, nf})
    throw FindingsFileError(r.path(), "/spectrogram/power",
                            "expected shape [n_windows, n_channels, n_frequencies]");
  const auto map_of = [&](std::optional<sites::Region> region) {
    findings::SpectrogramMap m;
    m.region = region;
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < nc; ++c)
      if (regions[c] && (!region || *regions[c] == *region))
        columns.push_back(c);
    m.n_channels = columns.size();
    m.power_uv2_per_hz.assign(nw * nf, kNaN);
    for (std::size_t w = 0; w < nw; ++w)
      for (std::size_t k = 0; k < nf; ++k) {
        double sum = 0.0;
        std::size_t n = 0;
        for (const auto c : columns) {
          const double v = power.values[(w * nc + c) * nf + k];
          if (std::isfinite(v)) {
            sum += v;
            ++n;
          }
        }
        if (n > 0)
          m.power_uv2_per_hz[w * nf + k] = sum / static_cast<double>(n);
      }
    return m;
  };
  t.spectrograms.push_back(map_of(std::nullopt));
  for (const auto region : kRegions) {
    bool any = false;
    for (const auto& g : regions)
      any |= g && *g == region;
    if (any)
      t.spectrograms.push_back(map_of(region));
  }
}

findings::RecordingTrends read(const io::Hdf5Reader& r) {
  findings::RecordingTrends t;
  t.layout_version = known_store_layout(r);
  const auto labels = r.read_strings("/channels/normalized_label");
  const auto region_words = r.read_strings("/channels/region");
  const std::size_t nc = labels.size();
  if (region_words.size() != nc)
    throw FindingsFileError(r.path(), "/channels", "columns of different lengths");
  std::vector<std::optional<sites::Region>> regions(nc);
  for (std::size_t c = 0; c < nc; ++c)
    if (!region_words[c].empty())
      regions[c] = findings::parse_region(region_words[c]);

  t.onset_s = r.read_doubles("/epochs/onset_s").values;
  const std::size_t ne = t.onset_s.size();
  t.segment = r.read_int64("/epochs/segment").values;
  if (r.exists("/epochs/clean"))
    for (const auto v : r.read_int64("/epochs/clean").values)
      t.clean.push_back(v != 0 ? 1 : 0);
  const auto durations = r.read_doubles("/epochs/duration_s").values;
  t.epoch_s = durations.empty() ? 0.0 : durations.front();
  if (t.segment.size() != ne || durations.size() != ne ||
      (!t.clean.empty() && t.clean.size() != ne))
    throw FindingsFileError(r.path(), "/epochs", "columns of different lengths");

  const auto mask = r.read_uint8("/artifacts/mask");
  if (mask.shape != std::vector<std::uint64_t>{ne, nc})
    throw FindingsFileError(r.path(), "/artifacts/mask", "expected shape [n_epochs, n_channels]");
  t.rejected_fraction.assign(ne, 0.0);
  const std::uint8_t rejecting = rejecting_bits(r);
  for (std::size_t e = 0; e < ne && nc > 0; ++e) {
    std::size_t rejected = 0;
    for (std::size_t c = 0; c < nc; ++c)
      rejected += (mask.values[e * nc + c] & rejecting) != 0 ? 1 : 0;
    t.rejected_fraction[e] = static_cast<double>(rejected) / static_cast<double>(nc);
  }

  std::vector<std::size_t> all;
  for (std::size_t c = 0; c < nc; ++c)
    all.push_back(c);
  for (const auto region : kRegions) {
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < nc; ++c)
      if (regions[c] && *regions[c] == region)
        columns.push_back(c);
    if (!columns.empty())
      t.regions.push_back({region, {}});
  }
  for (const auto& band : band_names(r)) {
    const std::string path = "/features/" + band + "_relative";
    if (!r.exists(path))
      continue;
    const auto values = per_epoch(r, path, ne, nc);
    t.bands.push_back({band, row_means(values.values, ne, nc, all)});
    for (auto& region : t.regions) {
      std::vector<std::size_t> columns;
      for (std::size_t c = 0; c < nc; ++c)
        if (regions[c] && *regions[c] == region.region)
          columns.push_back(c);
      region.bands.push_back({band, row_means(values.values, ne, nc, columns)});
    }
  }
  read_trends_table(r, ne, t);
  read_spectrogram(r, nc, regions, t);
  if (r.exists("/summary/delta_relative")) {
    const auto delta = r.read_doubles("/summary/delta_relative").values;
    for (std::size_t c = 0; c < nc && c < delta.size(); ++c)
      t.channel_relative_delta.push_back(
          {labels[c], std::isfinite(delta[c]) ? std::optional<double>(delta[c]) : std::nullopt});
  }
  return t;
}

}  // namespace

findings::RecordingTrends read_recording_trends(const fs::path& store) {
  try {
    const io::Hdf5Reader reader(store);
    return read(reader);
  } catch (const io::H5Error& e) {
    throw FindingsFileError(store, "", e.what());
  }
}

}  // namespace eegtrack::pipeline
