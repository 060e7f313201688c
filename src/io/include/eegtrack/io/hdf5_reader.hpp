#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/hdf5_error.hpp"
#include "eegtrack/io/hdf5_types.hpp"

namespace eegtrack::io {

namespace detail {
struct Hdf5ReaderState;
}  // namespace detail

/// Read-only access to an HDF5 feature store (layout: docs/hdf5-layout.md): attributes,
/// numeric arrays, string datasets and tables, addressed by '/'-separated object paths.
/// Numeric reads convert within a type class (float32 -> double, int16 -> int64) but never
/// between classes.
///
/// Thread safety: like Hdf5Writer, every HDF5 call holds the process-wide HDF5 mutex; one
/// reader must not be used by two threads at once.
class Hdf5Reader {
 public:
  /// Opens path read-only. @throws H5Error naming path if it is missing or not HDF5.
  explicit Hdf5Reader(std::filesystem::path path);
  ~Hdf5Reader();
  Hdf5Reader(Hdf5Reader&& other) noexcept;
  Hdf5Reader& operator=(Hdf5Reader&&) = delete;
  Hdf5Reader(const Hdf5Reader&) = delete;
  Hdf5Reader& operator=(const Hdf5Reader&) = delete;

  /// The file being read.
  [[nodiscard]] const std::filesystem::path& path() const noexcept;

  /// True if a group or dataset exists at object_path ("/" always exists).
  /// @throws std::invalid_argument for a malformed path.
  [[nodiscard]] bool exists(std::string_view object_path) const;
  /// True if object_path is a group (false for datasets and missing objects).
  [[nodiscard]] bool is_group(std::string_view object_path) const;
  /// Names of the links in a group, in name order. @throws H5Error if it is not a group.
  [[nodiscard]] std::vector<std::string> children(std::string_view group_path) const;

  /// Names of the attributes of a group or dataset, in name order.
  /// @throws H5Error if the object is missing.
  [[nodiscard]] std::vector<std::string> attribute_names(std::string_view object_path) const;
  /// True if the object exists and carries attribute `name`.
  [[nodiscard]] bool has_attribute(std::string_view object_path, std::string_view name) const;
  /// One attribute. Scalar/1-D strings and floats map to string/vector<string>, double/
  /// vector<double>; scalar integers to int64.
  /// @throws H5Error if it is missing or has another type or rank > 1.
  [[nodiscard]] AttributeValue attribute(std::string_view object_path, std::string_view name) const;

  /// The dimensions of a dataset (empty for a scalar). @throws H5Error if it is missing.
  [[nodiscard]] std::vector<std::uint64_t> shape(std::string_view dataset_path) const;
  /// A floating-point dataset of any rank, as double. @throws H5Error if missing or not float.
  [[nodiscard]] NdArray<double> read_doubles(std::string_view dataset_path) const;
  /// Rows [first_row, first_row + row_count) of a floating-point dataset of rank >= 1 (the
  /// first dimension counts rows), as double; shape[0] is row_count. For reading a long
  /// recording's per-epoch arrays a block at a time, in memory that does not grow with it.
  /// @throws H5Error if missing, not float, a scalar, or the rows run past the dataset's end.
  [[nodiscard]] NdArray<double> read_doubles(std::string_view dataset_path, std::uint64_t first_row,
                                             std::uint64_t row_count) const;
  /// An integer dataset as int64. @throws H5Error if missing, not integer or out of range.
  [[nodiscard]] NdArray<std::int64_t> read_int64(std::string_view dataset_path) const;
  /// An integer dataset as uint8. @throws H5Error if missing, not integer or out of range.
  [[nodiscard]] NdArray<std::uint8_t> read_uint8(std::string_view dataset_path) const;
  /// Rows of an integer dataset as uint8, as read_doubles(path, first_row, row_count) reads.
  [[nodiscard]] NdArray<std::uint8_t> read_uint8(std::string_view dataset_path,
                                                 std::uint64_t first_row,
                                                 std::uint64_t row_count) const;
  /// Every element of a string dataset (row-major order for rank > 1).
  /// @throws H5Error if missing or not a string dataset.
  [[nodiscard]] std::vector<std::string> read_strings(std::string_view dataset_path) const;
  /// A table written by Hdf5Writer::write_table: the columns listed by the group's "columns"
  /// attribute, in that order, with their "units" attributes.
  /// @throws H5Error if the group, its "columns" attribute or a column is missing.
  [[nodiscard]] Table read_table(std::string_view group_path) const;

 private:
  std::unique_ptr<detail::Hdf5ReaderState> state_;
};

}  // namespace eegtrack::io
