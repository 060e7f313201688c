// Hdf5Writer: numeric, string, table and extendable datasets.

#include <algorithm>
#include <set>
#include <stdexcept>

#include "eegtrack/io/hdf5_writer.hpp"
#include "hdf5_attributes.hpp"
#include "hdf5_writer_impl.hpp"

namespace eegtrack::io {

namespace detail {

void validate_options(const DatasetOptions& options, std::string_view function) {
  if (options.deflate_level < 0 || options.deflate_level > 9)
    throw std::invalid_argument(std::string(function) + ": deflate_level must be in 0..9 (" +
                                std::to_string(options.deflate_level) + ")");
  if (options.chunk_target_bytes == 0)
    throw std::invalid_argument(std::string(function) + ": chunk_target_bytes must be > 0");
}

H5Handle dataset_creation_plist(const std::vector<hsize_t>& dims, std::size_t element_bytes,
                                bool chunked, const DatasetOptions& options, const H5Site& site) {
  H5Handle dcpl = owned(H5Pcreate(H5P_DATASET_CREATE), site, "H5Pcreate");
  if (!chunked)
    return dcpl;
  // Whole rows per chunk: readers fetch epochs (rows) or whole arrays, never single values.
  std::vector<hsize_t> chunk = dims;
  hsize_t row_bytes = element_bytes;
  for (std::size_t d = 1; d < dims.size(); ++d)
    row_bytes *= std::max<hsize_t>(dims[d], 1);
  const hsize_t rows = std::max<hsize_t>(1, options.chunk_target_bytes / row_bytes);
  chunk[0] = dims[0] == 0 ? rows : std::min(rows, dims[0]);
  for (auto& c : chunk)
    c = std::max<hsize_t>(c, 1);
  check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), site,
        "H5Pset_chunk");
  if (options.deflate_level == 0)
    return dcpl;
  if (options.shuffle)
    check(H5Pset_shuffle(dcpl.get()), site, "H5Pset_shuffle");
  check(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(options.deflate_level)), site,
        "H5Pset_deflate");
  return dcpl;
}

}  // namespace detail

namespace {

struct NumericType {
  hid_t memory;
  hid_t file;
  std::size_t bytes;
};

std::vector<hsize_t> checked_dims(std::size_t n, const std::vector<std::uint64_t>& shape,
                                  std::string_view function) {
  if (shape.empty())
    return {static_cast<hsize_t>(n)};
  std::uint64_t product = 1;
  for (const auto d : shape)
    product *= d;
  if (product != n)
    throw std::invalid_argument(std::string(function) + ": shape holds " + std::to_string(product) +
                                " values, data has " + std::to_string(n));
  return {shape.begin(), shape.end()};
}

void write_numeric(detail::Hdf5WriterState& state, std::string_view path, const void* data,
                   std::size_t n, const NumericType& type, const std::vector<std::uint64_t>& shape,
                   const DatasetOptions& options) {
  constexpr std::string_view kFunction = "Hdf5Writer::write_dataset";
  const std::string object = detail::normalize_path(path, kFunction);
  const auto dims = checked_dims(n, shape, kFunction);
  detail::validate_options(options, kFunction);
  const detail::H5Lock lock;
  const auto site = state.site(object);
  // Chunks only for compression: an uncompressed array is read fastest in one piece.
  const bool compress =
      options.deflate_level > 0 && n > 0 && n * type.bytes >= options.compress_threshold_bytes;
  const auto dcpl = detail::dataset_creation_plist(dims, type.bytes, compress, options, site);
  const auto space = detail::make_dataspace(dims, site);
  const auto lcpl = detail::intermediate_groups_lcpl(site);
  const auto dataset = detail::owned(H5Dcreate2(state.file.get(), object.c_str(), type.file,
                                                space.get(), lcpl.get(), dcpl.get(), H5P_DEFAULT),
                                     site, "H5Dcreate2");
  if (n > 0)
    detail::check(H5Dwrite(dataset.get(), type.memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), site,
                  "H5Dwrite");
}

std::size_t column_length(const ColumnValues& values) {
  return std::visit([](const auto& v) { return v.size(); }, values);
}

}  // namespace

