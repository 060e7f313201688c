#include "eegtrack/exports/epoch_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "eegtrack/io/hdf5_reader.hpp"
#include "table_cells.hpp"

namespace eegtrack::exports {
namespace {

using namespace detail;

constexpr std::array<std::string_view, 5> kRegions{"frontal", "central", "temporal", "parietal",
                                                   "occipital"};

template <class T>
const std::vector<T>& column(const io::Table& table, const std::string& name,
                             const std::filesystem::path& store) {
  for (const auto& c : table.columns)
    if (c.name == name)
      if (const auto* values = std::get_if<std::vector<T>>(&c.values))
        return *values;
  throw std::invalid_argument(store.string() + ": column '" + name +
                              "' missing or of another type");
}

std::string string_attribute(const io::Hdf5Reader& h5, const std::string& path, const char* name) {
  if (!h5.has_attribute(path, name))
    return "";
  const auto value = h5.attribute(path, name);
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr ? *text : "";
}

// Per epoch of a block of rows, the mean of the finite values of the channels in `members`;
// NaN when none.
void epoch_means(const io::NdArray<double>& cells, std::size_t n_channels,
                 const std::vector<std::size_t>& members, std::vector<double>& out) {
  const std::size_t n_epochs = n_channels == 0 ? 0 : cells.values.size() / n_channels;
  out.assign(n_epochs, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t e = 0; e < n_epochs; ++e) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t c : members) {
      const double v = cells.values[e * n_channels + c];
      if (std::isfinite(v)) {
        sum += v;
        ++n;
      }
    }
    if (n > 0)
      out[e] = sum / static_cast<double>(n);
  }
}

// One mean column: feature `feature` of context.features averaged over `members`.
struct MeanColumn {
  std::size_t feature;
  const std::vector<std::size_t>* members;
};

}  // namespace

