// Hdf5Writer: extendable 2-D datasets filled row block by row block.

#include <stdexcept>

#include "eegtrack/io/hdf5_writer.hpp"
#include "hdf5_writer_impl.hpp"

namespace eegtrack::io {

namespace {

using Extendable = detail::Hdf5WriterState::Extendable;

Extendable create_extendable(detail::Hdf5WriterState& state, const std::string& object,
                             std::size_t n_cols, const DatasetOptions& options) {
  const auto site = state.site(object);
  const std::vector<hsize_t> dims{0, n_cols};
  const std::vector<hsize_t> max_dims{H5S_UNLIMITED, n_cols};
  const auto space =
      detail::owned(H5Screate_simple(2, dims.data(), max_dims.data()), site, "H5Screate_simple");
  const auto dcpl = detail::dataset_creation_plist(dims, sizeof(double), true, options, site);
  const auto lcpl = detail::intermediate_groups_lcpl(site);
  Extendable out;
  out.dataset = detail::owned(H5Dcreate2(state.file.get(), object.c_str(), H5T_IEEE_F64LE,
                                         space.get(), lcpl.get(), dcpl.get(), H5P_DEFAULT),
                              site, "H5Dcreate2");
  out.cols = n_cols;
  return out;
}

}  // namespace

void Hdf5Writer::append_rows(std::string_view path, std::span<const double> values,
                             std::size_t n_cols, const DatasetOptions& options) {
  constexpr std::string_view kFunction = "Hdf5Writer::append_rows";
  auto& state = detail::live_state(state_, kFunction);
  const std::string object = detail::normalize_path(path, kFunction);
  if (n_cols == 0)
    throw std::invalid_argument(std::string(kFunction) + ": n_cols must be > 0 (" + object + ")");
  if (values.size() % n_cols != 0)
    throw std::invalid_argument(std::string(kFunction) + ": " + std::to_string(values.size()) +
                                " values are not whole rows of " + std::to_string(n_cols));
  detail::validate_options(options, kFunction);
  const detail::H5Lock lock;
  auto it = state.extendables.find(object);
  if (it == state.extendables.end())
    it = state.extendables.emplace(object, create_extendable(state, object, n_cols, options)).first;
  Extendable& target = it->second;
  if (target.cols != n_cols)
    throw std::invalid_argument(std::string(kFunction) + ": " + object + " has " +
                                std::to_string(target.cols) + " columns, not " +
                                std::to_string(n_cols));
  const hsize_t rows = values.size() / n_cols;
  if (rows == 0)
    return;
  const auto site = state.site(object);
  const std::vector<hsize_t> new_dims{target.rows + rows, n_cols};
  detail::check(H5Dset_extent(target.dataset.get(), new_dims.data()), site, "H5Dset_extent");
  const auto file_space = detail::owned(H5Dget_space(target.dataset.get()), site, "H5Dget_space");
  const std::vector<hsize_t> start{target.rows, 0};
  const std::vector<hsize_t> count{rows, n_cols};
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
