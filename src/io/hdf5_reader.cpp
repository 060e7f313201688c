#include "eegtrack/io/hdf5_reader.hpp"

#include "hdf5_attributes.hpp"
#include "hdf5_handles.hpp"

namespace eegtrack::io {

namespace detail {
struct Hdf5ReaderState {
  std::filesystem::path path;
  H5Handle file;
};
}  // namespace detail

namespace {

using detail::H5Handle;
using detail::H5Site;

H5Handle open_object(hid_t file, const std::string& object, const H5Site& site) {
  return detail::owned(H5Oopen(file, object.c_str(), H5P_DEFAULT), site, "H5Oopen");
}

// Out-of-range values abort the read instead of being clipped (HDF5's default).
H5T_conv_ret_t abort_on_overflow(H5T_conv_except_t except, hid_t /*src*/, hid_t /*dst*/,
                                 void* /*src_buf*/, void* /*dst_buf*/, void* /*data*/) {
  return except == H5T_CONV_EXCEPT_RANGE_HI || except == H5T_CONV_EXCEPT_RANGE_LOW
             ? H5T_CONV_ABORT
             : H5T_CONV_UNHANDLED;
}

/// The extent of a dataset, one entry per dimension.
std::vector<hsize_t> dataset_dims(hid_t dataset, const H5Site& site) {
  const H5Handle space = detail::owned(H5Dget_space(dataset), site, "H5Dget_space");
  const int rank = H5Sget_simple_extent_ndims(space.get());
  detail::check(rank, site, "H5Sget_simple_extent_ndims");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  detail::check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), site,
                "H5Sget_simple_extent_dims");
  return dims;
}

/// Rows [first, first + count) of the first dimension, or every row.
struct RowSelection {
  bool all = true;
  hsize_t first = 0;
  hsize_t count = 0;
};

template <class T>
NdArray<T> read_numeric(hid_t file, const std::string& object, const H5Site& site,
                        H5T_class_t wanted, hid_t memtype, RowSelection rows = {}) {
  const H5Handle dataset =
      detail::owned(H5Dopen2(file, object.c_str(), H5P_DEFAULT), site, "H5Dopen2");
  const H5Handle type = detail::owned(H5Dget_type(dataset.get()), site, "H5Dget_type");
  if (H5Tget_class(type.get()) != wanted)
    throw H5Error(site.file, object, "read dataset",
                  wanted == H5T_FLOAT ? "not a floating-point dataset" : "not an integer dataset");
  std::vector<hsize_t> dims = dataset_dims(dataset.get(), site);
  if (!rows.all) {
    if (dims.empty())
      throw H5Error(site.file, object, "read rows", "a scalar dataset has no rows");
    if (rows.first > dims[0] || rows.count > dims[0] - rows.first)
      throw H5Error(site.file, object, "read rows",
                    "rows " + std::to_string(rows.first) + " to " +
                        std::to_string(rows.first + rows.count) + " run past its " +
                        std::to_string(dims[0]) + " rows");
    dims[0] = rows.count;
  }
  NdArray<T> out;
  out.shape.assign(dims.begin(), dims.end());
  std::size_t n = 1;
  for (const auto d : dims)
    n *= d;
  out.values.resize(n);
  if (n == 0)
    return out;
  const H5Handle dxpl = detail::owned(H5Pcreate(H5P_DATASET_XFER), site, "H5Pcreate");
  detail::check(H5Pset_type_conv_cb(dxpl.get(), abort_on_overflow, nullptr), site,
                "H5Pset_type_conv_cb");
  if (rows.all) {
    detail::check(H5Dread(dataset.get(), memtype, H5S_ALL, H5S_ALL, dxpl.get(), out.values.data()),
                  site, "H5Dread");
    return out;
  }
  const H5Handle file_space = detail::owned(H5Dget_space(dataset.get()), site, "H5Dget_space");
  std::vector<hsize_t> start(dims.size(), 0);
  start[0] = rows.first;
  detail::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                    dims.data(), nullptr),
                site, "H5Sselect_hyperslab");
  const H5Handle memory_space =
      detail::owned(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), site,
                    "H5Screate_simple");
  detail::check(H5Dread(dataset.get(), memtype, memory_space.get(), file_space.get(), dxpl.get(),
                        out.values.data()),
                site, "H5Dread");
  return out;
}

}  // namespace

Hdf5Reader::Hdf5Reader(std::filesystem::path path)
    : state_(std::make_unique<detail::Hdf5ReaderState>()) {
  state_->path = std::move(path);
  const detail::H5Lock lock;
  const H5Site site{state_->path, ""};
  state_->file =
      detail::owned(H5Fopen(state_->path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), site, "H5Fopen");
}

Hdf5Reader::~Hdf5Reader() = default;
Hdf5Reader::Hdf5Reader(Hdf5Reader&& other) noexcept = default;

const std::filesystem::path& Hdf5Reader::path() const noexcept {
  return state_->path;
}

bool Hdf5Reader::exists(std::string_view object_path) const {
  const std::string object = detail::normalize_path(object_path, "Hdf5Reader::exists");
  const detail::H5Lock lock;
  return object == "/" || detail::link_exists(state_->file.get(), object, {state_->path, object});
}

bool Hdf5Reader::is_group(std::string_view object_path) const {
  const std::string object = detail::normalize_path(object_path, "Hdf5Reader::is_group");
  if (!exists(object))
    return false;
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle handle = open_object(state_->file.get(), object, site);
  return H5Iget_type(handle.get()) == H5I_GROUP;
}

