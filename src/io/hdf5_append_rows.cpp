// Hdf5Writer: extendable datasets (2-D or more) filled row block by row block.

#include <functional>
#include <numeric>
#include <stdexcept>

#include "eegtrack/io/hdf5_writer.hpp"
#include "hdf5_writer_impl.hpp"

namespace eegtrack::io {

namespace {

using Extendable = detail::Hdf5WriterState::Extendable;

Extendable create_extendable(detail::Hdf5WriterState& state, const std::string& object,
                             const std::vector<hsize_t>& row_shape, const DatasetOptions& options) {
  const auto site = state.site(object);
  std::vector<hsize_t> dims{0};
  dims.insert(dims.end(), row_shape.begin(), row_shape.end());
  std::vector<hsize_t> max_dims = dims;
  max_dims[0] = H5S_UNLIMITED;
  const auto space =
      detail::owned(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max_dims.data()),
                    site, "H5Screate_simple");
  const auto dcpl = detail::dataset_creation_plist(dims, sizeof(double), true, options, site);
  const auto lcpl = detail::intermediate_groups_lcpl(site);
  // The chunk cache holds one chunk: the partly filled last one. A chunk is compressed and
  // written as soon as the rows move past it, while the analysis runs, instead of every
  // cached chunk at once when the file is closed.
  std::vector<hsize_t> chunk(dims.size());
  detail::check(H5Pget_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), site,
                "H5Pget_chunk");
  const auto chunk_bytes =
      std::accumulate(chunk.begin(), chunk.end(), hsize_t{sizeof(double)}, std::multiplies<>());
  const auto dapl = detail::owned(H5Pcreate(H5P_DATASET_ACCESS), site, "H5Pcreate");
  detail::check(H5Pset_chunk_cache(dapl.get(), H5D_CHUNK_CACHE_NSLOTS_DEFAULT, chunk_bytes, 1.0),
                site, "H5Pset_chunk_cache");
  Extendable out;
  out.dataset = detail::owned(H5Dcreate2(state.file.get(), object.c_str(), H5T_IEEE_F64LE,
                                         space.get(), lcpl.get(), dcpl.get(), dapl.get()),
                              site, "H5Dcreate2");
  out.row_shape = row_shape;
  return out;
}

std::string shape_text(const std::vector<hsize_t>& shape) {
  std::string out;
  for (const auto d : shape)
    out += (out.empty() ? "" : " x ") + std::to_string(d);
  return out;
}

}  // namespace

void Hdf5Writer::append_rows(std::string_view path, std::span<const double> values,
                             std::size_t n_cols, const DatasetOptions& options) {
  const std::size_t shape[] = {n_cols};
  append_rows(path, values, std::span<const std::size_t>(shape), options);
}

void Hdf5Writer::append_rows(std::string_view path, std::span<const double> values,
                             std::span<const std::size_t> row_shape,
                             const DatasetOptions& options) {
  constexpr std::string_view kFunction = "Hdf5Writer::append_rows";
  auto& state = detail::live_state(state_, kFunction);
  const std::string object = detail::normalize_path(path, kFunction);
  const std::vector<hsize_t> shape(row_shape.begin(), row_shape.end());
  const hsize_t row_size =
      std::accumulate(shape.begin(), shape.end(), hsize_t{1}, std::multiplies<>());
  if (shape.empty() || row_size == 0)
    throw std::invalid_argument(std::string(kFunction) + ": every row dimension must be > 0 (" +
                                object + ")");
  if (values.size() % row_size != 0)
    throw std::invalid_argument(std::string(kFunction) + ": " + std::to_string(values.size()) +
                                " values are not whole rows of " + std::to_string(row_size));
  detail::validate_options(options, kFunction);
  const detail::H5Lock lock;
  auto it = state.extendables.find(object);
  if (it == state.extendables.end())
    it = state.extendables.emplace(object, create_extendable(state, object, shape, options)).first;
  Extendable& target = it->second;
  if (target.row_shape != shape)
    throw std::invalid_argument(std::string(kFunction) + ": " + object + " has rows of " +
                                shape_text(target.row_shape) + ", not " + shape_text(shape));
  const hsize_t rows = values.size() / row_size;
  if (rows == 0)
    return;
  const auto site = state.site(object);
  std::vector<hsize_t> new_dims{target.rows + rows};
  new_dims.insert(new_dims.end(), shape.begin(), shape.end());
  detail::check(H5Dset_extent(target.dataset.get(), new_dims.data()), site, "H5Dset_extent");
  const auto file_space = detail::owned(H5Dget_space(target.dataset.get()), site, "H5Dget_space");
  std::vector<hsize_t> start(new_dims.size(), 0);
  start[0] = target.rows;
  std::vector<hsize_t> count = new_dims;
  count[0] = rows;
  detail::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                    count.data(), nullptr),
                site, "H5Sselect_hyperslab");
  const auto memory_space = detail::make_dataspace(count, site);
  detail::check(H5Dwrite(target.dataset.get(), H5T_NATIVE_DOUBLE, memory_space.get(),
                         file_space.get(), H5P_DEFAULT, values.data()),
                site, "H5Dwrite");
  target.rows += rows;
}

}  // namespace eegtrack::io