nlohmann::ordered_json write_epochs_table(const std::filesystem::path& store,
                                          const EpochTableContext& context, std::ostream& tsv,
                                          std::size_t rows_per_block) {
  if (rows_per_block == 0)
    throw std::invalid_argument("write_epochs_table: rows_per_block must be > 0");
  const io::Hdf5Reader h5(store);
  const auto epochs = h5.read_table("/epochs");
  const auto channels = h5.read_table("/channels");
  const auto& onset = column<double>(epochs, "onset_s", store);
  const auto& duration = column<double>(epochs, "duration_s", store);
  const auto& segment = column<std::int64_t>(epochs, "segment", store);
  const auto& kept = column<double>(epochs, "kept_fraction", store);
  const auto& region = column<std::string>(channels, "region", store);
  const std::size_t n_epochs = onset.size();
  const std::size_t n_channels = region.size();
  if (context.clean.size() != n_epochs || context.good_channels.size() != n_channels)
    throw std::invalid_argument(store.string() + ": " + std::to_string(context.clean.size()) +
                                " clean flags and " + std::to_string(context.good_channels.size()) +
                                " channel flags for a store of " + std::to_string(n_epochs) +
                                " epochs and " + std::to_string(n_channels) + " channels");
  const auto expect_epochs_by_channels = [&](const std::string& path) {
    if (h5.shape(path) != std::vector<std::uint64_t>{n_epochs, n_channels})
      throw std::invalid_argument(store.string() + ": " + path + " is not [" +
                                  std::to_string(n_epochs) + ", " + std::to_string(n_channels) +
                                  "]");
  };
  expect_epochs_by_channels("/artifacts/mask");
  const auto bits_attribute = h5.attribute("/artifacts/mask", "bits");
  const auto& bits = std::get<std::vector<std::string>>(bits_attribute);

  std::vector<std::size_t> good;
  std::array<std::vector<std::size_t>, kRegions.size()> in_region;
  for (std::size_t c = 0; c < n_channels; ++c) {
    if (!context.good_channels[c])
      continue;
    good.push_back(c);
    for (std::size_t r = 0; r < kRegions.size(); ++r)
      if (region[c] == kRegions[r])
        in_region[r].push_back(c);
  }

  nlohmann::ordered_json sidecar = nlohmann::ordered_json::object();
  sidecar["onset_s"] = column_sidecar(
      "Start of the epoch in seconds from the first sample (EDF+D gaps count as elapsed time).",
      "s");
  sidecar["duration_s"] = column_sidecar("Length of the epoch (parameters.epoch_s).", "s");
  sidecar["segment"] = column_sidecar(
      "Index of the contiguous segment (EDF+D) the epoch lies in; 0 for continuous files.");
  sidecar["clean"] = column_sidecar(
      "Whether the epoch counts in the recording-level measures of <stem>.summary.json: enough "
      "good channels free of rejecting artifacts (parameters.min_clean_channel_fraction).",
      {}, {{"1", "counted"}, {"0", "left out"}});
  sidecar["kept_fraction"] = column_sidecar(
      "Fraction of the analysed channels without a rejecting artifact in the epoch.", "1");
  ColumnLevels artifact_levels{{"none", "no artifact condition on any channel"}};
  for (const auto& bit : bits)
    artifact_levels.emplace_back(bit, "found on at least one channel");
  sidecar["artifacts"] = column_sidecar(
      "Artifact conditions found on any channel in the epoch, comma-separated (HDF5 "
      "/artifacts/mask; which ones reject a channel: parameters.artifacts, "
      "docs/artifacts-and-continuity.md).",
      {}, artifact_levels);

  std::vector<MeanColumn> means;
  for (std::size_t f = 0; f < context.features.size(); ++f) {
    const std::string& feature = context.features[f];
    const std::string path = "/features/" + feature;
    expect_epochs_by_channels(path);
    const std::string units = string_attribute(h5, path, "units");
    const std::string description = string_attribute(h5, path, "description");
    means.push_back({f, &good});
    sidecar[feature] = column_sidecar(
        "Mean over the recording's good channels with a value in the epoch of: " + description,
        units);
    if (!h5.has_attribute(path, "band_hz"))
      continue;
    for (std::size_t r = 0; r < kRegions.size(); ++r) {
      if (in_region[r].empty())
        continue;
      const std::string name = std::string(kRegions[r]) + "." + feature;
      means.push_back({f, &in_region[r]});
      sidecar[name] = column_sidecar("Mean over the good " + std::string(kRegions[r]) +
                                         " channels with a value in the epoch of: " + description,
                                     units);
    }
  }

  std::vector<std::string> header;
  for (const auto& [name, entry] : sidecar.items())
    header.push_back(name);
  tsv << tsv_line(header);
  // Row blocks: memory holds one block of one feature and the block's mean columns, whatever
  // the recording's length.
  std::vector<std::vector<double>> block_means(means.size());
  std::vector<std::string> cells;
  for (std::size_t first = 0; first < n_epochs; first += rows_per_block) {
    const std::size_t count = std::min(rows_per_block, n_epochs - first);
    for (std::size_t f = 0; f < context.features.size(); ++f) {
      const auto block = h5.read_doubles("/features/" + context.features[f], first, count);
      for (std::size_t m = 0; m < means.size(); ++m)
        if (means[m].feature == f)
          epoch_means(block, n_channels, *means[m].members, block_means[m]);
    }
    const auto mask = h5.read_uint8("/artifacts/mask", first, count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t e = first + i;
      std::string artifacts;
      std::uint8_t any = 0;
      for (std::size_t c = 0; c < n_channels; ++c)
        any |= mask.values[i * n_channels + c];
      for (std::size_t b = 0; b < bits.size(); ++b)
        if ((any >> b) & 1U)
          artifacts += (artifacts.empty() ? "" : ",") + bits[b];
      cells = {exact_cell(onset[e]),       exact_cell(duration[e]),
               std::to_string(segment[e]), context.clean[e] ? "1" : "0",
               exact_cell(kept[e]),        artifacts.empty() ? std::string("none") : artifacts};
      for (const auto& column : block_means)
        cells.push_back(exact_cell(column[i]));
      tsv << tsv_line(cells);
    }
  }
  return sidecar;
}

TableWithSidecar epochs_table(const std::filesystem::path& store,
                              const EpochTableContext& context) {
  std::ostringstream tsv;
  auto sidecar = write_epochs_table(store, context, tsv);
  return {std::move(tsv).str(), std::move(sidecar)};
}

}  // namespace eegtrack::exports