std::vector<std::string> Hdf5Reader::children(std::string_view group_path) const {
  const std::string object = detail::normalize_path(group_path, "Hdf5Reader::children");
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle group =
      detail::owned(H5Gopen2(state_->file.get(), object.c_str(), H5P_DEFAULT), site, "H5Gopen2");
  H5G_info_t info{};
  detail::check(H5Gget_info(group.get(), &info), site, "H5Gget_info");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                            nullptr, 0, H5P_DEFAULT);
    detail::check(static_cast<herr_t>(size < 0 ? -1 : 0), site, "H5Lget_name_by_idx");
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    detail::check(
        static_cast<herr_t>(H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                               name.data(), name.size(), H5P_DEFAULT) < 0
                                ? -1
                                : 0),
        site, "H5Lget_name_by_idx");
    name.resize(static_cast<std::size_t>(size));
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<std::string> Hdf5Reader::attribute_names(std::string_view object_path) const {
  const std::string object = detail::normalize_path(object_path, "Hdf5Reader::attribute_names");
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  return detail::attribute_names(open_object(state_->file.get(), object, site).get(), site);
}

bool Hdf5Reader::has_attribute(std::string_view object_path, std::string_view name) const {
  const std::string object = detail::normalize_path(object_path, "Hdf5Reader::has_attribute");
  if (!exists(object))
    return false;
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle handle = open_object(state_->file.get(), object, site);
  const htri_t found = H5Aexists(handle.get(), std::string(name).c_str());
  detail::check(found, site, "H5Aexists");
  return found > 0;
}

AttributeValue Hdf5Reader::attribute(std::string_view object_path, std::string_view name) const {
  const std::string object = detail::normalize_path(object_path, "Hdf5Reader::attribute");
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle handle = open_object(state_->file.get(), object, site);
  return detail::read_attribute(handle.get(), site, name);
}

std::vector<std::uint64_t> Hdf5Reader::shape(std::string_view dataset_path) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::shape");
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle dataset =
      detail::owned(H5Dopen2(state_->file.get(), object.c_str(), H5P_DEFAULT), site, "H5Dopen2");
  const std::vector<hsize_t> dims = dataset_dims(dataset.get(), site);
  return {dims.begin(), dims.end()};
}

NdArray<double> Hdf5Reader::read_doubles(std::string_view dataset_path) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_doubles");
  const detail::H5Lock lock;
  return read_numeric<double>(state_->file.get(), object, {state_->path, object}, H5T_FLOAT,
                              H5T_NATIVE_DOUBLE);
}

NdArray<double> Hdf5Reader::read_doubles(std::string_view dataset_path, std::uint64_t first_row,
                                         std::uint64_t row_count) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_doubles");
  const detail::H5Lock lock;
  return read_numeric<double>(state_->file.get(), object, {state_->path, object}, H5T_FLOAT,
                              H5T_NATIVE_DOUBLE, {false, first_row, row_count});
}

NdArray<std::int64_t> Hdf5Reader::read_int64(std::string_view dataset_path) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_int64");
  const detail::H5Lock lock;
  return read_numeric<std::int64_t>(state_->file.get(), object, {state_->path, object}, H5T_INTEGER,
                                    H5T_NATIVE_INT64);
}

NdArray<std::uint8_t> Hdf5Reader::read_uint8(std::string_view dataset_path) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_uint8");
  const detail::H5Lock lock;
  return read_numeric<std::uint8_t>(state_->file.get(), object, {state_->path, object}, H5T_INTEGER,
                                    H5T_NATIVE_UINT8);
}

NdArray<std::uint8_t> Hdf5Reader::read_uint8(std::string_view dataset_path, std::uint64_t first_row,
                                             std::uint64_t row_count) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_uint8");
  const detail::H5Lock lock;
  return read_numeric<std::uint8_t>(state_->file.get(), object, {state_->path, object}, H5T_INTEGER,
                                    H5T_NATIVE_UINT8, {false, first_row, row_count});
}

std::vector<std::string> Hdf5Reader::read_strings(std::string_view dataset_path) const {
  const std::string object = detail::normalize_path(dataset_path, "Hdf5Reader::read_strings");
  const detail::H5Lock lock;
  const H5Site site{state_->path, object};
  const H5Handle dataset =
      detail::owned(H5Dopen2(state_->file.get(), object.c_str(), H5P_DEFAULT), site, "H5Dopen2");
  return detail::read_string_elements(dataset.get(), false, site);
}

Table Hdf5Reader::read_table(std::string_view group_path) const {
  const std::string group = detail::normalize_path(group_path, "Hdf5Reader::read_table");
  const auto names = attribute(group, "columns");
  const auto* list = std::get_if<std::vector<std::string>>(&names);
  if (list == nullptr)
    throw H5Error(state_->path, group, "read table", "attribute 'columns' is not a string list");
  Table table;
  for (const auto& name : *list) {
    const std::string path = group + (group == "/" ? "" : "/") + name;
    H5T_class_t type_class = H5T_NO_CLASS;
    {
      const detail::H5Lock lock;
      const H5Site site{state_->path, path};
      const H5Handle dataset =
          detail::owned(H5Dopen2(state_->file.get(), path.c_str(), H5P_DEFAULT), site, "H5Dopen2");
      const H5Handle type = detail::owned(H5Dget_type(dataset.get()), site, "H5Dget_type");
      type_class = H5Tget_class(type.get());
    }
    TableColumn column{.name = name, .values = {}, .units = {}};
    if (type_class == H5T_FLOAT)
      column.values = read_doubles(path).values;
    else if (type_class == H5T_INTEGER)
      column.values = read_int64(path).values;
    else
      column.values = read_strings(path);
    if (has_attribute(path, "units")) {
      const auto units = attribute(path, "units");
      if (const auto* text = std::get_if<std::string>(&units))
        column.units = *text;
    }
    table.columns.push_back(std::move(column));
  }
  return table;
}

}  // namespace eegtrack::io
