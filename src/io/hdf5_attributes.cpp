#include "hdf5_attributes.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <span>

#include "eegtrack/io/hdf5_error.hpp"

namespace eegtrack::io::detail {

namespace {

H5Handle type_of(hid_t source, bool is_attribute, const H5Site& site) {
  return is_attribute ? owned(H5Aget_type(source), site, "H5Aget_type")
                      : owned(H5Dget_type(source), site, "H5Dget_type");
}

H5Handle space_of(hid_t source, bool is_attribute, const H5Site& site) {
  return is_attribute ? owned(H5Aget_space(source), site, "H5Aget_space")
                      : owned(H5Dget_space(source), site, "H5Dget_space");
}

void read_raw(hid_t source, bool is_attribute, hid_t memtype, void* buffer, const H5Site& site) {
  if (is_attribute)
    check(H5Aread(source, memtype, buffer), site, "H5Aread");
  else
    check(H5Dread(source, memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer), site, "H5Dread");
}

std::vector<std::string> read_fixed_strings(hid_t source, bool is_attribute, hid_t filetype,
                                            std::size_t n, const H5Site& site) {
  const std::size_t size = H5Tget_size(filetype);
  // A damaged header can declare any count and width: never allocate more than the file holds
  // (eegtrack's string arrays are stored uncompressed).
  std::error_code error;
  const auto file_bytes = std::filesystem::file_size(site.file, error);
  if (size == 0 || error || n > file_bytes / size)
    throw H5Error(site.file, std::string(site.object), "read strings",
                  std::to_string(n) + " strings of " + std::to_string(size) +
                      " bytes do not fit in the file: it is damaged");
  std::vector<char> buffer(n * size);
  const H5Handle memtype = owned(H5Tcopy(filetype), site, "H5Tcopy");
  if (n > 0)
    read_raw(source, is_attribute, memtype.get(), buffer.data(), site);
  const bool space_padded = H5Tget_strpad(filetype) == H5T_STR_SPACEPAD;
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string s(buffer.data() + i * size, size);
    s.resize(std::min(s.find('\0'), s.size()));
    if (space_padded)
      s.erase(s.find_last_not_of(' ') + 1);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<double> read_doubles(hid_t attribute, std::size_t n, const H5Site& site) {
  std::vector<double> values(n);
  if (n > 0)
    check(H5Aread(attribute, H5T_NATIVE_DOUBLE, values.data()), site, "H5Aread");
  return values;
}

}  // namespace

std::size_t string_width(std::span<const std::string> values) {
  std::size_t width = 1;
  for (const auto& s : values)
    width = std::max(width, s.size());
  return width;
}

void write_string_elements(hid_t target, bool is_attribute, std::span<const std::string> values,
                           const H5Site& site) {
  if (values.empty())
    return;
  const std::size_t width = string_width(values);
  std::vector<char> packed(values.size() * width, '\0');
  for (std::size_t i = 0; i < values.size(); ++i)
    std::copy(values[i].begin(), values[i].end(),
              packed.begin() + static_cast<std::ptrdiff_t>(i * width));
  const H5Handle type = utf8_string_type(width, site);
  if (is_attribute)
    check(H5Awrite(target, type.get(), packed.data()), site, "H5Awrite");
  else
    check(H5Dwrite(target, type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, packed.data()), site,
          "H5Dwrite");
}

std::vector<std::string> read_string_elements(hid_t source, bool is_attribute, const H5Site& site) {
  const H5Handle filetype = type_of(source, is_attribute, site);
  if (H5Tget_class(filetype.get()) != H5T_STRING)
    throw H5Error(site.file, std::string(site.object), "read strings", "not a string type");
  const H5Handle space = space_of(source, is_attribute, site);
  const hssize_t npoints = H5Sget_simple_extent_npoints(space.get());
  check(static_cast<herr_t>(npoints < 0 ? -1 : 0), site, "H5Sget_simple_extent_npoints");
  const auto n = static_cast<std::size_t>(npoints);
  const htri_t variable = H5Tis_variable_str(filetype.get());
  check(variable, site, "H5Tis_variable_str");
  if (variable != 0)
    throw H5Error(site.file, std::string(site.object), "read strings",
                  "variable-length strings are not read (eegtrack writes fixed-length strings "
                  "since store layout 2.0; an older store is re-made by running the analysis "
                  "again)");
  return read_fixed_strings(source, is_attribute, filetype.get(), n, site);
}

void write_attribute(hid_t object, const H5Site& site, std::string_view name,
                     const AttributeValue& value) {
  const std::string key(name);
  const htri_t exists = H5Aexists(object, key.c_str());
  check(exists, site, "H5Aexists");
  if (exists > 0)
    check(H5Adelete(object, key.c_str()), site, "H5Adelete");
  const auto create = [&](hid_t filetype, const std::vector<hsize_t>& dims) {
    const H5Handle space = make_dataspace(dims, site);
    return owned(H5Acreate2(object, key.c_str(), filetype, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                 site, "H5Acreate2");
  };
  if (const auto* s = std::get_if<std::string>(&value)) {
    const H5Handle type = utf8_string_type(string_width(std::span(s, 1)), site);
    const H5Handle attribute = create(type.get(), {});
    write_string_elements(attribute.get(), true, std::span(s, 1), site);
  } else if (const auto* d = std::get_if<double>(&value)) {
    const H5Handle attribute = create(H5T_IEEE_F64LE, {});
    check(H5Awrite(attribute.get(), H5T_NATIVE_DOUBLE, d), site, "H5Awrite");
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    const H5Handle attribute = create(H5T_STD_I64LE, {});
    check(H5Awrite(attribute.get(), H5T_NATIVE_INT64, i), site, "H5Awrite");
  } else if (const auto* v = std::get_if<std::vector<double>>(&value)) {
    const H5Handle attribute = create(H5T_IEEE_F64LE, {v->size()});
    if (!v->empty())
      check(H5Awrite(attribute.get(), H5T_NATIVE_DOUBLE, v->data()), site, "H5Awrite");
  } else if (const auto* strings = std::get_if<std::vector<std::string>>(&value)) {
    const H5Handle type = utf8_string_type(string_width(*strings), site);
    const H5Handle attribute = create(type.get(), {strings->size()});
    write_string_elements(attribute.get(), true, *strings, site);
  }
}

AttributeValue read_attribute(hid_t object, const H5Site& site, std::string_view name) {
  const std::string key(name);
  const H5Handle attribute = owned(H5Aopen(object, key.c_str(), H5P_DEFAULT), site, "H5Aopen");
  const H5Handle type = type_of(attribute.get(), true, site);
  const H5Handle space = space_of(attribute.get(), true, site);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  check(rank, site, "H5Sget_simple_extent_ndims");
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (rank > 1)
    throw H5Error(site.file, std::string(site.object), "read attribute " + key,
                  "rank " + std::to_string(rank) + " attributes are not supported");
  if (type_class == H5T_STRING) {
    auto strings = read_string_elements(attribute.get(), true, site);
    if (rank == 0)
      return strings.empty() ? std::string() : std::move(strings.front());
    return strings;
  }
  if (type_class == H5T_FLOAT) {
    auto values = read_doubles(attribute.get(), n, site);
    if (rank == 0)
      return values.at(0);
    return values;
  }
  if (type_class == H5T_INTEGER && rank == 0) {
    std::int64_t value = 0;
    check(H5Aread(attribute.get(), H5T_NATIVE_INT64, &value), site, "H5Aread");
    return value;
  }
  throw H5Error(site.file, std::string(site.object), "read attribute " + key,
                "unsupported attribute type (class " + std::to_string(type_class) + ")");
}

namespace {
herr_t collect_name(hid_t /*location*/, const char* name, const H5A_info_t* /*info*/,
                    void* client_data) {
  static_cast<std::vector<std::string>*>(client_data)->emplace_back(name);
  return 0;
}
}  // namespace

std::vector<std::string> attribute_names(hid_t object, const H5Site& site) {
  std::vector<std::string> names;
  hsize_t index = 0;
  check(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &index, collect_name, &names), site,
        "H5Aiterate2");
  return names;
}

}  // namespace eegtrack::io::detail