void Hdf5Writer::write_dataset(std::string_view path, std::span<const double> values,
                               const std::vector<std::uint64_t>& shape,
                               const DatasetOptions& options) {
  auto& state = detail::live_state(state_, "Hdf5Writer::write_dataset");
  write_numeric(state, path, values.data(), values.size(),
                {H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, sizeof(double)}, shape, options);
}

void Hdf5Writer::write_dataset(std::string_view path, std::span<const std::int64_t> values,
                               const std::vector<std::uint64_t>& shape,
                               const DatasetOptions& options) {
  auto& state = detail::live_state(state_, "Hdf5Writer::write_dataset");
  write_numeric(state, path, values.data(), values.size(),
                {H5T_NATIVE_INT64, H5T_STD_I64LE, sizeof(std::int64_t)}, shape, options);
}

void Hdf5Writer::write_dataset(std::string_view path, std::span<const std::uint8_t> values,
                               const std::vector<std::uint64_t>& shape,
                               const DatasetOptions& options) {
  auto& state = detail::live_state(state_, "Hdf5Writer::write_dataset");
  write_numeric(state, path, values.data(), values.size(),
                {H5T_NATIVE_UINT8, H5T_STD_U8LE, sizeof(std::uint8_t)}, shape, options);
}

void Hdf5Writer::write_strings(std::string_view path, std::span<const std::string> values) {
  constexpr std::string_view kFunction = "Hdf5Writer::write_strings";
  auto& state = detail::live_state(state_, kFunction);
  const std::string object = detail::normalize_path(path, kFunction);
  for (std::size_t i = 0; i < values.size(); ++i)
    detail::validate_text(values[i], kFunction, object + "[" + std::to_string(i) + "]");
  const detail::H5Lock lock;
  const auto site = state.site(object);
  const auto type = detail::utf8_string_type(detail::string_width(values), site);
  const auto space = detail::make_dataspace({values.size()}, site);
  const auto lcpl = detail::intermediate_groups_lcpl(site);
  const auto dataset = detail::owned(H5Dcreate2(state.file.get(), object.c_str(), type.get(),
                                                space.get(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT),
                                     site, "H5Dcreate2");
  detail::write_string_elements(dataset.get(), false, values, site);
}

void Hdf5Writer::write_table(std::string_view group_path, const Table& table) {
  constexpr std::string_view kFunction = "Hdf5Writer::write_table";
  detail::live_state(state_, kFunction);
  const std::string group = detail::normalize_path(group_path, kFunction);
  if (table.columns.empty())
    throw std::invalid_argument(std::string(kFunction) + ": table has no columns (" + group + ")");
  const std::size_t rows = column_length(table.columns.front().values);
  std::set<std::string> seen;
  std::vector<std::string> names;
  for (const auto& column : table.columns) {
    if (column.name.empty() || column.name.find('/') != std::string::npos || column.name == "." ||
        column.name == ".." || !seen.insert(column.name).second)
      throw std::invalid_argument(std::string(kFunction) + ": bad or duplicate column name '" +
                                  column.name + "' (" + group + ")");
    if (column_length(column.values) != rows)
      throw std::invalid_argument(std::string(kFunction) + ": column " + column.name + " has " +
                                  std::to_string(column_length(column.values)) + " rows, not " +
                                  std::to_string(rows));
    names.push_back(column.name);
  }
  create_group(group);
  for (const auto& column : table.columns) {
    const std::string path = group + (group == "/" ? "" : "/") + column.name;
    if (const auto* d = std::get_if<std::vector<double>>(&column.values))
      write_dataset(path, std::span<const double>(*d));
    else if (const auto* i = std::get_if<std::vector<std::int64_t>>(&column.values))
      write_dataset(path, std::span<const std::int64_t>(*i));
    else
      write_strings(path, std::get<std::vector<std::string>>(column.values));
    if (!column.units.empty())
      write_attribute(path, "units", column.units);
  }
  write_attribute(group, "columns", names);
  write_attribute(group, "n_rows", static_cast<std::int64_t>(rows));
}

}  // namespace eegtrack::io
